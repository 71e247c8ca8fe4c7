// SigV4 canonicalization of the URI, the query string and the headers (see canonical.h).
// The rules follow the AWS "Create a canonical request" page and the aws-c-auth / botocore
// test suites: percent-encoding is always upper-case hex over the RFC 3986 unreserved set,
// and sorting is plain byte order of the encoded strings (so "%E1..." sorts before "P").
#include "aws/sigv4/canonical.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

#include "aws/core/encoding.h"

namespace rampart::aws::sigv4 {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string normalize_uri_path(std::string_view path) {
  std::vector<std::string_view> segments;
  bool trailing_slash = false;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(pos, end - pos);
    bool last = end == path.size();
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
      trailing_slash = last;
    } else if (seg == ".") {
      trailing_slash = last;
    } else if (seg.empty()) {
      trailing_slash = last;  // only an empty final segment means "ends with '/'"
    } else {
      segments.push_back(seg);
      trailing_slash = false;
    }
    pos = end + 1;
  }
  std::string out;
  out.reserve(path.size() + 1);
  for (std::string_view seg : segments) {
    out += '/';
    out += seg;
  }
  if (out.empty() || trailing_slash) out += '/';
  return out;
}

std::string canonical_uri(std::string_view path, bool normalize, bool double_encode) {
  if (path.empty()) return "/";
  std::string p = normalize ? normalize_uri_path(path) : std::string(path);
  if (double_encode) return uri_encode(p, /*keep_slash=*/true);
  return uri_encode(uri_decode(p), /*keep_slash=*/true);
}

std::string canonical_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> params;
  std::size_t pos = 0;
  while (pos <= query.size()) {
    std::size_t end = query.find('&', pos);
    if (end == std::string_view::npos) end = query.size();
    std::string_view item = query.substr(pos, end - pos);
    if (!item.empty()) {
      std::size_t eq = item.find('=');
      std::string_view key = item.substr(0, eq);
      std::string_view value =
          eq == std::string_view::npos ? std::string_view{} : item.substr(eq + 1);
      params.emplace_back(uri_encode(uri_decode(key)), uri_encode(uri_decode(value)));
    }
    pos = end + 1;
  }
  std::sort(params.begin(), params.end());
  std::string out;
  for (const auto& [k, v] : params) {
    if (!out.empty()) out += '&';
    out += k;
    out += '=';
    out += v;
  }
  return out;
}

std::string canonical_header_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  bool pending_space = false;
  for (char c : value) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

bool is_unsigned_header(std::string_view lower_name) {
  static constexpr std::array<std::string_view, 7> kSkipped = {
      "authorization", "user-agent",        "x-amzn-trace-id", "expect",
      "connection",    "transfer-encoding", "upgrade"};
  return std::find(kSkipped.begin(), kSkipped.end(), lower_name) != kSkipped.end();
}

CanonicalHeaders canonicalize_headers(const Headers& headers) {
  // (lower-case name, trimmed value, original position): a stable sort keeps the values of a
  // repeated header in request order, as the spec requires.
  std::vector<std::pair<std::string, std::string>> items;
  items.reserve(headers.size());
  for (const auto& [name, value] : headers) {
    std::string lower = to_lower(name);
    if (is_unsigned_header(lower)) continue;
    items.emplace_back(std::move(lower), canonical_header_value(value));
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  CanonicalHeaders out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string& name = items[i].first;
    if (i > 0 && items[i - 1].first == name) {
      out.block += ',';
      out.block += items[i].second;
      continue;
    }
    if (i > 0) out.block += '\n';
    if (!out.signed_headers.empty()) out.signed_headers += ';';
    out.signed_headers += name;
    out.block += name;
    out.block += ':';
    out.block += items[i].second;
  }
  if (!items.empty()) out.block += '\n';
  return out;
}

}  // namespace rampart::aws::sigv4
