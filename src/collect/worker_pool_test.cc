#include "collect/worker_pool.h"

#include <atomic>

#include <gtest/gtest.h>

namespace rampart::collect {
namespace {

TEST(WorkerPool, RunsEveryJobIncludingJobsSubmittedByJobs) {
  std::atomic<int> ran{0};
  WorkerPool pool(3);
  for (int i = 0; i < 20; ++i) {
    pool.submit([&] {
      ran.fetch_add(1);
      for (int j = 0; j < 5; ++j) pool.submit([&] { ran.fetch_add(1); });
    });
  }
  pool.wait_idle();
  EXPECT_EQ(ran.load(), 20 + 20 * 5);
}

TEST(WorkerPool, BoundsConcurrencyToItsSize) {
  std::atomic<int> active{0};
  std::atomic<int> peak{0};
  WorkerPool pool(2);
  for (int i = 0; i < 16; ++i) {
    pool.submit([&] {
      int now = active.fetch_add(1) + 1;
      int seen = peak.load();
      while (now > seen && !peak.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      active.fetch_sub(1);
    });
  }
  pool.wait_idle();
  EXPECT_LE(peak.load(), 2);
  EXPECT_GE(peak.load(), 1);
}

TEST(WorkerPool, SurvivesAThrowingJob) {
  std::atomic<int> ran{0};
  WorkerPool pool(1);
  pool.submit([] { throw std::runtime_error("boom"); });
  pool.submit([&] { ran.fetch_add(1); });
  pool.wait_idle();
  EXPECT_EQ(ran.load(), 1);
}

TEST(WorkerPool, DestructorDrainsTheQueue) {
  std::atomic<int> ran{0};
  {
    WorkerPool pool(1);
    for (int i = 0; i < 10; ++i) pool.submit([&] { ran.fetch_add(1); });
  }
  EXPECT_EQ(ran.load(), 10);
}

}  // namespace
}  // namespace rampart::collect
