// The SQLite implementation of Store (internal; callers use open_sqlite_store in store.h).
// One connection guarded by a mutex: SQLite serializes writers anyway, and the expensive part
// of a batch (JSON serialization) happens before the lock is taken.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "aws/core/clock.h"
#include "inventory/scan_lease.h"
#include "inventory/sqlite_util.h"
#include "inventory/store.h"

namespace rampart::inventory {

class SqliteStore final : public Store {
 public:
  static Result<std::unique_ptr<SqliteStore>> open(const std::string& path, const Clock& clock);
  ~SqliteStore() override;

  Result<std::int64_t> begin_scan(const ScanInfo& info) override;
  Result<void> write_batch(std::int64_t scan_id, const Batch& batch) override;
  Result<void> finish_scan(std::int64_t scan_id) override;
  Result<std::vector<ScanInfo>> list_scans() override;
  Result<Snapshot> load(std::int64_t scan_id) override;
  Result<std::int64_t> import_snapshot(const Snapshot& snapshot) override;

  // A resource's JSON columns, serialized before the lock is taken.
  struct Encoded;

 private:
  SqliteStore(std::string path, const Clock& clock) : path_(std::move(path)), clock_(clock) {}
  Result<void> init();
  // Marks Running scans whose lease nobody holds as Incomplete. Caller holds mu_.
  Result<void> reclaim_dead_scans();
  Result<std::int64_t> insert_scan(const ScanInfo& info, ScanStatus status, const Json& writer);
  Result<void> upsert(std::int64_t scan_id, const Resource& r, const Encoded& enc);
  Result<void> insert_error(std::int64_t scan_id, const CollectionError& e);
  Result<void> write_locked(std::int64_t scan_id, const Batch& batch);
  Result<void> rollback(Error e);
  Result<ScanInfo> read_scan(std::int64_t scan_id);
  std::string now() const;
  Error context(Error e, std::string_view what) const;

  std::string path_;
  const Clock& clock_;
  std::mutex mu_;
  std::unique_ptr<sqlite3, sql::DbCloser> db_;
  ScanLeases leases_;
  std::set<std::int64_t> own_running_;  // scans this store began and has not finished
  sql::Statement insert_resource_, select_resource_, update_resource_, insert_error_;
};

}  // namespace rampart::inventory
