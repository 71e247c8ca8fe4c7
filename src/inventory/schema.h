// The store's schema and its migrations, versioned by SQLite's PRAGMA user_version.
#pragma once

#include <sqlite3.h>

#include "aws/core/result.h"

namespace rampart::inventory {

inline constexpr int kSchemaVersion = 1;

// Brings the database from its user_version up to kSchemaVersion, one transaction per step.
// A database written by a newer rampart (user_version > kSchemaVersion) is an error.
Result<void> migrate(sqlite3* db);

}  // namespace rampart::inventory
