#include "aws/credentials/container_source.h"

#include <array>
#include <fstream>
#include <sstream>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aws/core/json.h"
#include "aws/credentials/fetch_util.h"

namespace rampart::aws {
namespace {

constexpr std::string_view kEcsHost = "169.254.170.2";
constexpr std::array<std::string_view, 4> kAllowedHosts = {kEcsHost, "169.254.170.23",
                                                           "fd00:ec2::23", "localhost"};

Error container_error(ErrorKind kind, std::string message) {
  return make_error(kind, "container credentials: " + std::move(message),
                    "CredentialRetrievalError");
}

Result<std::string> auth_token(const Environment& env) {
  std::optional<std::string> token;
  if (auto file = env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")) {
    std::ifstream in(*file, std::ios::binary);
    if (!in) {
      return container_error(ErrorKind::NotFound,
                             fmt::format("cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE {}",
                                         *file));
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    token = buffer.str();
  } else {
    token = env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN");
  }
  if (!token) return std::string{};
  if (token->find_first_of("\r\n") != std::string::npos) {
    return container_error(ErrorKind::InvalidRequest,
                           "the authorization token is not a legal header value (it contains a "
                           "line break)");
  }
  return *token;
}

}  // namespace

bool container_credentials_configured(const Environment& env) {
  return env.has("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") ||
         env.has("AWS_CONTAINER_CREDENTIALS_FULL_URI");
}

Result<CredentialFetcher> container_fetcher(const Environment& env, HttpTransport& http,
                                            const Clock& clock, ContainerOptions options) {
  std::string full_uri;
  bool relative = false;
  if (auto rel = env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
    full_uri = fmt::format("http://{}{}", kEcsHost, *rel);
    relative = true;
  } else if (auto full = env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
    full_uri = *full;
  } else {
    return container_error(ErrorKind::NotFound, "no AWS_CONTAINER_CREDENTIALS_* variable is set");
  }
  auto url = parse_url(full_uri);
  if (!url || (url->scheme != "http" && url->scheme != "https")) {
    return container_error(ErrorKind::InvalidRequest,
                           fmt::format("'{}' is not an http(s) URL", full_uri));
  }
  bool allowed = relative || url->scheme == "https" || is_loopback_address(url->hostname);
  for (std::string_view host : kAllowedHosts) allowed = allowed || url->hostname == host;
  if (!allowed) {
    return container_error(
        ErrorKind::InvalidRequest,
        fmt::format("unsupported host '{}': only https, a loopback address or one of {} are "
                    "allowed",
                    url->hostname, fmt::join(kAllowedHosts, ", ")));
  }
  HttpRequest request;
  request.method = "GET";
  request.scheme = url->scheme;
  request.host = url->host;
  request.path = url->path;
  request.query = url->query;
  request.set_header("Accept", "application/json");

  return CredentialFetcher([env, request, &http, &clock, options]() -> Result<Credentials> {
    HttpRequest req = request;
    auto token = auth_token(env);  // re-read each time: EKS rotates the token file
    if (!token) return token.error();
    if (!token->empty()) req.set_header("Authorization", *token);
    CallOptions call;
    call.connect_timeout = options.timeout;
    call.total_timeout = options.timeout;
    Error last = container_error(ErrorKind::Internal, "no attempt made");
    for (int attempt = 0; attempt < options.attempts; ++attempt) {
      if (attempt > 0) clock.sleep_for(options.retry_sleep);
      auto response = http.send(req, call);
      if (!response) {
        last = container_error(response.error().kind,
                               fmt::format("{} ({})", req.url(), response.error().message));
        continue;
      }
      if (response->status != 200) {
        last = container_error(ErrorKind::ServiceUnavailable,
                               fmt::format("{} answered HTTP {}", req.url(), response->status));
        last.http_status = response->status;
        continue;
      }
      Json doc = Json::parse(response->body, nullptr, false);
      if (doc.is_discarded()) {
        last = container_error(ErrorKind::Parse, "the response is not JSON");
        continue;
      }
      return credentials_from_json(doc, "Token", true, "container-role");
    }
    return last;
  });
}

}  // namespace rampart::aws
