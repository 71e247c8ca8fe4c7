// How the store knows a Running scan's writer is gone: the writer holds an open-file-description
// lock (fcntl F_OFD_SETLK) on byte <scan id> of a lock file beside the database
// ("<db>-scans.lock") for as long as the scan runs. The kernel drops the lock when the writer's
// file is closed — including when the process is killed with SIGKILL — so a later open that
// finds the byte unlocked knows nobody is writing that scan any more. OFD locks (unlike classic
// POSIX locks) conflict between two opens in the same process and are not lost when some other
// descriptor of the file is closed, so two concurrent scans (even from one process) never take
// each other for dead. The lock file is separate from the database because SQLite's own POSIX
// locks on the database would be dropped if we opened and closed the database file ourselves.
#pragma once

#include <cstdint>
#include <string>

#include "aws/core/result.h"

namespace rampart::inventory {

class ScanLeases {
 public:
  // An empty path (in-memory database) makes every call a no-op: no other process can see it.
  static Result<ScanLeases> open(const std::string& lock_path);
  ScanLeases() = default;
  ScanLeases(ScanLeases&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  ScanLeases& operator=(ScanLeases&& o) noexcept;
  ScanLeases(const ScanLeases&) = delete;
  ScanLeases& operator=(const ScanLeases&) = delete;
  ~ScanLeases();

  Result<void> acquire(std::int64_t scan_id);  // fails if someone else holds it
  void release(std::int64_t scan_id);
  // True when some other open file description holds the lease of scan_id.
  bool held_elsewhere(std::int64_t scan_id) const;
  bool enabled() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

}  // namespace rampart::inventory
