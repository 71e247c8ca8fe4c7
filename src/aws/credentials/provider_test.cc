// RefreshingProvider: the advisory / mandatory windows, failure handling and force_refresh,
// driven by a fake clock.
#include "aws/credentials/provider.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <thread>

#include "aws/credentials/test_support.h"

namespace rampart::aws {
namespace {

using std::chrono::minutes;
using testing::FakeClock;
using testing::make_creds;

// A fetcher that issues "KEY<n>" valid for `lifetime` from the clock, or fails on demand.
struct ScriptedFetch {
  FakeClock& clock;
  minutes lifetime{60};
  std::atomic<bool> fail{false};
  std::atomic<int> calls{0};

  CredentialFetcher fetcher() {
    return [this]() -> Result<Credentials> {
      int n = ++calls;
      if (fail) return make_error(ErrorKind::Network, "sts unreachable");
      return make_creds("KEY" + std::to_string(n), "secret", "tok", clock.now() + lifetime);
    };
  }
};

TEST(RefreshingProvider, FirstGetFetchesThenCachesWhileFresh) {
  FakeClock clock;
  ScriptedFetch f{clock};
  RefreshingProvider p(f.fetcher(), clock);
  EXPECT_EQ(p.get()->access_key_id, "KEY1");
  clock.advance(minutes(44));  // 16 minutes left: still fresh
  EXPECT_EQ(p.get()->access_key_id, "KEY1");
  EXPECT_EQ(f.calls, 1);
}

TEST(RefreshingProvider, RefreshesInAdvisoryWindow) {
  FakeClock clock;
  ScriptedFetch f{clock};
  RefreshingProvider p(f.fetcher(), clock);
  ASSERT_TRUE(p.get().ok());
  clock.advance(minutes(46));  // 14 minutes left
  EXPECT_EQ(p.get()->access_key_id, "KEY2");
  EXPECT_EQ(f.calls, 2);
}

TEST(RefreshingProvider, AdvisoryFailureKeepsOldAndBacksOff) {
  FakeClock clock;
  ScriptedFetch f{clock};
  RefreshingProvider p(f.fetcher(), clock);
  ASSERT_TRUE(p.get().ok());
  clock.advance(minutes(46));
  f.fail = true;
  auto r = p.get();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->access_key_id, "KEY1");
  EXPECT_EQ(f.calls, 2);
  EXPECT_EQ(p.get()->access_key_id, "KEY1");  // within the back-off: no new attempt
  EXPECT_EQ(f.calls, 2);
  clock.advance(std::chrono::seconds(31));  // back-off over: retry, and it works again
  f.fail = false;
  EXPECT_EQ(p.get()->access_key_id, "KEY3");
}

TEST(RefreshingProvider, MandatoryFailureStillServesValidCredentials) {
  FakeClock clock;
  ScriptedFetch f{clock};
  RefreshingProvider p(f.fetcher(), clock);
  ASSERT_TRUE(p.get().ok());
  clock.advance(minutes(55));  // 5 minutes left: mandatory
  f.fail = true;
  auto r = p.get();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->access_key_id, "KEY1");
}

TEST(RefreshingProvider, ExpiredAndRefreshFailsIsAnError) {
  FakeClock clock;
  ScriptedFetch f{clock};
  RefreshingProvider p(f.fetcher(), clock);
  ASSERT_TRUE(p.get().ok());
  clock.advance(minutes(61));
  f.fail = true;
  auto r = p.get();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Network);
  EXPECT_EQ(f.calls, 2);
  EXPECT_FALSE(p.get().ok());  // back-off: the last error, no new attempt
  EXPECT_EQ(f.calls, 2);
  f.fail = false;
  clock.advance(std::chrono::seconds(31));
  EXPECT_EQ(p.get()->access_key_id, "KEY3");
}

TEST(RefreshingProvider, RefreshedButAlreadyExpiredIsAnError) {
  FakeClock clock;
  ScriptedFetch f{clock};
  f.lifetime = minutes(-1);
  RefreshingProvider p(f.fetcher(), clock);
  auto r = p.get();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::ExpiredCredentials);
}

TEST(RefreshingProvider, NoExpirationNeverRefreshes) {
  FakeClock clock;
  int calls = 0;
  RefreshingProvider p(
      [&]() -> Result<Credentials> {
        ++calls;
        return make_creds("AKID", "s");
      },
      clock);
  ASSERT_TRUE(p.get().ok());
  clock.advance(std::chrono::hours(1000));
  ASSERT_TRUE(p.get().ok());
  EXPECT_EQ(calls, 1);
}

// A fetch that blocks until released, to observe what other threads see meanwhile.
struct GatedFetch {
  FakeClock& clock;
  std::mutex mu;
  std::condition_variable cv;
  bool entered = false;
  bool released = false;
  int calls = 0;

  CredentialFetcher fetcher() {
    return [this]() -> Result<Credentials> {
      std::unique_lock lock(mu);
      ++calls;
      entered = true;
      cv.notify_all();
      cv.wait(lock, [this] { return released; });
      return make_creds("NEW" + std::to_string(calls), "s", "t", clock.now() + minutes(60));
    };
  }
  void wait_entered() {
    std::unique_lock lock(mu);
    cv.wait(lock, [this] { return entered; });
  }
  void release() {
    std::lock_guard lock(mu);
    released = true;
    cv.notify_all();
  }
};

TEST(RefreshingProvider, AdvisoryRefreshDoesNotBlockOtherThreads) {
  FakeClock clock;
  GatedFetch g{clock};
  auto old = make_creds("OLD", "s", "t", clock.now() + minutes(12));  // advisory window
  RefreshingProvider p(g.fetcher(), clock, {}, old);
  std::thread refresher([&] { EXPECT_EQ(p.get()->access_key_id, "NEW1"); });
  g.wait_entered();
  EXPECT_EQ(p.get()->access_key_id, "OLD");  // served at once while the refresh runs
  g.release();
  refresher.join();
  EXPECT_EQ(p.get()->access_key_id, "NEW1");
  EXPECT_EQ(g.calls, 1);
}

TEST(RefreshingProvider, MandatoryWindowBlocksUntilRefreshed) {
  FakeClock clock;
  GatedFetch g{clock};
  auto old = make_creds("OLD", "s", "t", clock.now() + minutes(5));  // mandatory window
  RefreshingProvider p(g.fetcher(), clock, {}, old);
  std::thread refresher([&] { EXPECT_EQ(p.get()->access_key_id, "NEW1"); });
  g.wait_entered();
  std::atomic<bool> waiter_done{false};
  std::string waiter_got;
  std::thread waiter([&] {
    waiter_got = p.get()->access_key_id;
    waiter_done = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(waiter_done);  // blocked behind the refresh
  g.release();
  refresher.join();
  waiter.join();
  EXPECT_EQ(waiter_got, "NEW1");
  EXPECT_EQ(g.calls, 1);  // one refresh for both threads
}

TEST(RefreshingProvider, ForceRefreshReplacesRejectedOnce) {
  FakeClock clock;
  ScriptedFetch f{clock};
  RefreshingProvider p(f.fetcher(), clock);
  Credentials first = *p.get();
  auto a = p.force_refresh(first);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->access_key_id, "KEY2");
  // A second thread that saw the same rejection gets the new ones without another fetch.
  auto b = p.force_refresh(first);
  EXPECT_EQ(b->access_key_id, "KEY2");
  EXPECT_EQ(f.calls, 2);
  f.fail = true;
  auto c = p.force_refresh(*b);  // failed: never hand back the rejected credentials
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().kind, ErrorKind::Network);
}

TEST(StaticProvider, ReturnsTheSameCredentials) {
  StaticProvider p(make_creds("AKID", "s"));
  EXPECT_EQ(p.get()->access_key_id, "AKID");
  EXPECT_EQ(p.force_refresh(make_creds("AKID", "s"))->access_key_id, "AKID");
}

}  // namespace
}  // namespace rampart::aws
