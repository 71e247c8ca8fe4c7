#include "aws/core/clock.h"

#include <thread>

namespace rampart {

std::chrono::system_clock::time_point SystemClock::now() const {
  return std::chrono::system_clock::now();
}
std::chrono::steady_clock::time_point SystemClock::steady_now() const {
  return std::chrono::steady_clock::now();
}
void SystemClock::sleep_for(std::chrono::nanoseconds d) const { std::this_thread::sleep_for(d); }

const Clock& system_clock() {
  static const SystemClock kClock;
  return kClock;
}

}  // namespace rampart
