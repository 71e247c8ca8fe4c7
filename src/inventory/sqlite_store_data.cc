// SqliteStore's data path: write_batch (one transaction, resources upserted with the merge
// rules of merge.h), load (ordered snapshot) and import_snapshot.
//
// The upsert tries a plain INSERT first (the common case: a resource seen once) with its JSON
// serialized before the store's lock is taken; only on a key conflict is the stored row read,
// merged in memory and rewritten.
#include <string>
#include <vector>

#include "inventory/codec.h"
#include "inventory/merge.h"
#include "inventory/sqlite_store.h"

namespace rampart::inventory {

namespace {

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json parse_object(std::string_view text) {
  Json j = Json::parse(text, nullptr, false);
  return j.is_object() ? j : Json::object();
}

}  // namespace

struct SqliteStore::Encoded {
  std::string tags, document, unknown;
};

namespace {

SqliteStore::Encoded encode(const Resource& r) {
  SqliteStore::Encoded enc;
  enc.tags = dump(r.tags.is_object() ? r.tags : Json::object());
  enc.document = dump(r.document.is_object() ? r.document : Json::object());
  if (!r.unknown.is_object() || r.unknown.empty()) {
    enc.unknown = "{}";
    return enc;
  }
  Resource copy;  // an attribute known in the document is never stored as unknown
  copy.document = r.document;
  copy.unknown = r.unknown;
  drop_known_from_unknown(copy);
  enc.unknown = dump(copy.unknown);
  return enc;
}

}  // namespace

Result<void> SqliteStore::upsert(std::int64_t scan_id, const Resource& r, const Encoded& enc) {
  auto& ins = insert_resource_;
  ins.bind(1, scan_id);
  ins.bind(2, r.account);
  ins.bind(3, r.region);
  ins.bind(4, r.type);
  ins.bind(5, r.id);
  ins.bind(6, r.arn);
  ins.bind(7, r.name);
  ins.bind(8, enc.tags);
  ins.bind(9, enc.document);
  ins.bind(10, enc.unknown);
  if (auto res = ins.run(); !res) return res;
  if (sqlite3_changes(db_.get()) == 1) return {};

  // Already stored by an earlier call: merge.
  auto& sel = select_resource_;
  sel.bind(1, scan_id);
  sel.bind(2, r.type);
  sel.bind(3, r.region);
  sel.bind(4, r.id);
  auto row = sel.step();
  if (!row) {
    sel.reset();
    return row.error();
  }
  if (!*row) {
    sel.reset();
    return make_error(ErrorKind::Internal, "resource vanished during upsert: " + r.type + " " + r.id);
  }
  Resource merged;
  merged.account = sel.column_text(0);
  merged.arn = sel.column_text(1);
  merged.name = sel.column_text(2);
  merged.tags = parse_object(sel.column_view(3));
  merged.document = parse_object(sel.column_view(4));
  merged.unknown = parse_object(sel.column_view(5));
  sel.reset();
  merge_resource(merged, r);

  auto& upd = update_resource_;
  upd.bind(1, scan_id);
  upd.bind(2, r.type);
  upd.bind(3, r.region);
  upd.bind(4, r.id);
  upd.bind(5, merged.account);
  upd.bind(6, merged.arn);
  upd.bind(7, merged.name);
  upd.bind(8, dump(merged.tags));
  upd.bind(9, dump(merged.document));
  upd.bind(10, dump(merged.unknown));
  return upd.run();
}

Result<void> SqliteStore::insert_error(std::int64_t scan_id, const CollectionError& e) {
  auto& st = insert_error_;
  st.bind(1, scan_id);
  st.bind(2, e.account);
  st.bind(3, e.region);
  st.bind(4, e.service);
  st.bind(5, e.operation);
  st.bind(6, e.resource_type);
  st.bind(7, e.resource_id);
  st.bind(8, rampart::to_string(e.kind));
  st.bind(9, e.code);
  st.bind(10, e.message);
  return st.run();
}


// Caller holds mu_ and an open transaction (import_snapshot).
Result<void> SqliteStore::write_locked(std::int64_t scan_id, const Batch& batch) {
  std::vector<Encoded> encoded;
  encoded.reserve(batch.resources.size());
  for (const auto& r : batch.resources) encoded.push_back(encode(r));
  for (std::size_t i = 0; i < batch.resources.size(); ++i) {
    if (auto r = upsert(scan_id, batch.resources[i], encoded[i]); !r) return r;
  }
  for (const auto& e : batch.errors) {
    if (auto r = insert_error(scan_id, e); !r) return r;
  }
  return {};
}

Result<void> SqliteStore::write_batch(std::int64_t scan_id, const Batch& batch) {
  std::vector<Encoded> encoded;
  encoded.reserve(batch.resources.size());
  for (const auto& r : batch.resources) encoded.push_back(encode(r));

  std::lock_guard lock(mu_);
  std::string what = "write batch to scan " + std::to_string(scan_id);
  if (auto r = sql::exec(db_.get(), "BEGIN IMMEDIATE"); !r) return context(r.error(), what);
  for (std::size_t i = 0; i < batch.resources.size(); ++i) {
    if (auto r = upsert(scan_id, batch.resources[i], encoded[i]); !r) {
      return context(rollback(r.error()).error(), what);
    }
  }
  for (const auto& e : batch.errors) {
    if (auto r = insert_error(scan_id, e); !r) return context(rollback(r.error()).error(), what);
  }
  if (auto r = sql::exec(db_.get(), "COMMIT"); !r) return context(rollback(r.error()).error(), what);
  return {};
}

Result<std::int64_t> SqliteStore::import_snapshot(const Snapshot& snapshot) {
  std::lock_guard lock(mu_);
  if (auto r = sql::exec(db_.get(), "BEGIN IMMEDIATE"); !r) return context(r.error(), "import");
  // A snapshot saved while its scan ran has no writer here: it is incomplete.
  ScanStatus status = snapshot.scan.status == ScanStatus::Running ? ScanStatus::Incomplete
                                                                  : snapshot.scan.status;
  Json writer = {{"imported_from_scan", snapshot.scan.id}};
  auto id = insert_scan(snapshot.scan, status, writer);
  if (!id) return context(rollback(id.error()).error(), "import");
  Batch batch{snapshot.resources, snapshot.errors};
  if (auto r = write_locked(*id, batch); !r) return context(rollback(r.error()).error(), "import");
  if (auto r = sql::exec(db_.get(), "COMMIT"); !r) return context(rollback(r.error()).error(), "import");
  return *id;
}

Result<Snapshot> SqliteStore::load(std::int64_t scan_id) {
  std::lock_guard lock(mu_);
  Snapshot snap;
  auto scan = read_scan(scan_id);
  if (!scan) return scan.error();
  snap.scan = std::move(*scan);

  // One read transaction, so resources and errors are from the same state of the scan.
  if (auto r = sql::exec(db_.get(), "BEGIN"); !r) return context(r.error(), "load");
  auto res = sql::Statement::prepare(
      db_.get(),
      "SELECT account, region, type, id, arn, name, tags, document, unknown FROM resources"
      " WHERE scan = ?1 ORDER BY type, region, id");
  if (!res) return context(rollback(res.error()).error(), "load");
  res->bind(1, scan_id);
  for (;;) {
    auto row = res->step();
    if (!row) return context(rollback(row.error()).error(), "load");
    if (!*row) break;
    Resource r;
    r.account = res->column_text(0);
    r.region = res->column_text(1);
    r.type = res->column_text(2);
    r.id = res->column_text(3);
    r.arn = res->column_text(4);
    r.name = res->column_text(5);
    r.tags = parse_object(res->column_view(6));
    r.document = parse_object(res->column_view(7));
    r.unknown = parse_object(res->column_view(8));
    snap.resources.push_back(std::move(r));
  }
  auto err = sql::Statement::prepare(
      db_.get(),
      "SELECT account, region, service, operation, resource_type, resource_id, kind, code,"
      " message FROM collection_errors WHERE scan = ?1"
      " ORDER BY region, service, operation, resource_type, resource_id, rowid");
  if (!err) return context(rollback(err.error()).error(), "load");
  err->bind(1, scan_id);
  for (;;) {
    auto row = err->step();
    if (!row) return context(rollback(row.error()).error(), "load");
    if (!*row) break;
    CollectionError e;
    e.account = err->column_text(0);
    e.region = err->column_text(1);
    e.service = err->column_text(2);
    e.operation = err->column_text(3);
    e.resource_type = err->column_text(4);
    e.resource_id = err->column_text(5);
    e.kind = error_kind_from_string(err->column_view(6)).value_or(ErrorKind::Internal);
    e.code = err->column_text(7);
    e.message = err->column_text(8);
    snap.errors.push_back(std::move(e));
  }
  res->reset();
  err->reset();
  if (auto r = sql::exec(db_.get(), "COMMIT"); !r) return context(rollback(r.error()).error(), "load");
  return snap;
}

}  // namespace rampart::inventory
