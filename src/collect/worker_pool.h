// A fixed pool of worker threads running queued jobs FIFO. The scan sizes it to the number of
// AWS calls it allows in flight (each job makes blocking calls). Jobs never wait on other jobs:
// a collect task counts its outstanding work and the job that brings the count to zero finishes
// the task (collect_task.h), so spawned work can never deadlock the pool.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace rampart::collect {

class WorkerPool {
 public:
  explicit WorkerPool(std::size_t threads);
  ~WorkerPool();  // runs every queued job, then joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `job`; callable from any thread, including from inside a job. A job must not throw
  // (an escaping exception is swallowed so a worker is never lost).
  void submit(std::function<void()> job);
  // Blocks until the queue is empty and no job is running. Not for use inside a job.
  void wait_idle();
  std::size_t size() const { return threads_.size(); }

 private:
  void run();

  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable idle_cv_;
  std::deque<std::function<void()>> queue_;
  std::size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace rampart::collect
