// RDS DB snapshots and DB cluster snapshots the account owns (`rds:db-snapshot`,
// `rds:db-cluster-snapshot`): manual and automated (DescribeDB[Cluster]Snapshots without
// SnapshotType returns both; shared and public snapshots of other accounts are not listed).
// Each gets its restore attribute from DescribeDB[Cluster]SnapshotAttributes as
// `RestoreAccounts` (account ids it is shared with; "all" = public) — an empty list means
// shared with nobody. Encryption and the KMS key are in the list entry.
#include <array>

#include "collect/rds_internal.h"

namespace rampart::collect::rds {

namespace {

struct SnapshotKind {
  std::string_view list_operation;
  std::string_view list_key;
  std::string_view type;
  std::string_view id_key;
  std::string_view arn_key;
  std::string_view attributes_operation;
  std::string_view result_key;      // DBSnapshotAttributesResult
  std::string_view attributes_key;  // DBSnapshotAttributes
};

constexpr std::array kSnapshotKinds = {
    SnapshotKind{"DescribeDBSnapshots", "DBSnapshots", "rds:db-snapshot", "DBSnapshotIdentifier",
                 "DBSnapshotArn", "DescribeDBSnapshotAttributes", "DBSnapshotAttributesResult",
                 "DBSnapshotAttributes"},
    SnapshotKind{"DescribeDBClusterSnapshots", "DBClusterSnapshots", "rds:db-cluster-snapshot",
                 "DBClusterSnapshotIdentifier", "DBClusterSnapshotArn",
                 "DescribeDBClusterSnapshotAttributes", "DBClusterSnapshotAttributesResult",
                 "DBClusterSnapshotAttributes"},
};

// The "restore" attribute's values; [] when the attribute is not listed.
Json restore_accounts(const Json& response, const SnapshotKind& kind) {
  Json accounts = Json::array();
  const Json result = response.value(std::string(kind.result_key), Json::object());
  for (const Json& a : result.value(std::string(kind.attributes_key), Json::array())) {
    if (!a.is_object() || a.value("AttributeName", "") != "restore") continue;
    for (const Json& v : a.value("AttributeValues", Json::array())) accounts.push_back(v);
  }
  return accounts;
}

void collect_snapshot(CollectTask& task, const SnapshotKind& kind, const Json& entry) {
  inventory::Resource snapshot = make_resource(task, kind.type, entry, kind.id_key, kind.arn_key);
  if (auto attributes = task.describe(snapshot, "rds", kind.attributes_operation,
                                      {{std::string(kind.id_key), snapshot.id}},
                                      "RestoreAccounts")) {
    snapshot.document["RestoreAccounts"] = restore_accounts(*attributes, kind);
  }
  task.emit(std::move(snapshot));
}

}  // namespace

void collect_snapshots(CollectTask& task) {
  for (const SnapshotKind& kind : kSnapshotKinds) {
    auto snapshots = task.list("rds", kind.list_operation, Json::object(), kind.type);
    if (!snapshots) continue;
    for (const Json& entry : snapshots->value(std::string(kind.list_key), Json::array())) {
      if (!entry.is_object() || !entry.contains(std::string(kind.id_key))) continue;
      task.spawn([&task, &kind, entry] { collect_snapshot(task, kind, entry); });
    }
  }
}

}  // namespace rampart::collect::rds
