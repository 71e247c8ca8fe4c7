// Tests of the standard retry mode: retryable kinds, attempt budget, full-jitter backoff
// bounds, the shared retry quota (exhaustion and refund) and the one credential-refresh retry.
#include "aws/retry/standard_retry.h"

#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace rampart::aws {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;

Error err(ErrorKind kind) { return make_error(kind, "test"); }

TEST(StandardRetry, RetriesRetryableKindsUpToMaxAttempts) {
  for (ErrorKind kind : {ErrorKind::Throttling, ErrorKind::ServiceUnavailable, ErrorKind::Network,
                         ErrorKind::Timeout}) {
    StandardRetryStrategy s({}, [] { return 0.5; });
    RetryState st = s.begin();
    EXPECT_TRUE(s.on_error(st, err(kind)).retry) << to_string(kind);
    EXPECT_TRUE(s.on_error(st, err(kind)).retry) << to_string(kind);
    RetryDecision third = s.on_error(st, err(kind));  // 3rd attempt failed: budget spent
    EXPECT_FALSE(third.retry) << to_string(kind);
    EXPECT_NE(third.reason.find("max attempts"), std::string::npos);
  }
}

TEST(StandardRetry, MaxAttemptsIsConfigurable) {
  RetryOptions o;
  o.max_attempts = 5;
  StandardRetryStrategy s(o, [] { return 0.0; });
  RetryState st = s.begin();
  int retries = 0;
  while (s.on_error(st, err(ErrorKind::Throttling)).retry) ++retries;
  EXPECT_EQ(retries, 4);
  o.max_attempts = 1;
  StandardRetryStrategy once(o, [] { return 0.0; });
  RetryState st1 = once.begin();
  EXPECT_FALSE(once.on_error(st1, err(ErrorKind::Throttling)).retry);
}

TEST(StandardRetry, NeverRetriesPermanentErrors) {
  for (ErrorKind kind : {ErrorKind::AccessDenied, ErrorKind::NotFound, ErrorKind::InvalidRequest,
                         ErrorKind::Parse, ErrorKind::OptInRequired, ErrorKind::Internal}) {
    StandardRetryStrategy s;
    RetryState st = s.begin();
    EXPECT_FALSE(s.on_error(st, err(kind)).retry) << to_string(kind);
    EXPECT_EQ(s.quota().available(), 500) << "no quota taken for " << to_string(kind);
  }
}

TEST(StandardRetry, ExpiredCredentialsRetriedOnceOnlyAfterRefresh) {
  StandardRetryStrategy s({}, [] { return 0.9; });
  RetryState st = s.begin();
  EXPECT_FALSE(s.on_error(st, err(ErrorKind::ExpiredCredentials), false).retry);

  RetryState st2 = s.begin();
  RetryDecision d = s.on_error(st2, err(ErrorKind::ExpiredCredentials), true);
  EXPECT_TRUE(d.retry);
  EXPECT_EQ(d.delay, nanoseconds(0));
  EXPECT_FALSE(s.on_error(st2, err(ErrorKind::ExpiredCredentials), true).retry);
  EXPECT_EQ(s.quota().available(), 500);
}

TEST(StandardRetry, BackoffIsFullJitterWithinExponentialWindowCappedAt20s) {
  // With rand -> 1 the delay approaches the window: base * 2^(i-1), capped at 20 s.
  StandardRetryStrategy hi({}, [] { return 0.999999; });
  const double expected_window_s[] = {1, 2, 4, 8, 16, 20, 20, 20};
  for (int i = 1; i <= 8; ++i) {
    const double got = std::chrono::duration<double>(hi.backoff(i)).count();
    EXPECT_NEAR(got, expected_window_s[i - 1] * 0.999999, 1e-6) << "retry " << i;
  }
  StandardRetryStrategy lo({}, [] { return 0.0; });
  EXPECT_EQ(lo.backoff(5), nanoseconds(0));
  StandardRetryStrategy mid({}, [] { return 0.25; });
  EXPECT_EQ(mid.backoff(3), milliseconds(1000));  // 0.25 * 4 s

  // The real random source stays inside [0, window).
  RetryOptions o;
  o.base_delay = milliseconds(100);
  StandardRetryStrategy real(o);
  for (int i = 0; i < 1000; ++i) {
    const int attempt = 1 + i % 10;
    const nanoseconds d = real.backoff(attempt);
    const double window_ms = std::min(100.0 * (1 << (attempt - 1)), 20000.0);
    EXPECT_GE(d.count(), 0);
    const double got_ms = std::chrono::duration<double, std::milli>(d).count();
    EXPECT_LT(got_ms, window_ms);
  }
}

TEST(StandardRetry, DecisionDelayUsesAttemptNumber) {
  StandardRetryStrategy s({}, [] { return 0.5; });
  RetryState st = s.begin();
  EXPECT_EQ(s.on_error(st, err(ErrorKind::Throttling)).delay, milliseconds(500));
  EXPECT_EQ(s.on_error(st, err(ErrorKind::Throttling)).delay, milliseconds(1000));
}

TEST(StandardRetry, QuotaCostsAndExhaustion) {
  RetryOptions o;
  o.max_attempts = 1000;
  StandardRetryStrategy s(o, [] { return 0.0; });
  RetryState st = s.begin();
  ASSERT_TRUE(s.on_error(st, err(ErrorKind::Network)).retry);
  EXPECT_EQ(s.quota().available(), 495);
  ASSERT_TRUE(s.on_error(st, err(ErrorKind::Timeout)).retry);
  EXPECT_EQ(s.quota().available(), 485);
  int retries = 0;
  while (s.on_error(st, err(ErrorKind::Throttling)).retry) ++retries;
  EXPECT_EQ(retries, 97);  // 485 / 5
  EXPECT_EQ(s.quota().available(), 0);
  RetryState other = s.begin();  // the quota is shared by every call
  RetryDecision d = s.on_error(other, err(ErrorKind::ServiceUnavailable));
  EXPECT_FALSE(d.retry);
  EXPECT_EQ(d.reason, "retry quota exhausted");
}

TEST(StandardRetry, SuccessRefundsQuota) {
  RetryOptions o;
  o.quota_capacity = 20;
  StandardRetryStrategy s(o, [] { return 0.0; });
  RetryState a = s.begin();
  ASSERT_TRUE(s.on_error(a, err(ErrorKind::Timeout)).retry);  // -10
  RetryState b = s.begin();
  ASSERT_TRUE(s.on_error(b, err(ErrorKind::Throttling)).retry);  // -5
  EXPECT_EQ(s.quota().available(), 5);
  s.on_success(a);  // refunds the timeout's 10
  EXPECT_EQ(s.quota().available(), 15);
  s.on_success(s.begin());  // first-try success: +1
  EXPECT_EQ(s.quota().available(), 16);
  s.on_success(b);
  EXPECT_EQ(s.quota().available(), 20);
  s.on_success(b);  // never above capacity
  EXPECT_EQ(s.quota().available(), 20);
}

TEST(StandardRetry, QuotaIsThreadSafe) {
  RetryOptions o;
  o.max_attempts = 2;
  StandardRetryStrategy s(o);
  std::atomic<int> granted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        RetryState st = s.begin();
        if (s.on_error(st, err(ErrorKind::Throttling)).retry) ++granted;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(granted.load(), 100);  // 500 tokens / 5
  EXPECT_EQ(s.quota().available(), 0);
}

}  // namespace
}  // namespace rampart::aws
