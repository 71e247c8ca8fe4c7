// The SIGKILL test (issue 3, "How it is shown" 3): a complete scan is stored, then the
// store_writer helper begins a second scan in another process and commits batches until it is
// killed with SIGKILL mid-write. The next open must find the first scan intact, the killed
// scan Incomplete with every batch it reported committed, and a database that passes
// PRAGMA integrity_check. While the writer is alive, another process's open must leave its
// scan Running (the lease in scan_lease.h).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>
#include <string>

#include "inventory/store.h"
#include "inventory/test_support.h"

extern char** environ;

namespace rampart::inventory {
namespace {

using testing::make_error_row;
using testing::make_resource;
using testing::TempDir;

constexpr int kWriterBatch = 200;

// The writer process with its stdout on a pipe we read line by line.
class Writer {
 public:
  explicit Writer(const std::string& db) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    std::string size = std::to_string(kWriterBatch);
    const char* argv[] = {STORE_WRITER, db.c_str(), "--batch-size", size.c_str(), nullptr};
    if (posix_spawn(&pid_, STORE_WRITER, &actions, nullptr, const_cast<char**>(argv), environ) != 0) {
      pid_ = -1;
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    fd_ = fds[0];
  }
  ~Writer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) ::close(fd_);
  }
  bool started() const { return pid_ > 0; }

  // The next line of output, or "" on EOF / after 30 s.
  std::string next_line() {
    for (;;) {
      auto nl = buffer_.find('\n');
      if (nl != std::string::npos) {
        std::string line = buffer_.substr(0, nl);
        buffer_.erase(0, nl + 1);
        return line;
      }
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 30'000) <= 0) return "";
      char buf[4096];
      ssize_t n = ::read(fd_, buf, sizeof(buf));
      if (n <= 0) return "";
      buffer_.append(buf, static_cast<std::size_t>(n));
    }
  }

  // SIGKILL and reap; true when the process died of SIGKILL (it was still running).
  bool kill9() {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  std::string buffer_;
};

std::string integrity_check(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string out;
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    out += reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

ScanStatus status_of(Store& store, std::int64_t id) {
  auto scans = store.list_scans();
  EXPECT_TRUE(scans.ok());
  for (const auto& s : *scans) {
    if (s.id == id) return s.status;
  }
  ADD_FAILURE() << "no scan " << id;
  return ScanStatus::Running;
}

TEST(SqliteStoreKill, KilledScanIsIncompleteAndEarlierScansIntact) {
  TempDir dir;
  std::string db = dir.file("rampart.db");

  // 1. A first, complete scan.
  std::int64_t first = 0;
  {
    auto store = open_sqlite_store(db);
    ASSERT_TRUE(store.ok());
    auto id = (*store)->begin_scan(ScanInfo{0, "123456789012", "", "", "t", {"us-east-1"},
                                            Json::object(), ScanStatus::Running});
    ASSERT_TRUE(id.ok());
    first = *id;
    for (int b = 0; b < 3; ++b) {
      Batch batch;
      for (int n = 0; n < 100; ++n) {
        batch.resources.push_back(make_resource("ec2:vpc", "us-east-1",
                                                "vpc-" + std::to_string(b) + "-" + std::to_string(n),
                                                {{"IsDefault", false}}));
      }
      batch.errors.push_back(make_error_row("us-east-1", "ec2", "DescribeFlowLogs"));
      ASSERT_TRUE((*store)->write_batch(first, batch).ok());
    }
    ASSERT_TRUE((*store)->finish_scan(first).ok());
  }

  // 2. The writer runs in another process; while alive, its scan stays Running.
  Writer writer(db);
  ASSERT_TRUE(writer.started());
  std::string line = writer.next_line();
  ASSERT_EQ(line.rfind("scan ", 0), 0u) << line;
  std::int64_t killed = std::stoll(line.substr(5));
  ASSERT_NE(killed, first);
  ASSERT_EQ(writer.next_line(), "batch 0");
  ASSERT_EQ(writer.next_line(), "batch 1");
  {
    auto observer = open_sqlite_store(db);
    ASSERT_TRUE(observer.ok());
    EXPECT_EQ(status_of(**observer, killed), ScanStatus::Running);
  }
  int last_committed = 1;
  while (last_committed < 6) {
    std::string l = writer.next_line();
    ASSERT_EQ(l, "batch " + std::to_string(last_committed + 1));
    ++last_committed;
  }

  // 3. SIGKILL, most likely in the middle of the next batch's transaction.
  ASSERT_TRUE(writer.kill9());

  // 4. The next open sees the damage correctly.
  auto store = open_sqlite_store(db);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto scans = (*store)->list_scans();
  ASSERT_TRUE(scans.ok());
  ASSERT_EQ(scans->size(), 2u);
  EXPECT_EQ(status_of(**store, first), ScanStatus::Complete);
  EXPECT_EQ(status_of(**store, killed), ScanStatus::Incomplete);

  auto earlier = (*store)->load(first);
  ASSERT_TRUE(earlier.ok());
  EXPECT_EQ(earlier->resources.size(), 300u);
  EXPECT_EQ(earlier->errors.size(), 3u);
  EXPECT_EQ(earlier->scan.status, ScanStatus::Complete);

  auto partial = (*store)->load(killed);
  ASSERT_TRUE(partial.ok());
  EXPECT_TRUE(partial->scan.finished.empty());
  // Whole batches only (each is one transaction), at least every batch reported committed.
  std::size_t n = partial->resources.size();
  EXPECT_EQ(n % kWriterBatch, 0u) << n;
  std::size_t batches = n / kWriterBatch;
  EXPECT_GE(batches, static_cast<std::size_t>(last_committed + 1));
  EXPECT_EQ(partial->errors.size(), batches);
  std::set<std::string> ids;
  for (const auto& r : partial->resources) ids.insert(r.id);
  for (std::size_t k = 0; k < batches; ++k) {
    for (int i = 0; i < kWriterBatch; ++i) {
      ASSERT_TRUE(ids.contains("r-" + std::to_string(k) + "-" + std::to_string(i))) << k << " " << i;
    }
  }

  // 5. The file is sound, and the store is still writable.
  EXPECT_EQ(integrity_check(db), "ok");
  auto next = (*store)->begin_scan(ScanInfo{0, "123456789012", "", "", "t", {}, Json::object(),
                                            ScanStatus::Running});
  ASSERT_TRUE(next.ok());
  EXPECT_TRUE((*store)->finish_scan(*next).ok());
}

}  // namespace
}  // namespace rampart::inventory
