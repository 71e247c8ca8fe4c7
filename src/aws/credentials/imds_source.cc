#include "aws/credentials/imds_source.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "aws/core/json.h"
#include "aws/credentials/fetch_util.h"

namespace rampart::aws {
namespace {

constexpr std::string_view kTokenPath = "/latest/api/token";
constexpr std::string_view kRolePath = "/latest/meta-data/iam/security-credentials/";

Error imds_error(ErrorKind kind, std::string message) {
  return make_error(kind, "EC2 instance metadata: " + std::move(message),
                    "CredentialRetrievalError");
}

bool is_true(const std::optional<std::string>& v) {
  if (!v) return false;
  std::string lower = *v;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "true";
}

std::optional<std::string> setting(const Environment& env, const char* var, const Profile* p,
                                   const char* key) {
  if (auto v = env.non_empty(var)) return v;
  if (p != nullptr) {
    if (const std::string* v = p->get(key); v != nullptr && !v->empty()) return *v;
  }
  return std::nullopt;
}

struct Imds {
  HttpTransport& http;
  ImdsOptions options;
  Url base;

  HttpRequest request(std::string method, std::string_view path) const {
    HttpRequest req;
    req.method = std::move(method);
    req.scheme = base.scheme;
    req.host = base.host;
    std::string prefix = base.path == "/" ? "" : base.path;
    if (prefix.ends_with('/')) prefix.pop_back();
    req.path = prefix + std::string(path);
    return req;
  }

  CallOptions call() const {
    CallOptions c;
    c.connect_timeout = options.timeout;
    c.total_timeout = options.timeout;
    return c;
  }

  // The session token; nullopt means "fall back to IMDSv1" (as botocore returns None).
  Result<std::optional<std::string>> token() const {
    HttpRequest req = request("PUT", kTokenPath);
    req.set_header("X-aws-ec2-metadata-token-ttl-seconds", "21600");
    for (int i = 0; i < options.attempts; ++i) {
      auto response = http.send(req, call());
      if (!response) {
        if (response.error().kind == ErrorKind::Timeout) return std::optional<std::string>{};
        continue;  // connection errors are retried
      }
      if (response->status == 200) return std::optional<std::string>(response->body);
      if (response->status == 403 || response->status == 404 || response->status == 405) {
        return std::optional<std::string>{};
      }
      if (response->status == 400) {
        return imds_error(ErrorKind::InvalidRequest, "the token request was rejected (HTTP 400)");
      }
    }
    return std::optional<std::string>{};
  }

  // GET with retries on errors, non-200 and empty bodies (and bad JSON when json is set).
  Result<std::string> get(std::string_view path, const std::optional<std::string>& token,
                          bool json) const {
    HttpRequest req = request("GET", path);
    if (token) req.set_header("X-aws-ec2-metadata-token", *token);
    Error last = imds_error(ErrorKind::Internal, "no attempt made");
    for (int i = 0; i < options.attempts; ++i) {
      auto response = http.send(req, call());
      if (!response) {
        last = imds_error(response.error().kind,
                          fmt::format("{} ({})", req.url(), response.error().message));
        continue;
      }
      if (response->status != 200) {
        last = imds_error(response->status == 404 ? ErrorKind::NotFound
                                                  : ErrorKind::ServiceUnavailable,
                          fmt::format("{} answered HTTP {}", req.url(), response->status));
        last.http_status = response->status;
        continue;
      }
      if (response->body.empty()) {
        last = imds_error(ErrorKind::Parse, fmt::format("{} answered an empty body", req.url()));
        continue;
      }
      if (json && !Json::accept(response->body)) {
        last = imds_error(ErrorKind::Parse, "the credentials document is not JSON");
        continue;
      }
      return std::move(response->body);
    }
    return last;
  }

  Result<Credentials> fetch() const {
    auto tok = token();
    if (!tok) return tok.error();
    if (!*tok && options.v1_disabled) {
      return imds_error(ErrorKind::AccessDenied,
                        "no IMDSv2 token could be obtained and IMDSv1 is disabled");
    }
    auto role_list = get(kRolePath, *tok, false);
    if (!role_list) return role_list.error();
    // The listing holds one role name per line; botocore uses the whole body, we the first line.
    std::string role = role_list->substr(0, role_list->find('\n'));
    auto doc_text = get(std::string(kRolePath) + role, *tok, true);
    if (!doc_text) return doc_text.error();
    auto creds = credentials_from_json(Json::parse(*doc_text, nullptr, false), "Token", true,
                                       "iam-role " + role);
    return creds;
  }
};

}  // namespace

bool imds_disabled(const Environment& env) { return is_true(env.get("AWS_EC2_METADATA_DISABLED")); }

ImdsOptions imds_options(const Environment& env, const Profile* profile) {
  ImdsOptions options;
  auto mode = setting(env, "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", profile,
                      "ec2_metadata_service_endpoint_mode");
  if (mode && (*mode == "IPv6" || *mode == "ipv6")) options.endpoint = "http://[fd00:ec2::254]";
  if (auto endpoint = setting(env, "AWS_EC2_METADATA_SERVICE_ENDPOINT", profile,
                              "ec2_metadata_service_endpoint")) {
    options.endpoint = *endpoint;
  }
  if (auto t = setting(env, "AWS_METADATA_SERVICE_TIMEOUT", profile, "metadata_service_timeout")) {
    double seconds = 0;
    auto [ptr, ec] = std::from_chars(t->data(), t->data() + t->size(), seconds);
    if (ec == std::errc() && ptr == t->data() + t->size() && seconds > 0) {
      options.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
    }
  }
  if (auto n = setting(env, "AWS_METADATA_SERVICE_NUM_ATTEMPTS", profile,
                       "metadata_service_num_attempts")) {
    int attempts = 0;
    auto [ptr, ec] = std::from_chars(n->data(), n->data() + n->size(), attempts);
    if (ec == std::errc() && ptr == n->data() + n->size() && attempts > 0) {
      options.attempts = attempts;
    }
  }
  options.v1_disabled = is_true(
      setting(env, "AWS_EC2_METADATA_V1_DISABLED", profile, "ec2_metadata_v1_disabled"));
  return options;
}

CredentialFetcher imds_fetcher(HttpTransport& http, ImdsOptions options) {
  auto base = parse_url(options.endpoint);
  if (!base) {
    std::string endpoint = options.endpoint;
    return [endpoint]() -> Result<Credentials> {
      return imds_error(ErrorKind::InvalidRequest,
                        fmt::format("invalid metadata endpoint '{}'", endpoint));
    };
  }
  Imds imds{http, std::move(options), std::move(*base)};
  return [imds]() { return imds.fetch(); };
}

}  // namespace rampart::aws
