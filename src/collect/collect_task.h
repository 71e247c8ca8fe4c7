// The CollectTask the scan runs: one (collector, region). It calls AWS through the shared
// client, records failures as CollectionErrors (list: the whole type unknown; describe: the
// attribute unknown, or absent for "not configured" codes; a list answered OptInRequired means
// the service is not offered/subscribed there and is skipped without an error row), buffers
// what the collector emits and writes it to the store in batches: every `batch_size` resources and once at the end.
//
// Completion without blocking: a task counts its outstanding work (the collector itself plus
// every spawn). Each piece runs as a pool job; the job that brings the count to zero writes
// the last batch and reports the task done. No job ever waits for another, so spawned work
// cannot deadlock a pool of any size.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "aws/client/client.h"
#include "collect/collector.h"
#include "collect/progress.h"
#include "collect/scan.h"
#include "collect/worker_pool.h"
#include "inventory/store.h"

namespace rampart::collect {

// Live totals over every task of a scan (read by the progress display).
struct ScanCounters {
  std::atomic<std::uint64_t> resources{0};  // emitted so far
  std::atomic<std::uint64_t> errors{0};     // collection errors recorded so far
};

// What every task of one scan shares.
struct ScanShared {
  aws::AwsClient& client;
  inventory::Store& store;
  WorkerPool& pool;
  std::int64_t scan_id = 0;
  std::string account;
  std::string partition = "aws";
  ScanCounters& counters;
  std::size_t batch_size = 1000;
  std::function<void(const TaskReport&)> on_task_done;  // from a worker thread; thread-safe
};

class ScanTask final : public CollectTask {
 public:
  ScanTask(ScanShared& shared, const CollectorSpec& spec, std::string region);

  // Queues the collector on the pool. The task object must outlive the pool's jobs.
  void start();

  const std::string& account() const override { return shared_.account; }
  const std::string& partition() const override { return shared_.partition; }
  const std::string& region() const override { return region_; }
  std::optional<Json> list(std::string_view service, std::string_view operation,
                           const Json& params, std::string_view resource_type) override;
  std::optional<Json> describe(inventory::Resource& resource, std::string_view service,
                               std::string_view operation, const Json& params,
                               std::string_view attribute,
                               std::initializer_list<std::string_view> absent_codes = {},
                               std::string_view region = {}) override;
  void emit(inventory::Resource resource) override;
  void spawn(std::function<void()> work) override;

 private:
  // Runs `work` with exceptions contained, then releases one unit of outstanding work.
  void run_guarded(const std::function<void()>& work);
  void release();
  void record(inventory::CollectionError error);
  void flush(bool final);
  // The region errors of list calls carry: "global" for Global collectors.
  const std::string& error_region() const { return error_region_; }

  ScanShared& shared_;
  const CollectorSpec& spec_;
  std::string region_;
  std::string error_region_;
  std::atomic<std::size_t> outstanding_{0};
  std::chrono::steady_clock::time_point started_;

  std::mutex mu_;  // guards everything below
  inventory::Batch pending_;
  std::uint64_t resources_ = 0;
  std::uint64_t errors_ = 0;
  std::string write_error_;
};

// The partition's home region, where Global services are called: us-east-1 for aws,
// cn-north-1 for aws-cn, us-gov-west-1 for aws-us-gov; `fallback` for any other.
std::string home_region(std::string_view partition, std::string_view fallback);

// run_collect with an explicit collector table and stream for progress/notes (tests).
Result<ScanSummary> run_collect_with(aws::AwsClient& client, inventory::Store& store,
                                     const ScanOptions& options,
                                     std::span<const CollectorSpec* const> collectors,
                                     std::ostream& err, bool err_is_terminal);

}  // namespace rampart::collect
