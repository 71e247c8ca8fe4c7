// The scan's progress display on stderr: a live status line redrawn at most 10 times a second
// on a terminal; one plain line per finished (collector, region) task otherwise; nothing with
// --quiet. Formatting is pure (format_*) so it is testable; ProgressDisplay owns the output.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>

namespace rampart::collect {

// A snapshot of the scan's counters.
struct ProgressState {
  std::size_t tasks_done = 0;
  std::size_t tasks_total = 0;  // services x regions (Global services once)
  std::uint64_t resources = 0;
  std::uint64_t errors = 0;     // collection errors recorded
  std::uint64_t calls = 0;      // from the client's stats
  std::uint64_t retries = 0;
  std::uint64_t throttles = 0;
  double elapsed = 0;           // seconds
};

// One finished (collector, region) task.
struct TaskReport {
  std::string service;
  std::string region;
  std::uint64_t resources = 0;
  std::uint64_t errors = 0;
  double seconds = 0;
  std::string write_error;  // non-empty when the store refused a batch
};

// "[12/40 tasks] 1234 resources, 560 calls, 3 retries, 1 throttled, 2 errors, 4.2s"
std::string format_progress_line(const ProgressState& s);
// "[12/40] ec2 us-east-1: 120 resources, 1 error (2.3s)"
std::string format_task_line(const TaskReport& r, const ProgressState& s);

enum class ProgressMode : std::uint8_t { Off, Lines, Live };
ProgressMode choose_progress_mode(bool quiet, bool progress, bool is_terminal);

class ProgressDisplay {
 public:
  using Sampler = std::function<ProgressState()>;
  ProgressDisplay(ProgressMode mode, std::ostream& out, Sampler sample);
  ~ProgressDisplay();
  ProgressDisplay(const ProgressDisplay&) = delete;
  ProgressDisplay& operator=(const ProgressDisplay&) = delete;

  // Thread-safe.
  void task_done(const TaskReport& report);
  // A line that is not progress (a skipped region, a store write failure). Shown unless Off.
  void note(std::string_view text);
  // Final redraw and newline (live mode); idempotent.
  void stop();

 private:
  void redraw_loop();
  void clear_line_locked();

  ProgressMode mode_;
  std::ostream& out_;
  Sampler sample_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopped_ = false;
  bool line_shown_ = false;
  std::thread thread_;
};

}  // namespace rampart::collect
