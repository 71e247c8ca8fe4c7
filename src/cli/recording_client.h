// An AwsClient decorator that remembers every (service, operation) called through it, for
// `rampart scan --record-calls FILE`: the list the least-privilege scan policy
// (data/iam/rampart-scan-policy.json) is generated from.
#pragma once

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>

#include "aws/client/client.h"

namespace rampart::cli {

class RecordingClient final : public aws::AwsClient {
 public:
  explicit RecordingClient(aws::AwsClient& inner) : inner_(inner) {}

  Result<Json> call(std::string_view service, std::string_view operation, const Json& params,
                    std::string_view region) override {
    note(service, operation);
    return inner_.call(service, operation, params, region);
  }
  Result<Json> call_all_pages(std::string_view service, std::string_view operation,
                              const Json& params, std::string_view region) override {
    note(service, operation);
    return inner_.call_all_pages(service, operation, params, region);
  }
  Result<void> for_each_page(std::string_view service, std::string_view operation,
                             const Json& params, std::string_view region,
                             const std::function<bool(const Json&)>& on_page) override {
    note(service, operation);
    return inner_.for_each_page(service, operation, params, region, on_page);
  }
  std::string default_region() const override { return inner_.default_region(); }
  aws::ClientStats stats() const override { return inner_.stats(); }

  // Sorted, unique "service operation" pairs.
  std::set<std::pair<std::string, std::string>> recorded() const {
    std::lock_guard lock(mu_);
    return calls_;
  }

 private:
  void note(std::string_view service, std::string_view operation) {
    std::lock_guard lock(mu_);
    calls_.emplace(service, operation);
  }

  aws::AwsClient& inner_;
  mutable std::mutex mu_;
  std::set<std::pair<std::string, std::string>> calls_;
};

}  // namespace rampart::cli
