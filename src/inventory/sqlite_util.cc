// RAII helpers over SQLite's C API (see sqlite_util.h).
#include "inventory/sqlite_util.h"

#include <string>

namespace rampart::inventory::sql {

Error error(sqlite3* db, int rc, std::string_view context) {
  ErrorKind kind = ErrorKind::Internal;
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: kind = ErrorKind::Timeout; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: kind = ErrorKind::Parse; break;
    default: break;
  }
  std::string message(context);
  message += ": ";
  // sqlite3_errmsg describes the connection's last error, which is rc's when db is set.
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return make_error(kind, std::move(message), "SQLITE_" + std::to_string(rc));
}

Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(stmt_);
    db_ = o.db_;
    stmt_ = o.stmt_;
    o.stmt_ = nullptr;
  }
  return *this;
}

Result<Statement> Statement::prepare(sqlite3* db, std::string_view sql) {
  Statement s;
  s.db_ = db;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &s.stmt_, nullptr);
  if (rc != SQLITE_OK) return error(db, rc, "prepare \"" + std::string(sql.substr(0, 60)) + "\"");
  return s;
}

void Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }

void Statement::bind_null(int index) { sqlite3_bind_null(stmt_, index); }

Result<bool> Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return error(db_, rc, "step \"" + std::string(sqlite3_sql(stmt_)).substr(0, 60) + "\"");
}

Result<void> Statement::run() {
  for (;;) {
    auto r = step();
    if (!r) {
      Error e = r.error();
      reset();
      return e;
    }
    if (!*r) break;
  }
  reset();
  return {};
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }

std::string_view Statement::column_view(int index) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  if (p == nullptr) return {};
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index))};
}

std::string Statement::column_text(int index) const { return std::string(column_view(index)); }

bool Statement::column_is_null(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

Result<void> exec(sqlite3* db, std::string_view sql) {
  std::string text(sql);
  char* msg = nullptr;
  int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, &msg);
  if (rc == SQLITE_OK) return {};
  std::string message = msg != nullptr ? msg : sqlite3_errstr(rc);
  sqlite3_free(msg);
  ErrorKind kind = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED ? ErrorKind::Timeout
                   : (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB
                       ? ErrorKind::Parse
                       : ErrorKind::Internal;
  return make_error(kind, "\"" + text.substr(0, 60) + "\": " + message,
                    "SQLITE_" + std::to_string(rc));
}

}  // namespace rampart::inventory::sql
