// The clock seam: SigV4, credential expiry and retry backoff read time through this so tests
// can pin it.
#pragma once

#include <chrono>

namespace rampart {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
  // Steady time for deadlines and backoff (never jumps).
  virtual std::chrono::steady_clock::time_point steady_now() const = 0;
  virtual void sleep_for(std::chrono::nanoseconds d) const = 0;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override;
  std::chrono::steady_clock::time_point steady_now() const override;
  void sleep_for(std::chrono::nanoseconds d) const override;
};

// The process-wide real clock (stateless).
const Clock& system_clock();

}  // namespace rampart
