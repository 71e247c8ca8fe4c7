// RDS per region: DB instances and clusters (their Describe* entries already carry public
// access, encryption + KMS key, multi-AZ, backup retention, deletion protection, IAM auth, auto
// minor upgrade, engine + version, subnet group and VpcSecurityGroups), DB subnet groups,
// parameter groups (rds_parameters.cc) and snapshots (rds_snapshots.cc).
#include "collect/rds_internal.h"

namespace rampart::collect {

namespace rds {

inventory::Resource make_resource(const CollectTask& task, std::string_view type,
                                  const Json& entry, std::string_view id_key,
                                  std::string_view arn_key) {
  inventory::Resource r;
  r.account = task.account();
  r.region = task.region();
  r.type = std::string(type);
  r.id = entry.value(std::string(id_key), "");
  r.arn = entry.value(std::string(arn_key), "");
  r.name = r.id;
  r.document = entry;
  r.tags = tags_from_list(entry.value("TagList", Json::array()));
  return r;
}

}  // namespace rds

namespace {

struct SimpleList {
  std::string_view operation;
  std::string_view list_key;
  std::string_view type;
  std::string_view id_key;
  std::string_view arn_key;
};

constexpr SimpleList kLists[] = {
    {"DescribeDBInstances", "DBInstances", "rds:db-instance", "DBInstanceIdentifier",
     "DBInstanceArn"},
    {"DescribeDBClusters", "DBClusters", "rds:db-cluster", "DBClusterIdentifier", "DBClusterArn"},
    {"DescribeDBSubnetGroups", "DBSubnetGroups", "rds:db-subnet-group", "DBSubnetGroupName",
     "DBSubnetGroupArn"},
};

void collect_list(CollectTask& task, const SimpleList& what) {
  auto response = task.list("rds", what.operation, Json::object(), what.type);
  if (!response) return;
  for (const Json& entry : response->value(std::string(what.list_key), Json::array())) {
    if (!entry.is_object() || !entry.contains(std::string(what.id_key))) continue;
    task.emit(rds::make_resource(task, what.type, entry, what.id_key, what.arn_key));
  }
}

void collect_rds(CollectTask& task) {
  // The lists run in turn here; the per-resource calls behind them fan out (never a spawn
  // inside spawned work).
  for (const SimpleList& what : kLists) collect_list(task, what);
  rds::collect_parameter_groups(task);
  rds::collect_snapshots(task);
}

}  // namespace

extern const CollectorSpec kCollector_rds{"rds", Scope::Regional, collect_rds};

}  // namespace rampart::collect
