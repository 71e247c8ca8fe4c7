#include "aws/credentials/fetch_util.h"

#include <array>
#include <cctype>

#include <arpa/inet.h>
#include <fmt/format.h>

#include "aws/core/timestamp.h"

namespace rampart::aws {

std::optional<Url> parse_url(std::string_view text) {
  auto sep = text.find("://");
  if (sep == std::string_view::npos || sep == 0) return std::nullopt;
  Url url;
  for (char c : text.substr(0, sep)) {
    url.scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::string_view rest = text.substr(sep + 3);
  auto path_start = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, path_start);
  rest = path_start == std::string_view::npos ? std::string_view{} : rest.substr(path_start);
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (authority.empty()) return std::nullopt;
  url.host = std::string(authority);
  if (authority.front() == '[') {
    auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    url.hostname = std::string(authority.substr(1, close - 1));
  } else {
    url.hostname = std::string(authority.substr(0, authority.find(':')));
  }
  for (char& c : url.hostname) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  auto q = rest.find('?');
  url.path = std::string(rest.substr(0, q));
  if (q != std::string_view::npos) url.query = std::string(rest.substr(q + 1));
  if (url.path.empty()) url.path = "/";
  return url;
}

bool is_loopback_address(std::string_view hostname) {
  std::string host(hostname);
  std::array<unsigned char, 16> buf{};
  if (inet_pton(AF_INET, host.c_str(), buf.data()) == 1) return buf[0] == 127;
  if (inet_pton(AF_INET6, host.c_str(), buf.data()) == 1) {
    static constexpr std::array<unsigned char, 16> kLoopback{0, 0, 0, 0, 0, 0, 0, 0,
                                                             0, 0, 0, 0, 0, 0, 0, 1};
    return buf == kLoopback;
  }
  return false;
}

std::optional<std::chrono::system_clock::time_point> parse_expiration(std::string_view text) {
  auto ts = parse_iso8601(text);
  if (!ts) return std::nullopt;
  return std::chrono::system_clock::time_point(std::chrono::seconds(ts->seconds)) +
         std::chrono::duration_cast<std::chrono::system_clock::duration>(
             std::chrono::nanoseconds(ts->nanos));
}

Result<Credentials> credentials_from_json(const Json& doc, std::string_view token_key,
                                          bool require_token_and_expiration,
                                          std::string_view what) {
  if (!doc.is_object()) {
    return make_error(ErrorKind::Parse, fmt::format("{}: the response is not a JSON object", what),
                      "CredentialRetrievalError");
  }
  auto field = [&](std::string_view key) -> const std::string* {
    auto it = doc.find(std::string(key));
    if (it == doc.end() || !it->is_string()) return nullptr;
    return it->get_ptr<const std::string*>();
  };
  std::string missing;
  auto need = [&](std::string_view key) {
    if (field(key) == nullptr) missing += (missing.empty() ? "" : ", ") + std::string(key);
  };
  need("AccessKeyId");
  need("SecretAccessKey");
  if (require_token_and_expiration) {
    need(token_key);
    need("Expiration");
  }
  if (!missing.empty()) {
    std::string code;
    if (const std::string* c = field("Code")) code = fmt::format(" (error code {})", *c);
    return make_error(ErrorKind::Parse,
                      fmt::format("{}: the response is missing {}{}", what, missing, code),
                      "CredentialRetrievalError");
  }
  Credentials creds;
  creds.access_key_id = *field("AccessKeyId");
  creds.secret_access_key = *field("SecretAccessKey");
  if (const std::string* token = field(token_key)) creds.session_token = *token;
  if (const std::string* exp = field("Expiration")) {
    creds.expiration = parse_expiration(*exp);
    if (!creds.expiration) {
      return make_error(ErrorKind::Parse,
                        fmt::format("{}: Expiration '{}' is not an ISO 8601 time", what, *exp),
                        "CredentialRetrievalError");
    }
  }
  creds.source = std::string(what);
  return creds;
}

}  // namespace rampart::aws
