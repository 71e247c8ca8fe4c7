#include "aws/serialize/request_target.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace rampart::aws {

Result<RequestTarget> parse_endpoint_url(std::string_view url) {
  auto bad = [&](std::string_view why) {
    return make_error(ErrorKind::InvalidRequest,
                      "invalid endpoint URL '" + std::string(url) + "': " + std::string(why));
  };
  auto sep = url.find("://");
  if (sep == std::string_view::npos) return bad("missing scheme");
  std::string scheme(url.substr(0, sep));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (scheme != "http" && scheme != "https") return bad("scheme must be http or https");
  std::string_view rest = url.substr(sep + 3);
  if (rest.find_first_of("?#") != std::string_view::npos) return bad("query or fragment");
  auto slash = rest.find('/');
  std::string_view host = rest.substr(0, slash);
  if (host.empty()) return bad("missing host");
  if (host.find('@') != std::string_view::npos) return bad("user info is not allowed");
  for (char c : host) {
    if (std::isspace(static_cast<unsigned char>(c))) return bad("whitespace in host");
  }
  RequestTarget t;
  t.scheme = std::move(scheme);
  t.host = std::string(host);
  if (slash != std::string_view::npos) {
    std::string_view path = rest.substr(slash);
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);
    t.path_prefix = std::string(path);
  }
  return t;
}

}  // namespace rampart::aws
