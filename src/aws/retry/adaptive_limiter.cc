// Adaptive rate limiting, a line-by-line port of botocore's retries/{throttling,bucket,
// adaptive}.py (see adaptive_limiter.h). One difference: botocore's blocking acquire() waits on
// a condition variable; here acquire() reserves the token and returns the wait, so callers
// sleep outside the lock (and through an injectable Clock) and queue in arrival order.
#include "aws/retry/adaptive_limiter.h"

#include <algorithm>
#include <cmath>

namespace rampart::aws {

// ---- CubicCalculator ----

CubicCalculator::CubicCalculator(double starting_max_rate, double start_time,
                                 double scale_constant, double beta)
    : w_max_(starting_max_rate), scale_(scale_constant), beta_(beta), k_(0),
      last_fail_(start_time) {
  k_ = zero_point();
}

double CubicCalculator::zero_point() const { return std::cbrt(w_max_ * (1 - beta_) / scale_); }

double CubicCalculator::success_received(double t) const {
  const double dt = t - last_fail_;
  return scale_ * std::pow(dt - k_, 3) + w_max_;
}

double CubicCalculator::error_received(double current_rate, double t) {
  w_max_ = current_rate;
  k_ = zero_point();
  last_fail_ = t;
  return current_rate * beta_;
}

// ---- TokenBucket ----

TokenBucket::TokenBucket(double max_rate, double now, double min_rate)
    : min_rate_(min_rate), last_(now) {
  set_max_rate(max_rate, now);
}

void TokenBucket::set_max_rate(double rate, double now) {
  // Bank the tokens earned at the old rate before switching.
  refill(now);
  fill_rate_ = std::max(rate, min_rate_);
  max_capacity_ = rate >= 1 ? rate : 1;
  capacity_ = std::min(capacity_, max_capacity_);
}

void TokenBucket::refill(double now) {
  if (now <= last_) return;
  capacity_ = std::min(max_capacity_, capacity_ + (now - last_) * fill_rate_);
  last_ = now;
}

double TokenBucket::reserve(double now, double amount) {
  refill(now);
  const double wait = amount <= capacity_ ? 0.0 : (amount - capacity_) / fill_rate_;
  capacity_ -= amount;
  return wait;
}

// ---- RateClocker ----

RateClocker::RateClocker(double now, double smoothing, double bucket_seconds)
    : smoothing_(smoothing), bucket_scale_(1 / bucket_seconds), last_bucket_(std::floor(now)) {}

double RateClocker::record(double now, double amount) {
  const double bucket = std::floor(now * bucket_scale_) / bucket_scale_;
  count_ += amount;
  if (bucket > last_bucket_) {
    const double current = count_ / (bucket - last_bucket_);
    measured_ = current * smoothing_ + measured_ * (1 - smoothing_);
    count_ = 0;
    last_bucket_ = bucket;
  }
  return measured_;
}

// ---- ClientRateLimiter ----

namespace {
double seconds_of(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(t.time_since_epoch()).count();
}
}  // namespace

ClientRateLimiter::ClientRateLimiter(const Clock& clock)
    : clock_(clock), cubic_(0, now()), bucket_(1, now()), clocker_(now()) {}

double ClientRateLimiter::now() const { return seconds_of(clock_.steady_now()); }

std::chrono::nanoseconds ClientRateLimiter::acquire() {
  std::lock_guard lock(mu_);
  if (!enabled_) return std::chrono::nanoseconds(0);
  const double wait = bucket_.reserve(now());
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::duration<double>(wait));
}

void ClientRateLimiter::acquire_and_wait() {
  const auto wait = acquire();
  if (wait.count() > 0) clock_.sleep_for(wait);
}

void ClientRateLimiter::on_response(bool throttled) {
  std::lock_guard lock(mu_);
  const double t = now();
  const double measured = clocker_.record(t);
  double new_rate = 0;
  if (!throttled) {
    new_rate = cubic_.success_received(t);
  } else {
    const double rate_to_use = enabled_ ? std::min(measured, bucket_.max_rate()) : measured;
    new_rate = cubic_.error_received(rate_to_use, t);
    enabled_ = true;
  }
  bucket_.set_max_rate(std::min(new_rate, kMaxRateAdjustScale * measured), t);
}

double ClientRateLimiter::fill_rate() const {
  std::lock_guard lock(mu_);
  return bucket_.max_rate();
}

double ClientRateLimiter::measured_rate() const {
  std::lock_guard lock(mu_);
  return clocker_.measured_rate();
}

bool ClientRateLimiter::enabled() const {
  std::lock_guard lock(mu_);
  return enabled_;
}

// ---- RateLimiterRegistry ----

ClientRateLimiter& RateLimiterRegistry::get(std::string_view key) {
  std::lock_guard lock(mu_);
  auto it = limiters_.find(key);
  if (it == limiters_.end()) {
    it = limiters_.emplace(std::string(key), std::make_unique<ClientRateLimiter>(clock_)).first;
  }
  return *it->second;
}

std::size_t RateLimiterRegistry::size() const {
  std::lock_guard lock(mu_);
  return limiters_.size();
}

}  // namespace rampart::aws
