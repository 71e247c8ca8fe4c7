// Schema migrations. Step N turns a version N-1 database into version N; to change the schema,
// append a step (never edit a released one) and bump kSchemaVersion.
//
// Indexes follow the lookups: the unique key (scan, type, region, id) serves the upsert, the
// checks' "all resources of a type in a scan" and load()'s order (type, region, id); ARN lookups
// (policies naming resources) have their own index.
#include "inventory/schema.h"

#include <array>
#include <string>

#include "inventory/sqlite_util.h"

namespace rampart::inventory {

namespace {

constexpr std::array<const char*, kSchemaVersion> kSteps = {
    // 1: initial schema
    R"sql(
CREATE TABLE scans (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  account         TEXT NOT NULL,
  started         TEXT NOT NULL,
  finished        TEXT NOT NULL DEFAULT '',
  rampart_version TEXT NOT NULL DEFAULT '',
  regions         TEXT NOT NULL DEFAULT '[]',   -- JSON array
  options         TEXT NOT NULL DEFAULT '{}',   -- JSON object
  status          TEXT NOT NULL CHECK (status IN ('running', 'complete', 'incomplete')),
  writer          TEXT NOT NULL DEFAULT '{}'    -- JSON {pid, host}: who wrote it (diagnostics)
);
CREATE TABLE resources (
  scan     INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  account  TEXT NOT NULL,
  region   TEXT NOT NULL,
  type     TEXT NOT NULL,
  id       TEXT NOT NULL,
  arn      TEXT NOT NULL DEFAULT '',
  name     TEXT NOT NULL DEFAULT '',
  tags     TEXT NOT NULL DEFAULT '{}',
  document TEXT NOT NULL DEFAULT '{}',
  unknown  TEXT NOT NULL DEFAULT '{}',
  UNIQUE (scan, type, region, id)
);
CREATE INDEX resources_by_arn ON resources(arn) WHERE arn <> '';
CREATE TABLE collection_errors (
  scan          INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  account       TEXT NOT NULL,
  region        TEXT NOT NULL,
  service       TEXT NOT NULL,
  operation     TEXT NOT NULL,
  resource_type TEXT NOT NULL DEFAULT '',
  resource_id   TEXT NOT NULL DEFAULT '',
  kind          TEXT NOT NULL,
  code          TEXT NOT NULL DEFAULT '',
  message       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX collection_errors_by_scan ON collection_errors(scan, service, operation);
)sql",
};

Result<int> user_version(sqlite3* db) {
  auto st = sql::Statement::prepare(db, "PRAGMA user_version");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  return static_cast<int>(*row ? st->column_int(0) : 0);
}

}  // namespace

Result<void> migrate(sqlite3* db) {
  for (;;) {
    // Each step re-reads the version inside its write transaction, so two processes opening a
    // new file at once do not both run a step.
    if (auto r = sql::exec(db, "BEGIN IMMEDIATE"); !r) return r;
    auto version = user_version(db);
    if (!version) {
      (void)sql::exec(db, "ROLLBACK");
      return version.error();
    }
    if (*version > kSchemaVersion) {
      (void)sql::exec(db, "ROLLBACK");
      return make_error(ErrorKind::Internal,
                        "store schema version " + std::to_string(*version) +
                            " is newer than this rampart understands (" +
                            std::to_string(kSchemaVersion) + ")",
                        "SchemaTooNew");
    }
    if (*version == kSchemaVersion) return sql::exec(db, "COMMIT");
    auto step = sql::exec(db, kSteps[static_cast<std::size_t>(*version)]);
    if (step) {
      step = sql::exec(db, "PRAGMA user_version = " + std::to_string(*version + 1));
    }
    if (!step) {
      (void)sql::exec(db, "ROLLBACK");
      return step;
    }
    if (auto r = sql::exec(db, "COMMIT"); !r) return r;
  }
}

}  // namespace rampart::inventory
