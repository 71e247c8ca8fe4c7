// Standard retry mode: see standard_retry.h. Formulas from botocore/retries/standard.py:
//   delay_i = rand[0,1) * min(base * 2^(i-1), max_backoff)   (i = 1 for the first retry)
// which is AWS's "full jitter" (the whole window is random, the cap bounds the window).
#include "aws/retry/standard_retry.h"

#include <algorithm>
#include <cmath>

namespace rampart::aws {

bool RetryQuota::acquire(std::int32_t amount) {
  std::lock_guard lock(mu_);
  if (amount > available_) return false;
  available_ -= amount;
  return true;
}

void RetryQuota::release(std::int32_t amount) {
  std::lock_guard lock(mu_);
  available_ = std::min(max_, available_ + std::max<std::int32_t>(0, amount));
}

std::int32_t RetryQuota::available() const {
  std::lock_guard lock(mu_);
  return available_;
}

bool is_retryable_kind(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Throttling:
    case ErrorKind::ServiceUnavailable:
    case ErrorKind::Network:
    case ErrorKind::Timeout:
      return true;
    default:
      return false;
  }
}

StandardRetryStrategy::StandardRetryStrategy(RetryOptions options, RandomSource random)
    : options_(options), quota_(options.quota_capacity), random_(std::move(random)),
      rng_(std::random_device{}()) {}

double StandardRetryStrategy::next_random() {
  double r = 0.0;
  if (random_) {
    r = random_();
  } else {
    std::lock_guard lock(rng_mu_);
    r = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
  }
  return std::clamp(r, 0.0, 1.0);
}

std::chrono::nanoseconds StandardRetryStrategy::backoff(int attempt) {
  using Seconds = std::chrono::duration<double>;
  const double base = Seconds(options_.base_delay).count();
  const double cap = Seconds(options_.max_backoff).count();
  // 2^(attempt-1) overflows nothing in double; the cap keeps the product bounded.
  const double window = std::min(base * std::ldexp(1.0, std::max(0, attempt - 1)), cap);
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Seconds(next_random() * window));
}

RetryDecision StandardRetryStrategy::on_error(RetryState& state, const Error& error,
                                              bool credentials_refreshed) {
  ++state.attempts;
  if (state.attempts >= options_.max_attempts) {
    return {false, {}, "max attempts (" + std::to_string(options_.max_attempts) + ") reached"};
  }
  if (error.kind == ErrorKind::ExpiredCredentials) {
    // Not an outage: no quota, no backoff -- but only once, and only with fresh credentials.
    if (!credentials_refreshed || state.used_credential_retry) {
      return {false, {}, "expired credentials"};
    }
    state.used_credential_retry = true;
    return {true, {}, "retrying once with refreshed credentials"};
  }
  if (!is_retryable_kind(error.kind)) {
    return {false, {}, std::string("not retryable: ") + std::string(to_string(error.kind))};
  }
  const std::int32_t cost =
      error.kind == ErrorKind::Timeout ? options_.timeout_retry_cost : options_.retry_cost;
  if (!quota_.acquire(cost)) return {false, {}, "retry quota exhausted"};
  state.last_quota_cost = cost;
  return {true, backoff(state.attempts), std::string("retrying ") + std::string(to_string(error.kind))};
}

void StandardRetryStrategy::on_success(const RetryState& state) {
  quota_.release(state.last_quota_cost > 0 ? state.last_quota_cost : options_.no_retry_increment);
}

}  // namespace rampart::aws
