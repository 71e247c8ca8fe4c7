// Tests of the adaptive rate limiter against numbers computed with botocore's own classes
// (botocore 1.x retries/throttling.py, bucket.py, adaptive.py, run with a fake clock; the
// script is described above each table), plus per-key isolation and thread safety.
#include "aws/retry/adaptive_limiter.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "aws/retry/fake_clock_test_util.h"

namespace rampart::aws {
namespace {

using testing::FakeClock;

constexpr double kTol = 1e-9;

// c = CubicCalculator(starting_max_rate=10, start_time=0); c.success_received(t)
struct TimeRate {
  double t;
  double rate;
};
const TimeRate kCubicFromStart[] = {
    {0, 7.0}, {0.5, 8.76169815100533}, {1, 9.64893600966}, {2, 10.000030849917364},
    {3, 10.453284520772092}, {5, 21.26626835427364},
};
// then c.error_received(10, 5) == 7.0 (k = 1.9574338205844317), then c.success_received(t)
const TimeRate kCubicAfterError[] = {
    {5, 7.0}, {6, 9.64893600966}, {7, 10.000030849917364}, {8, 10.453284520772092},
    {9, 13.408697022224185}, {10, 21.26626835427364}, {12, 61.28788751016465},
};

TEST(CubicCalculator, MatchesBotocore) {
  CubicCalculator c(10, 0);
  for (const auto& [t, rate] : kCubicFromStart) EXPECT_NEAR(c.success_received(t), rate, kTol) << t;
  EXPECT_NEAR(c.error_received(10, 5), 7.0, kTol);
  EXPECT_NEAR(c.k(), 1.9574338205844317, kTol);
  EXPECT_EQ(c.last_fail(), 5);
  for (const auto& [t, rate] : kCubicAfterError) EXPECT_NEAR(c.success_received(t), rate, kTol) << t;
}

// ClientRateLimiter(CubicCalculator(0, 100.0), RateClocker, TokenBucket(max_rate=1)) with a
// fake clock starting at 100.0: on_receiving_response() at each time, throttled or not;
// then token_bucket.max_rate, rate_clocker.measured_rate, _enabled.
struct LimiterStep {
  double t;
  bool throttled;
  double fill_rate;
  double measured;
  bool enabled;
};
const LimiterStep kLimiterSteps[] = {
  {100.1, false, 0.5, 0, false},
  {100.2, false, 0.5, 0, false},
  {100.3, false, 0.5, 0, false},
  {100.4, false, 0.5, 0, false},
  {100.5, false, 0.5, 8.0, false},
  {100.6, false, 0.5, 8.0, false},
  {100.7, false, 0.5, 8.0, false},
  {100.8, false, 0.5, 8.0, false},
  {100.9, false, 0.5, 8.0, false},
  {101.0, false, 0.5, 9.6, false},
  {101.1, false, 0.5323999999999918, 9.6, false},
  {101.2, false, 0.6912000000000049, 9.6, false},
  {101.3, false, 0.8787999999999943, 9.6, false},
  {101.4, false, 1.0976000000000135, 9.6, false},
  {101.5, false, 1.35, 9.92, false},
  {101.6, false, 1.6383999999999828, 9.92, false},
  {101.7, false, 1.9652000000000098, 9.92, false},
  {101.8, false, 2.332799999999989, 9.92, false},
  {101.9, false, 2.7436000000000247, 9.92, false},
  {102.0, false, 3.2, 9.984, false},
  {102.1, false, 3.70439999999997, 9.984, false},
  {102.2, false, 4.259200000000017, 9.984, false},
  {102.3, false, 4.866799999999983, 9.984, false},
  {102.4, false, 5.529600000000039, 9.984, false},
  {102.5, false, 6.25, 9.9968, false},
  {102.6, false, 7.030399999999954, 9.9968, false},
  {102.7, false, 7.8732000000000255, 9.9968, false},
  {102.8, false, 8.780799999999974, 9.9968, false},
  {102.9, false, 9.755600000000058, 9.9968, false},
  {103.0, false, 10.8, 9.99936, false},
  {103.1, true, 6.9995519999999996, 9.99936, true},
  {103.35, false, 8.008412699680605, 9.99936, true},
  {103.6, false, 8.761164590195401, 6.799872000000001, true},
  {103.85, false, 9.295307671544393, 6.799872000000001, true},
  {104.1, false, 9.1199488, 4.5599744, true},
  {104.35, false, 9.1199488, 4.5599744, true},
  {104.6, false, 8.22398976, 4.11199488, true},
  {104.85, false, 8.22398976, 4.11199488, true},
  {105.1, false, 8.044797952, 4.022398976, true},
  {105.35, false, 8.044797952, 4.022398976, true},
  {105.6, false, 8.0089595904, 4.0044797952, true},
  {105.85, false, 8.0089595904, 4.0044797952, true},
  {106.1, false, 8.00179191808, 4.00089595904, true},
  {106.35, false, 8.00179191808, 4.00089595904, true},
  {106.6, false, 8.000358383616, 4.000179191808, true},
  {106.85, false, 8.000358383616, 4.000179191808, true},
  {107.1, false, 8.0000716767232, 4.0000358383616, true},
  {107.35, false, 8.0000716767232, 4.0000358383616, true},
  {107.6, false, 8.00001433534464, 4.00000716767232, true},
  {107.85, false, 8.00001433534464, 4.00000716767232, true},
  {108.1, false, 8.000002867068927, 4.000001433534464, true},
  {108.35, true, 2.8000010034741245, 4.000001433534464, true},
  {108.85, false, 3.665376672712356, 4.000000286706893, true},
  {109.35, false, 3.9654024963904315, 2.4000000573413782, true},
  {109.85, false, 4.000078474508351, 2.0800000114682757, true},
  {110.35, false, 4.03200000458731, 2.016000002293655, true},
  {110.85, false, 4.006400000917462, 2.003200000458731, true},
  {111.35, false, 4.001280000183493, 2.0006400000917464, true},
  {111.85, false, 4.000256000036699, 2.0001280000183495, true},
  {112.35, false, 4.00005120000734, 2.00002560000367, true},
  {112.85, false, 4.000010240001468, 2.000005120000734, true},
  {113.35, false, 4.000002048000294, 2.000001024000147, true},};

TEST(ClientRateLimiter, FollowsBotocoreThroughThrottles) {
  FakeClock clock(100.0);
  ClientRateLimiter limiter(clock);
  EXPECT_FALSE(limiter.enabled());
  for (const LimiterStep& s : kLimiterSteps) {
    clock.set(s.t);
    limiter.on_response(s.throttled);
    EXPECT_NEAR(limiter.fill_rate(), s.fill_rate, 1e-6 * std::max(1.0, s.fill_rate)) << s.t;
    EXPECT_NEAR(limiter.measured_rate(), s.measured, 1e-6 * std::max(1.0, s.measured)) << s.t;
    EXPECT_EQ(limiter.enabled(), s.enabled) << s.t;
  }
}

TEST(ClientRateLimiter, DoesNotGateUntilFirstThrottle) {
  FakeClock clock(50.0);
  ClientRateLimiter limiter(clock);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(limiter.acquire(), std::chrono::nanoseconds(0));
  limiter.on_response(true);
  EXPECT_TRUE(limiter.enabled());
  // Nothing measured yet: the rate is cut to the 0.5/s floor; the bucket starts empty.
  EXPECT_DOUBLE_EQ(limiter.fill_rate(), 0.5);
  EXPECT_EQ(limiter.acquire(), std::chrono::seconds(2));
}

TEST(ClientRateLimiter, AcquireAndWaitSleepsThroughTheClock) {
  FakeClock clock(50.0);
  ClientRateLimiter limiter(clock);
  limiter.on_response(true);
  limiter.acquire_and_wait();
  limiter.acquire_and_wait();
  // First token after 2 s; the second one 2 s later (the slept time refilled the first).
  EXPECT_EQ(clock.slept(), std::chrono::seconds(4));
}

TEST(TokenBucket, RefillsAtFillRateUpToCapacityAndQueuesReservations) {
  TokenBucket b(2, 0.0);
  EXPECT_DOUBLE_EQ(b.max_capacity(), 2);
  EXPECT_DOUBLE_EQ(b.reserve(0.25), 0.25);  // had 0.5 token, needs 0.5 more at 2/s
  EXPECT_DOUBLE_EQ(b.available(), -0.5);
  EXPECT_DOUBLE_EQ(b.reserve(0.25), 0.75);  // queued behind the first
  EXPECT_DOUBLE_EQ(b.reserve(10.0), 0.0);   // refilled to the capacity (2), took 1
  EXPECT_DOUBLE_EQ(b.available(), 1.0);
  b.set_max_rate(0.2, 10.0);  // floor 0.5/s, capacity 1
  EXPECT_DOUBLE_EQ(b.max_rate(), 0.5);
  EXPECT_DOUBLE_EQ(b.max_capacity(), 1.0);
  EXPECT_DOUBLE_EQ(b.reserve(10.0), 0.0);
  EXPECT_DOUBLE_EQ(b.reserve(10.0), 2.0);
}

TEST(RateLimiterRegistry, KeysAreIsolated) {
  FakeClock clock(10.0);
  RateLimiterRegistry reg(clock);
  ClientRateLimiter& ec2 = reg.get("111122223333/ec2/us-east-1");
  ClientRateLimiter& iam = reg.get("111122223333/iam/us-east-1");
  ClientRateLimiter& ec2_west = reg.get("111122223333/ec2/us-west-2");
  EXPECT_NE(&ec2, &iam);
  EXPECT_EQ(&ec2, &reg.get("111122223333/ec2/us-east-1"));
  ec2.on_response(true);
  EXPECT_TRUE(ec2.enabled());
  EXPECT_FALSE(iam.enabled());
  EXPECT_FALSE(ec2_west.enabled());
  EXPECT_GT(ec2.acquire().count(), 0);
  EXPECT_EQ(iam.acquire().count(), 0);
  EXPECT_EQ(reg.size(), 3u);
}

TEST(RateLimiterRegistry, ThreadSafeUnderContention) {
  // Time frozen, fill rate pinned at the 0.5/s floor: N reservations from many threads must
  // hand out waits 2 s, 4 s, ..., 2N s -- each exactly once.
  FakeClock clock(10.0);
  RateLimiterRegistry reg(clock);
  reg.get("a").on_response(true);
  constexpr int kThreads = 8;
  constexpr int kPerThread = 50;
  std::vector<std::vector<std::int64_t>> waits(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        // Other keys are created and used concurrently, too.
        ClientRateLimiter& other = reg.get("other-" + std::to_string(i % 5));
        other.on_response(false);
        (void)other.acquire();
        waits[t].push_back(std::chrono::duration_cast<std::chrono::milliseconds>(
                               reg.get("a").acquire()).count());
      }
    });
  }
  for (auto& th : threads) th.join();
  std::vector<std::int64_t> all;
  for (const auto& w : waits) all.insert(all.end(), w.begin(), w.end());
  std::sort(all.begin(), all.end());
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kThreads * kPerThread));
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i], 2000 * std::int64_t(i + 1));
  EXPECT_EQ(reg.size(), 6u);
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(reg.get("other-" + std::to_string(i)).enabled());
}

}  // namespace
}  // namespace rampart::aws
