// The durable inventory: one SQLite file (WAL) holding scans, resources and collection errors.
// Each write_batch() is one transaction, so a scan killed at any point leaves every earlier
// batch (and every earlier scan) intact; a scan never finished is reported Incomplete.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "aws/core/clock.h"
#include "aws/core/result.h"
#include "inventory/resource.h"

namespace rampart::inventory {

struct Batch {
  std::vector<Resource> resources;       // upserted by (region, type, id); documents merge
  std::vector<CollectionError> errors;
};

// Everything one scan stored, in memory, for evaluation and reports.
struct Snapshot {
  ScanInfo scan;
  std::vector<Resource> resources;
  std::vector<CollectionError> errors;
};

class Store {
 public:
  virtual ~Store() = default;
  virtual Result<std::int64_t> begin_scan(const ScanInfo& info) = 0;
  // Thread-safe; one transaction per call.
  virtual Result<void> write_batch(std::int64_t scan_id, const Batch& batch) = 0;
  virtual Result<void> finish_scan(std::int64_t scan_id) = 0;
  virtual Result<std::vector<ScanInfo>> list_scans() = 0;  // newest first
  virtual Result<Snapshot> load(std::int64_t scan_id) = 0;
  // Adds a complete snapshot (from `rampart import`) as a new scan; returns its id.
  virtual Result<std::int64_t> import_snapshot(const Snapshot& snapshot) = 0;
};

// Opens (creating and migrating as needed) a SQLite store. Scans left Running by a process
// that died are marked Incomplete on open.
// `path` ":memory:" opens a private in-memory store (tests). The lease file "<path>-scans.lock"
// beside the database tells which Running scans still have a live writer (scan_lease.h).
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path);
// The same with the clock that stamps started/finished times (tests pin it).
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, const Clock& clock);

}  // namespace rampart::inventory

namespace rampart::inventory {

// `rampart export` / `rampart import`: one scan as one gzip-compressed JSON document
// ({"format": "rampart-snapshot/1", "scan": {...}, "resources": [...], "errors": [...]}).
Result<void> write_snapshot_file(const Snapshot& snapshot, const std::string& path);
// Errors name the file and what is wrong with it (Parse).
Result<Snapshot> read_snapshot_file(const std::string& path);

// The seed-002-style infrastructure summary: counts per (type, region), EC2 instances by type
// and state, RDS engines, buckets, users, stacks. One JSON object; text rendering is the CLI's.
Json inventory_summary(const Snapshot& snapshot);

}  // namespace rampart::inventory
