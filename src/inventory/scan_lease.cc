// Scan leases on a lock file via Linux open-file-description locks (see scan_lease.h).
#include "inventory/scan_lease.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace rampart::inventory {

namespace {

struct flock byte_lock(short type, std::int64_t scan_id) {
  struct flock fl {};
  fl.l_type = type;
  fl.l_whence = SEEK_SET;
  fl.l_start = static_cast<off_t>(scan_id);
  fl.l_len = 1;
  fl.l_pid = 0;  // required for OFD locks
  return fl;
}

}  // namespace

Result<ScanLeases> ScanLeases::open(const std::string& lock_path) {
  ScanLeases leases;
  if (lock_path.empty()) return leases;
  leases.fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (leases.fd_ < 0) {
    return make_error(ErrorKind::Internal,
                      "cannot open scan lock file " + lock_path + ": " + std::strerror(errno),
                      "LockFile");
  }
  return leases;
}

ScanLeases& ScanLeases::operator=(ScanLeases&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = o.fd_;
    o.fd_ = -1;
  }
  return *this;
}

ScanLeases::~ScanLeases() {
  if (fd_ >= 0) ::close(fd_);  // drops every lease this store still holds
}

Result<void> ScanLeases::acquire(std::int64_t scan_id) {
  if (fd_ < 0) return {};
  struct flock fl = byte_lock(F_WRLCK, scan_id);
  if (::fcntl(fd_, F_OFD_SETLK, &fl) != 0) {
    return make_error(ErrorKind::Internal,
                      "cannot lock scan " + std::to_string(scan_id) + ": " + std::strerror(errno),
                      "LockFile");
  }
  return {};
}

void ScanLeases::release(std::int64_t scan_id) {
  if (fd_ < 0) return;
  struct flock fl = byte_lock(F_UNLCK, scan_id);
  ::fcntl(fd_, F_OFD_SETLK, &fl);
}

bool ScanLeases::held_elsewhere(std::int64_t scan_id) const {
  if (fd_ < 0) return true;  // no lease mechanism: never declare a writer dead
  struct flock fl = byte_lock(F_WRLCK, scan_id);
  if (::fcntl(fd_, F_OFD_GETLK, &fl) != 0) return true;  // cannot tell: assume alive
  return fl.l_type != F_UNLCK;
}

}  // namespace rampart::inventory
