// Progress display (see progress.h). In live mode a background thread samples the counters and
// redraws one line ("\r" + erase-line) every 100 ms; task lines are not printed there, notes
// are printed above the live line.
#include "collect/progress.h"

#include <chrono>
#include <cstdio>

namespace rampart::collect {

namespace {
std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fs", s);
  return buf;
}
}  // namespace

std::string format_progress_line(const ProgressState& s) {
  return "[" + std::to_string(s.tasks_done) + "/" + std::to_string(s.tasks_total) + " tasks] " +
         plural(s.resources, "resource", "resources") + ", " + plural(s.calls, "call", "calls") +
         ", " + plural(s.retries, "retry", "retries") + ", " + std::to_string(s.throttles) +
         " throttled, " + plural(s.errors, "error", "errors") + ", " + seconds_text(s.elapsed);
}

std::string format_task_line(const TaskReport& r, const ProgressState& s) {
  std::string line = "[" + std::to_string(s.tasks_done) + "/" + std::to_string(s.tasks_total) +
                     "] " + r.service + " " + r.region + ": " +
                     plural(r.resources, "resource", "resources") + ", " +
                     plural(r.errors, "error", "errors") + " (" + seconds_text(r.seconds) + ")";
  if (!r.write_error.empty()) line += " - store write failed: " + r.write_error;
  return line;
}

ProgressMode choose_progress_mode(bool quiet, bool progress, bool is_terminal) {
  if (quiet) return ProgressMode::Off;
  return progress && is_terminal ? ProgressMode::Live : ProgressMode::Lines;
}

ProgressDisplay::ProgressDisplay(ProgressMode mode, std::ostream& out, Sampler sample)
    : mode_(mode), out_(out), sample_(std::move(sample)) {
  if (mode_ == ProgressMode::Live) thread_ = std::thread([this] { redraw_loop(); });
}

ProgressDisplay::~ProgressDisplay() { stop(); }

void ProgressDisplay::clear_line_locked() {
  if (line_shown_) {
    out_ << "\r\x1b[K";
    line_shown_ = false;
  }
}

void ProgressDisplay::task_done(const TaskReport& report) {
  if (mode_ == ProgressMode::Off) return;
  ProgressState s = sample_();
  std::lock_guard lock(mu_);
  if (mode_ == ProgressMode::Lines) {
    out_ << format_task_line(report, s) << "\n" << std::flush;
  } else if (!report.write_error.empty()) {
    clear_line_locked();
    out_ << format_task_line(report, s) << "\n" << std::flush;
  }
}

void ProgressDisplay::note(std::string_view text) {
  if (mode_ == ProgressMode::Off) return;
  std::lock_guard lock(mu_);
  clear_line_locked();
  out_ << text << "\n" << std::flush;
}

void ProgressDisplay::redraw_loop() {
  std::unique_lock lock(mu_);
  while (!stopped_) {
    lock.unlock();
    ProgressState s = sample_();
    lock.lock();
    if (stopped_) break;
    out_ << "\r\x1b[K" << format_progress_line(s) << std::flush;
    line_shown_ = true;
    cv_.wait_for(lock, std::chrono::milliseconds(100), [this] { return stopped_; });
  }
}

void ProgressDisplay::stop() {
  {
    std::lock_guard lock(mu_);
    if (stopped_) return;
    stopped_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (mode_ == ProgressMode::Live) {
    ProgressState s = sample_();
    std::lock_guard lock(mu_);
    out_ << "\r\x1b[K" << format_progress_line(s) << "\n" << std::flush;
    line_shown_ = false;
  }
}

}  // namespace rampart::collect
