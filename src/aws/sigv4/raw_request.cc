// Raw HTTP request text -> HttpRequest (see raw_request.h). Tolerant where the SigV4 suites
// need it (unencoded targets, folded header values, missing final newline), strict where a
// malformed header would otherwise be silently signed.
#include "aws/sigv4/raw_request.h"

#include <string>

namespace rampart::aws::sigv4 {

namespace {

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Next line without its terminator; advances `pos` past it. `ended` tells whether a line
// terminator was found (false for a last line without newline).
std::string_view next_line(std::string_view text, std::size_t& pos, bool& ended) {
  std::size_t nl = text.find('\n', pos);
  ended = nl != std::string_view::npos;
  if (!ended) nl = text.size();
  std::string_view line = text.substr(pos, nl - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  pos = ended ? nl + 1 : text.size();
  return line;
}

Error parse_error(std::string message) {
  return make_error(ErrorKind::Parse, std::move(message), "BadRawRequest");
}

}  // namespace

Result<HttpRequest> parse_raw_http_request(std::string_view text) {
  std::size_t pos = 0;
  bool ended = false;
  std::string_view line = next_line(text, pos, ended);
  std::size_t sp = line.find(' ');
  if (line.empty() || sp == 0 || sp == std::string_view::npos) {
    return parse_error("raw request: no request line \"METHOD target HTTP/1.1\"");
  }
  HttpRequest req;
  req.method = std::string(line.substr(0, sp));
  std::string_view target = line.substr(sp + 1);
  if (std::size_t last = target.rfind(' ');
      last != std::string_view::npos && target.substr(last + 1).starts_with("HTTP/")) {
    target = target.substr(0, last);
  }
  if (target.empty()) return parse_error("raw request: empty request target");
  std::size_t q = target.find('?');
  req.path = std::string(target.substr(0, q));
  req.query = q == std::string_view::npos ? std::string() : std::string(target.substr(q + 1));
  req.headers.clear();

  while (ended && pos <= text.size()) {
    line = next_line(text, pos, ended);
    if (line.empty()) {
      if (ended) req.body = std::string(text.substr(pos));
      break;
    }
    if (line.front() == ' ' || line.front() == '\t') {
      if (req.headers.empty())
        return parse_error("raw request: continuation line before any header");
      std::string_view more = trim_ows(line);
      std::string& value = req.headers.back().second;
      if (!more.empty()) {
        if (!value.empty()) value += ' ';
        value += more;
      }
      continue;
    }
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return parse_error("raw request: header line without ':'");
    std::string_view name = line.substr(0, colon);
    if (name.empty() || name.find_first_of(" \t") != std::string_view::npos) {
      return parse_error("raw request: empty or malformed header name");
    }
    req.headers.emplace_back(std::string(name), std::string(trim_ows(line.substr(colon + 1))));
  }
  // Read after the loop: a Host value may have been folded over several lines.
  if (const std::string* host = req.header("host")) req.host = *host;
  return req;
}

}  // namespace rampart::aws::sigv4
