// run_collect: the collect stage of `rampart scan`.
//   1. who: STS GetCallerIdentity -> account and partition (from the caller's ARN);
//   2. where: EC2 DescribeRegions (AllRegions) in the partition's home region -> the enabled
//      regions, narrowed by --region / --exclude-region (a region not enabled is skipped with a
//      note, never an error);
//   3. begin the scan row, then run every selected collector (Global ones once in the home
//      region, Regional ones per region) on one worker pool of max_concurrency threads;
//   4. each task writes its own batches (collect_task.h), so one failing collector never loses
//      another's results; finish the scan and sum up.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <mutex>
#include <set>

#include "aws/core/timestamp.h"
#include "collect/collect_task.h"
#include "collect/scan.h"

namespace rampart::collect {

namespace {

constexpr std::string_view kRampartVersion = "0.1.0";

std::string now_iso8601() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(now).count();
  return aws::format_iso8601(aws::Timestamp{secs, 0}, 0);
}

// "arn:aws:sts::123456789012:user/x" -> "aws".
std::string partition_of(std::string_view arn) {
  if (!arn.starts_with("arn:")) return "aws";
  auto end = arn.find(':', 4);
  if (end == std::string_view::npos || end == 4) return "aws";
  return std::string(arn.substr(4, end - 4));
}

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

Result<std::vector<const CollectorSpec*>> select_collectors(
    std::span<const CollectorSpec* const> all, const std::vector<std::string>& wanted) {
  std::vector<const CollectorSpec*> out;
  for (const std::string& name : wanted) {
    bool known = std::any_of(all.begin(), all.end(),
                             [&](const CollectorSpec* c) { return c->service == name; });
    if (!known) {
      std::string names;
      for (const CollectorSpec* c : all) names += (names.empty() ? "" : ", ") + std::string(c->service);
      return make_error(ErrorKind::InvalidRequest,
                        "unknown service '" + name + "' (collectors: " + names + ")",
                        "UnknownService");
    }
  }
  for (const CollectorSpec* c : all) {
    if (wanted.empty() || contains(wanted, c->service)) out.push_back(c);
  }
  return out;
}

// The regions to scan: enabled ones, narrowed by the options. Notes go to `note`.
Result<std::vector<std::string>> select_regions(aws::AwsClient& client, const std::string& home,
                                                const ScanOptions& options,
                                                const std::function<void(std::string)>& note) {
  auto described = client.call("ec2", "DescribeRegions", Json{{"AllRegions", true}}, home);
  std::vector<std::string> enabled;
  std::set<std::string> listed;
  if (described) {
    for (const Json& r : described->value("Regions", Json::array())) {
      std::string name = r.value("RegionName", "");
      if (name.empty()) continue;
      listed.insert(name);
      if (r.value("OptInStatus", "opt-in-not-required") != "not-opted-in") enabled.push_back(name);
    }
  } else if (options.regions.empty()) {
    return Error{described.error().kind, described.error().code,
                 "cannot list the account's regions (ec2 DescribeRegions): " +
                     described.error().describe(),
                 described.error().request_id, described.error().http_status};
  } else {
    note("note: ec2 DescribeRegions failed (" + described.error().describe() +
         "); scanning the requested regions as given");
    enabled = options.regions;
    listed.insert(enabled.begin(), enabled.end());
  }
  std::sort(enabled.begin(), enabled.end());

  std::vector<std::string> chosen;
  if (options.regions.empty()) {
    chosen = enabled;
  } else {
    for (const std::string& r : options.regions) {
      if (contains(chosen, r)) continue;
      if (contains(enabled, r)) {
        chosen.push_back(r);
      } else if (listed.count(r) != 0) {
        note("note: skipping region " + r + ": not enabled for this account (opt-in required)");
      } else {
        note("note: skipping region " + r + ": not a region DescribeRegions knows");
      }
    }
  }
  std::erase_if(chosen, [&](const std::string& r) { return contains(options.exclude_regions, r); });
  return chosen;
}

}  // namespace

Result<ScanSummary> run_collect_with(aws::AwsClient& client, inventory::Store& store,
                                     const ScanOptions& options,
                                     std::span<const CollectorSpec* const> collectors,
                                     std::ostream& err, bool err_is_terminal) {
  const auto t0 = std::chrono::steady_clock::now();
  const aws::ClientStats stats0 = client.stats();

  auto identity = client.call("sts", "GetCallerIdentity", Json::object());
  if (!identity) {
    Error e = identity.error();
    e.message = "cannot identify the account (sts GetCallerIdentity): " + e.message;
    return e;
  }
  ScanSummary summary;
  summary.account = identity->value("Account", "");
  const std::string partition = partition_of(identity->value("Arn", ""));
  const std::string home = home_region(partition, client.default_region());

  auto selected = select_collectors(collectors, options.services);
  if (!selected) return selected.error();

  std::atomic<std::size_t> tasks_done{0};
  std::atomic<std::size_t> tasks_total{0};
  ScanCounters counters;
  ProgressDisplay progress(
      choose_progress_mode(options.quiet, options.progress, err_is_terminal), err, [&] {
        aws::ClientStats st = client.stats();
        ProgressState s;
        s.tasks_done = tasks_done.load();
        s.tasks_total = tasks_total.load();
        s.resources = counters.resources.load();
        s.errors = counters.errors.load();
        s.calls = st.calls - stats0.calls;
        s.retries = st.retries - stats0.retries;
        s.throttles = st.throttles - stats0.throttles;
        s.elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return s;
      });

  auto regions = select_regions(client, home, options, [&](std::string text) { progress.note(text); });
  if (!regions) return regions.error();
  summary.regions = *regions;

  inventory::ScanInfo info;
  info.account = summary.account;
  info.started = now_iso8601();
  info.rampart_version = std::string(kRampartVersion);
  info.regions = summary.regions;
  info.options = options.options;
  auto scan_id = store.begin_scan(info);
  if (!scan_id) return scan_id.error();
  summary.scan_id = *scan_id;

  {
    WorkerPool pool(static_cast<std::size_t>(std::clamp(options.max_concurrency, 1, 1024)));
    ScanShared shared{client, store, pool, summary.scan_id, summary.account, partition, counters};
    std::mutex done_mu;  // keeps "[n/total]" lines in order
    shared.on_task_done = [&](const TaskReport& report) {
      std::lock_guard lock(done_mu);
      tasks_done.fetch_add(1);
      progress.task_done(report);
    };
    std::vector<std::unique_ptr<ScanTask>> tasks;
    for (const CollectorSpec* spec : *selected) {
      if (spec->scope == Scope::Global) {
        tasks.push_back(std::make_unique<ScanTask>(shared, *spec, home));
      } else {
        for (const std::string& region : summary.regions) {
          tasks.push_back(std::make_unique<ScanTask>(shared, *spec, region));
        }
      }
    }
    tasks_total.store(tasks.size());
    for (auto& task : tasks) task->start();
    pool.wait_idle();  // every task finishes inside a pool job
    summary.resources = counters.resources.load();
    summary.errors = counters.errors.load();
  }

  auto finished = store.finish_scan(summary.scan_id);
  progress.stop();
  if (!finished) return finished.error();
  summary.calls = client.stats().calls - stats0.calls;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return summary;
}

Result<ScanSummary> run_collect(aws::AwsClient& client, inventory::Store& store,
                                const ScanOptions& options) {
  return run_collect_with(client, store, options, all_collectors(), std::cerr,
                          ::isatty(STDERR_FILENO) != 0);
}

}  // namespace rampart::collect
