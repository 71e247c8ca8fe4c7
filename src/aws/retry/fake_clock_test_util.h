// A manual Clock for the retry tests: time moves only when the test (or sleep_for) moves it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "aws/core/clock.h"

namespace rampart::aws::testing {

class FakeClock final : public Clock {
 public:
  explicit FakeClock(double start_seconds = 100.0) { set(start_seconds); }
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::time_point(std::chrono::nanoseconds(ns_.load()));
  }
  std::chrono::steady_clock::time_point steady_now() const override {
    return std::chrono::steady_clock::time_point(std::chrono::nanoseconds(ns_.load()));
  }
  void sleep_for(std::chrono::nanoseconds d) const override {
    ns_ += d.count();
    slept_ += d.count();
  }
  void set(double seconds) {
    ns_ = std::chrono::duration_cast<std::chrono::nanoseconds>(
              std::chrono::duration<double>(seconds)).count();
  }
  std::chrono::nanoseconds slept() const { return std::chrono::nanoseconds(slept_.load()); }

 private:
  mutable std::atomic<std::int64_t> ns_{0};
  mutable std::atomic<std::int64_t> slept_{0};
};

}  // namespace rampart::aws::testing
