// The AwsClient implementation, built from its parts (so tests can hand in a stub transport,
// fixed credentials and a fake clock). client_factory.cc assembles the real parts.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "aws/client/client.h"
#include "aws/core/clock.h"
#include "aws/core/transport.h"
#include "aws/credentials/provider.h"
#include "aws/credentials/sts_api.h"
#include "aws/endpoints/resolver.h"
#include "aws/retry/adaptive_limiter.h"
#include "aws/retry/standard_retry.h"
#include "aws/sigv4/signer.h"

namespace rampart::aws {

struct ClientParts {
  std::shared_ptr<HttpTransport> transport;
  std::unique_ptr<StsApi> sts;  // used by `credentials` (assume-role); declared first, dies last
  std::shared_ptr<CredentialProvider> credentials;
  const Clock* clock = &system_clock();
  std::string region = "us-east-1";
  std::string endpoint_url;                  // from flag, env or profile (all services)
  endpoints::EnvLookup env;                  // AWS_ENDPOINT_URL_<SERVICE> and friends
  RetryOptions retry;
  CallOptions call;
  bool debug = false;
};

class AwsClientImpl final : public AwsClient {
 public:
  explicit AwsClientImpl(ClientParts parts);

  Result<Json> call(std::string_view service, std::string_view operation, const Json& params,
                    std::string_view region = {}) override;
  Result<Json> call_all_pages(std::string_view service, std::string_view operation,
                              const Json& params, std::string_view region = {}) override;
  Result<void> for_each_page(std::string_view service, std::string_view operation,
                             const Json& params, std::string_view region,
                             const std::function<bool(const Json&)>& on_page) override;
  std::string default_region() const override { return parts_.region; }
  ClientStats stats() const override;

  // One logical call (with retries) of a resolved operation.
  Result<Json> invoke(const ServiceModel& model, const Operation& op, const Json& params,
                      const std::string& region);

 private:
  struct Resolved {
    const ServiceModel* model;
    const Operation* op;
  };
  Result<Resolved> resolve(std::string_view service, std::string_view operation) const;
  Result<HttpRequest> build_request(const ServiceModel& model, const Operation& op,
                                    const Json& params, const std::string& region,
                                    const Credentials& creds);
  void log_debug(const HttpRequest& request, const Result<HttpResponse>& response) const;

  ClientParts parts_;
  StandardRetryStrategy retry_;
  RateLimiterRegistry limiters_;
  sigv4::SigningKeyCache signing_keys_;
  mutable std::mutex log_mu_;
  std::atomic<std::uint64_t> calls_{0}, retries_{0}, throttles_{0}, errors_{0};
};

}  // namespace rampart::aws
