// The credential-source seam and the refresh policy for temporary credentials.
//
// RefreshingProvider follows botocore's RefreshableCredentials timings: credentials that expire
// in less than 15 minutes (advisory window) are refreshed by one thread while the others keep
// using the still-valid ones; within 10 minutes (mandatory window) callers wait for the refresh.
// When a refresh fails and the old credentials have not expired yet, they are kept and the
// refresh is retried after a back-off, so a multi-hour scan survives a flaky STS or IMDS.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "aws/core/clock.h"
#include "aws/core/credentials.h"
#include "aws/core/result.h"

namespace rampart::aws {

class CredentialProvider {
 public:
  virtual ~CredentialProvider() = default;
  // Thread-safe. Valid credentials or the error that prevented getting them.
  virtual Result<Credentials> get() = 0;
  // After AWS rejected `rejected` (ExpiredToken and friends): refresh now unless another
  // thread already replaced them, and return the current credentials.
  virtual Result<Credentials> force_refresh(const Credentials& rejected) {
    (void)rejected;
    return get();
  }
};

// Long-term keys (or any fixed set): get() always returns them.
class StaticProvider final : public CredentialProvider {
 public:
  explicit StaticProvider(Credentials creds) : creds_(std::move(creds)) {}
  Result<Credentials> get() override { return creds_; }

 private:
  Credentials creds_;
};

// One fetch of fresh credentials (an STS call, an IMDS or ECS request, a process run).
using CredentialFetcher = std::function<Result<Credentials>()>;

struct RefreshTimings {
  std::chrono::seconds advisory{15 * 60};
  std::chrono::seconds mandatory{10 * 60};
  std::chrono::seconds retry_after_failure{30};  // back-off while old credentials stay valid
};

class RefreshingProvider final : public CredentialProvider {
 public:
  // `clock` must outlive the provider. `initial` primes the cache (a first fetch already done).
  RefreshingProvider(CredentialFetcher fetch, const Clock& clock, RefreshTimings timings = {},
                     std::optional<Credentials> initial = std::nullopt);

  Result<Credentials> get() override;
  Result<Credentials> force_refresh(const Credentials& rejected) override;

  int fetch_count() const;  // how many fetches ran (tests, diagnostics)

 private:
  // Runs the fetch with the lock released; called with refreshing_ set. Returns the fetch
  // error, if any, after updating the cache.
  std::optional<Error> refresh_locked(std::unique_lock<std::mutex>& lock);
  bool expired_locked(std::chrono::system_clock::time_point now) const;

  CredentialFetcher fetch_;
  const Clock& clock_;
  RefreshTimings timings_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::optional<Credentials> current_;
  bool refreshing_ = false;
  std::optional<std::chrono::system_clock::time_point> retry_after_;
  std::optional<Error> last_error_;
  int fetch_count_ = 0;
};

}  // namespace rampart::aws
