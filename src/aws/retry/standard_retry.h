// The AWS SDKs' "standard" retry mode as pure logic: which errors to retry, how long to back off
// (exponential, full jitter, capped at 20 s) and a retry quota shared by all calls of a client so
// an outage does not turn into a retry storm. Mirrors botocore/retries/standard.py + quota.py
// (the classic costs: 5 per retry, 10 per timeout retry, 1 refunded on a first-try success).
// Nothing here sleeps: the caller sleeps for the returned delay (through its Clock).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <random>
#include <string>

#include "aws/core/error.h"

namespace rampart::aws {

// Returns a uniformly distributed double in [0, 1). Must be safe to call from many threads.
using RandomSource = std::function<double()>;

struct RetryOptions {
  int max_attempts = 3;                               // first try included
  std::chrono::milliseconds base_delay{1000};         // backoff unit (2^0 * base on 1st retry)
  std::chrono::milliseconds max_backoff{20000};       // cap of the jittered window
  std::int32_t quota_capacity = 500;                  // shared retry tokens
  std::int32_t retry_cost = 5;                        // tokens taken by a retry
  std::int32_t timeout_retry_cost = 10;               // ... by a retry after a timeout
  std::int32_t no_retry_increment = 1;                // refunded by a first-try success
};

// Thread-safe token pool (botocore RetryQuota).
class RetryQuota {
 public:
  explicit RetryQuota(std::int32_t capacity) : max_(capacity), available_(capacity) {}
  bool acquire(std::int32_t amount);
  void release(std::int32_t amount);  // never above the capacity
  std::int32_t available() const;
  std::int32_t capacity() const { return max_; }

 private:
  const std::int32_t max_;
  mutable std::mutex mu_;
  std::int32_t available_;
};

// Per-call retry bookkeeping; create one per logical API call with RetryStrategy::begin().
struct RetryState {
  int attempts = 0;                 // attempts that have completed (failed) so far
  std::int32_t last_quota_cost = 0; // tokens held by the latest retry, refunded on success
  bool used_credential_retry = false;
};

struct RetryDecision {
  bool retry = false;
  std::chrono::nanoseconds delay{0};  // sleep this long before the next attempt
  std::string reason;                 // why not (or why) -- for logs and error messages
};

class StandardRetryStrategy {
 public:
  // `random` defaults to a mutex-guarded Mersenne twister seeded from std::random_device.
  explicit StandardRetryStrategy(RetryOptions options = {}, RandomSource random = {});

  RetryState begin() const { return RetryState{}; }

  // Called after a failed attempt. `credentials_refreshed` says the caller has just fetched
  // new credentials after an ExpiredCredentials error: that error is retried once, at once.
  RetryDecision on_error(RetryState& state, const Error& error,
                         bool credentials_refreshed = false);
  // Called when an attempt succeeded: refunds the retry quota.
  void on_success(const RetryState& state);

  // The jittered backoff before retry number `attempt` (1 = the first retry).
  std::chrono::nanoseconds backoff(int attempt);

  const RetryOptions& options() const { return options_; }
  const RetryQuota& quota() const { return quota_; }

 private:
  double next_random();

  RetryOptions options_;
  RetryQuota quota_;
  RandomSource random_;
  std::mutex rng_mu_;
  std::mt19937_64 rng_;
};

// The error kinds the standard mode retries (ExpiredCredentials excluded: see on_error).
bool is_retryable_kind(ErrorKind kind);

}  // namespace rampart::aws
