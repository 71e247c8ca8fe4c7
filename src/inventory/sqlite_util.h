// A thin RAII layer over the SQLite C API for the store: a connection, prepared statements with
// typed binds/reads, and SQLite result codes turned into rampart Errors. Internal to
// src/inventory (the store is the only SQLite user).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "aws/core/result.h"

namespace rampart::inventory::sql {

// Error for a failed SQLite call: kind from the result code (busy/locked -> Timeout,
// corrupt/not a database -> Parse, others -> Internal), message "<context>: <sqlite message>".
Error error(sqlite3* db, int rc, std::string_view context);

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Statement& operator=(Statement&& o) noexcept;
  ~Statement() { sqlite3_finalize(stmt_); }

  static Result<Statement> prepare(sqlite3* db, std::string_view sql);

  // Binds are 1-based as in SQLite. Text is copied (SQLITE_TRANSIENT).
  void bind(int index, std::string_view text);
  void bind(int index, std::int64_t value);
  void bind_null(int index);

  // SQLITE_ROW -> true, SQLITE_DONE -> false, anything else an Error.
  Result<bool> step();
  // Runs to completion (for statements returning no rows).
  Result<void> run();
  void reset();  // reset + clear bindings, ready for reuse

  std::int64_t column_int(int index) const;
  std::string column_text(int index) const;
  std::string_view column_view(int index) const;  // valid until the next step/reset
  bool column_is_null(int index) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs one or more statements without results ("PRAGMA ...; CREATE ...").
Result<void> exec(sqlite3* db, std::string_view sql);

}  // namespace rampart::inventory::sql
