// The "adaptive" client-side rate limiter of the AWS SDKs (botocore/retries/adaptive.py,
// bucket.py, throttling.py): a token bucket whose fill rate follows TCP CUBIC. On a throttling
// response the rate is measured and cut to beta (0.7) times it; otherwise it grows along
// W(t) = C (t - K)^3 + W_max. The bucket only gates sends after the first throttle.
// One limiter per key ("account/service/region") lives in a RateLimiterRegistry.
//
// The math classes take times as seconds (double) so tests can feed them directly; the
// ClientRateLimiter reads its Clock (steady time) and is thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "aws/core/clock.h"

namespace rampart::aws {

// The CUBIC rate curve (botocore throttling.CubicCalculator).
class CubicCalculator {
 public:
  static constexpr double kScaleConstant = 0.4;
  static constexpr double kBeta = 0.7;

  CubicCalculator(double starting_max_rate, double start_time,
                  double scale_constant = kScaleConstant, double beta = kBeta);
  // The rate allowed at `t` since the last failure.
  double success_received(double t) const;
  // Records a throttle while sending at `current_rate`; returns the cut rate.
  double error_received(double current_rate, double t);

  double w_max() const { return w_max_; }
  double k() const { return k_; }
  double last_fail() const { return last_fail_; }

 private:
  double zero_point() const;

  double w_max_;
  double scale_;
  double beta_;
  double k_;
  double last_fail_;
};

// Token bucket with a variable fill rate (botocore bucket.TokenBucket). Not locked itself.
class TokenBucket {
 public:
  static constexpr double kMinRate = 0.5;

  TokenBucket(double max_rate, double now, double min_rate = kMinRate);
  void set_max_rate(double rate, double now);
  // Takes `amount` tokens now and returns the seconds to wait until they would have been
  // there (0 when available). Capacity may go negative: later callers queue behind.
  double reserve(double now, double amount = 1.0);

  double max_rate() const { return fill_rate_; }
  double max_capacity() const { return max_capacity_; }
  double available() const { return capacity_; }

 private:
  void refill(double now);

  double min_rate_;
  double fill_rate_ = 0;
  double max_capacity_ = 0;
  double capacity_ = 0;
  double last_ = 0;
};

// Smoothed measured send rate in 0.5 s buckets (botocore adaptive.RateClocker).
class RateClocker {
 public:
  explicit RateClocker(double now, double smoothing = 0.8, double bucket_seconds = 0.5);
  double record(double now, double amount = 1.0);
  double measured_rate() const { return measured_; }

 private:
  double smoothing_;
  double bucket_scale_;
  double measured_ = 0;
  double last_bucket_;
  double count_ = 0;
};

// One adaptive limiter (botocore adaptive.ClientRateLimiter). Thread-safe.
class ClientRateLimiter {
 public:
  explicit ClientRateLimiter(const Clock& clock);

  // Call before sending: returns how long to wait first (zero until the first throttle).
  std::chrono::nanoseconds acquire();
  // acquire() and sleep through the Clock.
  void acquire_and_wait();
  // Call with every response (or failure) of a call through this limiter.
  void on_response(bool throttled);

  double fill_rate() const;
  double measured_rate() const;
  bool enabled() const;

 private:
  static constexpr double kMaxRateAdjustScale = 2.0;
  double now() const;

  const Clock& clock_;
  mutable std::mutex mu_;
  CubicCalculator cubic_;
  TokenBucket bucket_;
  RateClocker clocker_;
  bool enabled_ = false;
};

// Limiters by key ("account/service/region"), created on first use. Thread-safe; references
// stay valid for the registry's lifetime.
class RateLimiterRegistry {
 public:
  explicit RateLimiterRegistry(const Clock& clock) : clock_(clock) {}
  ClientRateLimiter& get(std::string_view key);
  std::size_t size() const;

 private:
  const Clock& clock_;
  mutable std::mutex mu_;
  std::map<std::string, std::unique_ptr<ClientRateLimiter>, std::less<>> limiters_;
};

}  // namespace rampart::aws
