// AwsClient: one call = resolve endpoint -> serialize -> sign -> send -> parse, with the
// standard retry mode, an adaptive rate limiter per (account, service, region), credential
// refresh on ExpiredToken, and pagination. Thread-safe: collectors call it from many threads.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "aws/core/json.h"
#include "aws/core/result.h"
#include "aws/core/transport.h"
#include "aws/model/model.h"

namespace rampart::aws {



struct ClientConfig {
  std::string profile;       // --profile; empty: AWS_PROFILE / default
  std::string region;        // --region; empty: AWS_REGION / AWS_DEFAULT_REGION / profile
  std::string endpoint_url;  // --endpoint-url; overrides every service
  bool debug = false;        // log requests/responses to stderr, secrets redacted
  int max_attempts = 0;      // 0: AWS_MAX_ATTEMPTS / profile / 3
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds call_timeout{60000};
  std::size_t max_connections = 256;
};

// Counters for progress displays and reports.
struct ClientStats {
  std::uint64_t calls = 0;
  std::uint64_t retries = 0;
  std::uint64_t throttles = 0;
  std::uint64_t errors = 0;
};

class AwsClient {
 public:
  // Environment lookups go through `getenv_fn` so tests can pin them.
  using GetEnv = std::function<std::optional<std::string>(std::string_view)>;
  static Result<std::unique_ptr<AwsClient>> create(const ClientConfig& config, GetEnv getenv_fn = {},
                                                   std::unique_ptr<HttpTransport> transport = {});
  virtual ~AwsClient() = default;

  // `service` is a botocore id or AWS CLI name; `operation` the API name or its CLI form.
  // An empty region means the configured default.
  virtual Result<Json> call(std::string_view service, std::string_view operation,
                            const Json& params, std::string_view region = {}) = 0;
  // Follows the operation's paginator (if any) and merges every page.
  virtual Result<Json> call_all_pages(std::string_view service, std::string_view operation,
                                      const Json& params, std::string_view region = {}) = 0;
  // Calls `on_page` per page; stop early by returning false.
  virtual Result<void> for_each_page(std::string_view service, std::string_view operation,
                                     const Json& params, std::string_view region,
                                     const std::function<bool(const Json&)>& on_page) = 0;

  virtual std::string default_region() const = 0;
  virtual ClientStats stats() const = 0;
};

}  // namespace rampart::aws
