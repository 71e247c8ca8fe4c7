// SqliteStore: opening (pragmas, migration, reclaiming scans whose writer died) and the scan
// lifecycle (begin/finish/list). Resource writes and loads are in sqlite_store_data.cc.
//
// Liveness of a Running scan is a lease (scan_lease.h): begin_scan takes it inside the same
// transaction that inserts the row, so any reader that sees the row Running either finds the
// lease held or knows the writer is gone; finish_scan commits Complete before releasing it, and
// the reclaim UPDATE only touches rows still Running, so a scan finishing concurrently is never
// overwritten.
#include "inventory/sqlite_store.h"

#include <unistd.h>

#include <algorithm>

#include "aws/core/timestamp.h"
#include "inventory/codec.h"
#include "inventory/schema.h"

namespace rampart::inventory {

namespace {

constexpr int kBusyTimeoutMs = 30'000;

bool in_memory(const std::string& path) {
  return path.empty() || path == ":memory:" || path.starts_with("file::memory:");
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json writer_identity() {
  char host[256] = {};
  if (::gethostname(host, sizeof(host) - 1) != 0) host[0] = '\0';
  return Json{{"pid", static_cast<std::int64_t>(::getpid())}, {"host", std::string(host)}};
}

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path) {
  return open_sqlite_store(path, system_clock());
}

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, const Clock& clock) {
  auto s = SqliteStore::open(path, clock);
  if (!s) return s.error();
  return std::unique_ptr<Store>(std::move(*s));
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path,
                                                       const Clock& clock) {
  std::unique_ptr<SqliteStore> store(new SqliteStore(path, clock));
  if (auto r = store->init(); !r) return r.error();
  return store;
}

Error SqliteStore::context(Error e, std::string_view what) const {
  e.message = "store " + path_ + ": " + std::string(what) + ": " + e.message;
  return e;
}

std::string SqliteStore::now() const {
  auto t = std::chrono::duration<double>(clock_.now().time_since_epoch()).count();
  return aws::format_iso8601(aws::from_epoch(t), 3);
}

Result<void> SqliteStore::init() {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path_.empty() ? ":memory:" : path_.c_str(), &raw,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                               SQLITE_OPEN_URI,
                           nullptr);
  db_.reset(raw);
  if (rc != SQLITE_OK) return sql::error(raw, rc, "cannot open store " + path_);
  sqlite3_busy_timeout(db_.get(), kBusyTimeoutMs);
  // WAL: readers never block the writer and a killed writer loses only its open transaction.
  // synchronous=NORMAL in WAL is durable against process crashes (only power loss can drop the
  // last commits), which is the failure the scan store must survive.
  if (auto r = sql::exec(db_.get(),
                         "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                         "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;");
      !r) {
    return context(r.error(), "pragmas");
  }
  if (auto r = migrate(db_.get()); !r) return context(r.error(), "schema");
  auto leases = ScanLeases::open(in_memory(path_) ? std::string() : path_ + "-scans.lock");
  if (!leases) return leases.error();
  leases_ = std::move(*leases);

  struct {
    sql::Statement* stmt;
    const char* text;
  } prepared[] = {
      {&insert_resource_,
       "INSERT INTO resources(scan, account, region, type, id, arn, name, tags, document, unknown)"
       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
       " ON CONFLICT(scan, type, region, id) DO NOTHING"},
      {&select_resource_,
       "SELECT account, arn, name, tags, document, unknown FROM resources"
       " WHERE scan = ?1 AND type = ?2 AND region = ?3 AND id = ?4"},
      {&update_resource_,
       "UPDATE resources SET account = ?5, arn = ?6, name = ?7, tags = ?8, document = ?9,"
       " unknown = ?10 WHERE scan = ?1 AND type = ?2 AND region = ?3 AND id = ?4"},
      {&insert_error_,
       "INSERT INTO collection_errors(scan, account, region, service, operation, resource_type,"
       " resource_id, kind, code, message) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
  };
  for (auto& p : prepared) {
    auto st = sql::Statement::prepare(db_.get(), p.text);
    if (!st) return context(st.error(), "prepare");
    *p.stmt = std::move(*st);
  }
  std::lock_guard lock(mu_);
  return reclaim_dead_scans();
}

SqliteStore::~SqliteStore() {
  std::lock_guard lock(mu_);
  // Scans this store began and never finished: their writer is going away now.
  for (std::int64_t id : own_running_) {
    (void)sql::exec(db_.get(), "UPDATE scans SET status = 'incomplete' WHERE status = 'running'"
                               " AND id = " + std::to_string(id));
  }
}

Result<void> SqliteStore::reclaim_dead_scans() {
  auto st = sql::Statement::prepare(db_.get(), "SELECT id FROM scans WHERE status = 'running'");
  if (!st) return context(st.error(), "reclaim");
  std::vector<std::int64_t> dead;
  for (;;) {
    auto row = st->step();
    if (!row) return context(row.error(), "reclaim");
    if (!*row) break;
    std::int64_t id = st->column_int(0);
    if (own_running_.contains(id) || leases_.held_elsewhere(id)) continue;
    dead.push_back(id);
  }
  for (std::int64_t id : dead) {
    auto r = sql::exec(db_.get(), "UPDATE scans SET status = 'incomplete' WHERE status = 'running'"
                                  " AND id = " + std::to_string(id));
    if (!r) return context(r.error(), "reclaim scan " + std::to_string(id));
  }
  return {};
}

Result<void> SqliteStore::rollback(Error e) {
  (void)sql::exec(db_.get(), "ROLLBACK");
  return e;
}

Result<std::int64_t> SqliteStore::insert_scan(const ScanInfo& info, ScanStatus status,
                                              const Json& writer) {
  auto st = sql::Statement::prepare(
      db_.get(),
      "INSERT INTO scans(account, started, finished, rampart_version, regions, options, status,"
      " writer) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!st) return st.error();
  st->bind(1, info.account);
  st->bind(2, info.started.empty() ? now() : info.started);
  st->bind(3, info.finished);
  st->bind(4, info.rampart_version);
  st->bind(5, dump(Json(info.regions)));
  st->bind(6, dump(info.options.is_object() ? info.options : Json::object()));
  st->bind(7, to_string(status));
  st->bind(8, dump(writer));
  if (auto r = st->run(); !r) return r.error();
  return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_.get()));
}

Result<std::int64_t> SqliteStore::begin_scan(const ScanInfo& info) {
  std::lock_guard lock(mu_);
  if (auto r = sql::exec(db_.get(), "BEGIN IMMEDIATE"); !r) return context(r.error(), "begin scan");
  auto id = insert_scan(info, ScanStatus::Running, writer_identity());
  if (!id) return context(rollback(id.error()).error(), "begin scan");
  // The lease is taken before the row becomes visible (commit), see the file comment.
  if (auto r = leases_.acquire(*id); !r) return context(rollback(r.error()).error(), "begin scan");
  if (auto r = sql::exec(db_.get(), "COMMIT"); !r) {
    leases_.release(*id);
    return context(rollback(r.error()).error(), "begin scan");
  }
  own_running_.insert(*id);
  return *id;
}

Result<void> SqliteStore::finish_scan(std::int64_t scan_id) {
  std::lock_guard lock(mu_);
  auto st = sql::Statement::prepare(
      db_.get(), "UPDATE scans SET status = 'complete', finished = ?2 WHERE id = ?1");
  if (!st) return context(st.error(), "finish scan");
  st->bind(1, scan_id);
  st->bind(2, now());
  if (auto r = st->run(); !r) return context(r.error(), "finish scan");
  if (sqlite3_changes(db_.get()) == 0) {
    return make_error(ErrorKind::NotFound, "store " + path_ + ": no scan " + std::to_string(scan_id),
                      "NoSuchScan");
  }
  leases_.release(scan_id);
  own_running_.erase(scan_id);
  return {};
}

namespace {

constexpr const char* kScanColumns =
    "SELECT id, account, started, finished, rampart_version, regions, options, status FROM scans";

ScanInfo scan_from_row(const sql::Statement& st) {
  ScanInfo s;
  s.id = st.column_int(0);
  s.account = st.column_text(1);
  s.started = st.column_text(2);
  s.finished = st.column_text(3);
  s.rampart_version = st.column_text(4);
  Json regions = Json::parse(st.column_view(5), nullptr, false);
  if (regions.is_array()) {
    for (const auto& r : regions) {
      if (r.is_string()) s.regions.push_back(r.get<std::string>());
    }
  }
  Json options = Json::parse(st.column_view(6), nullptr, false);
  s.options = options.is_object() ? options : Json::object();
  s.status = scan_status_from_string(st.column_view(7)).value_or(ScanStatus::Incomplete);
  return s;
}

// Seconds since the epoch for ordering; unparsable times sort oldest.
double started_key(const ScanInfo& s) {
  auto t = aws::parse_iso8601(s.started);
  return t ? t->epoch() : -1e300;
}

}  // namespace

Result<ScanInfo> SqliteStore::read_scan(std::int64_t scan_id) {
  auto st = sql::Statement::prepare(db_.get(), std::string(kScanColumns) + " WHERE id = ?1");
  if (!st) return context(st.error(), "read scan");
  st->bind(1, scan_id);
  auto row = st->step();
  if (!row) return context(row.error(), "read scan");
  if (!*row) {
    return make_error(ErrorKind::NotFound, "store " + path_ + ": no scan " + std::to_string(scan_id),
                      "NoSuchScan");
  }
  return scan_from_row(*st);
}

Result<std::vector<ScanInfo>> SqliteStore::list_scans() {
  std::lock_guard lock(mu_);
  if (auto r = reclaim_dead_scans(); !r) return r.error();
  auto st = sql::Statement::prepare(db_.get(), kScanColumns);
  if (!st) return context(st.error(), "list scans");
  std::vector<ScanInfo> out;
  for (;;) {
    auto row = st->step();
    if (!row) return context(row.error(), "list scans");
    if (!*row) break;
    out.push_back(scan_from_row(*st));
  }
  // Newest first by start time (imported scans keep theirs), then by id.
  std::stable_sort(out.begin(), out.end(), [](const ScanInfo& a, const ScanInfo& b) {
    double ka = started_key(a), kb = started_key(b);
    if (ka != kb) return ka > kb;
    return a.id > b.id;
  });
  return out;
}

}  // namespace rampart::inventory
