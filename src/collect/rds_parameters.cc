// RDS DB and DB cluster parameter groups (`rds:db-parameter-group`,
// `rds:db-cluster-parameter-group`). Every page of DescribeDBParameters /
// DescribeDBClusterParameters is read (no Source filter: a default value such as rds.force_ssl=0
// matters as much as a user-set one), and the document keeps `Parameters`: name ->
// {ParameterValue, Source, ApplyType} for the parameters the checks read (TLS enforcement and
// logging/audit settings, below) plus every parameter the user changed (Source "user").
// An unset value (no ParameterValue) is null.
#include <array>

#include "collect/rds_internal.h"
#include "collect/response_util.h"

namespace rampart::collect::rds {

namespace {

constexpr std::array<std::string_view, 28> kParametersThatMatter = {
    // TLS enforcement (PostgreSQL, MySQL/MariaDB, SQL Server, Oracle)
    "rds.force_ssl", "require_secure_transport", "ssl", "ssl_min_protocol_version", "tls_version",
    "rds.tls_version", "password_encryption",
    // PostgreSQL logging and auditing
    "log_connections", "log_disconnections", "log_statement", "log_min_duration_statement",
    "log_min_error_statement", "log_error_verbosity", "log_hostname", "pgaudit.log", "pgaudit.role",
    "shared_preload_libraries", "rds.log_retention_period",
    // MySQL / MariaDB logging and auditing
    "general_log", "slow_query_log", "log_output", "long_query_time", "server_audit_logging",
    "server_audit_events", "log_bin_trust_function_creators",
    // Oracle / SQL Server
    "audit_trail", "audit_sys_operations", "rds.sqlserver_audit",
};

bool matters(const Json& parameter) {
  const std::string name = parameter.value("ParameterName", "");
  if (parameter.value("Source", "") == "user") return true;
  for (std::string_view m : kParametersThatMatter) {
    if (name == m) return true;
  }
  return false;
}

struct GroupKind {
  std::string_view list_operation;
  std::string_view list_key;
  std::string_view type;
  std::string_view id_key;
  std::string_view arn_key;
  std::string_view parameters_operation;
};

constexpr std::array kGroupKinds = {
    GroupKind{"DescribeDBParameterGroups", "DBParameterGroups", "rds:db-parameter-group",
              "DBParameterGroupName", "DBParameterGroupArn", "DescribeDBParameters"},
    GroupKind{"DescribeDBClusterParameterGroups", "DBClusterParameterGroups",
              "rds:db-cluster-parameter-group", "DBClusterParameterGroupName",
              "DBClusterParameterGroupArn", "DescribeDBClusterParameters"},
};

void collect_group(CollectTask& task, const GroupKind& kind, const Json& entry) {
  inventory::Resource group = make_resource(task, kind.type, entry, kind.id_key, kind.arn_key);
  auto parameters = describe_all_pages(task, group, "rds", kind.parameters_operation,
                                       {{std::string(kind.id_key), group.id}}, "Parameters",
                                       {"Parameters", "Marker", "Marker"});
  if (parameters) {
    Json kept = Json::object();
    for (const Json& p : parameters->value("Parameters", Json::array())) {
      if (!p.is_object() || !p.contains("ParameterName") || !matters(p)) continue;
      kept[p.value("ParameterName", "")] = {{"ParameterValue", member_or_null(p, "ParameterValue")},
                                            {"Source", member_or_null(p, "Source")},
                                            {"ApplyType", member_or_null(p, "ApplyType")}};
    }
    group.document["Parameters"] = std::move(kept);
  }
  task.emit(std::move(group));
}

}  // namespace

void collect_parameter_groups(CollectTask& task) {
  for (const GroupKind& kind : kGroupKinds) {
    auto groups = task.list("rds", kind.list_operation, Json::object(), kind.type);
    if (!groups) continue;
    for (const Json& entry : groups->value(std::string(kind.list_key), Json::array())) {
      if (!entry.is_object() || !entry.contains(std::string(kind.id_key))) continue;
      task.spawn([&task, &kind, entry] { collect_group(task, kind, entry); });
    }
  }
}

}  // namespace rampart::collect::rds
