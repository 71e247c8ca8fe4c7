// inventory_summary: the seed-002-style infrastructure summary of one scan as JSON — counts per
// (type, region) and per service, EC2 instances by type / state / region, RDS instances and
// engines, buckets per region, IAM principals, CloudFormation stacks by status, and the
// collection errors per (service, operation) that say what the counts may be missing.
// Fields are read through AWS's member names (InstanceType, State.Name, Engine, ...).
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "inventory/attribute.h"
#include "inventory/codec.h"
#include "inventory/store.h"

namespace rampart::inventory {

namespace {

std::string text_at(const Resource& r, std::string_view path, std::string_view fallback) {
  AttributeRead a = read_attribute(r, path);
  if (a.known() && a.value->is_string()) return a.value->get<std::string>();
  return std::string(fallback);
}

Json counts(const std::map<std::string, std::int64_t>& m) {
  Json out = Json::object();
  for (const auto& [k, v] : m) out[k] = v;
  return out;
}

}  // namespace

Json inventory_summary(const Snapshot& snapshot) {
  std::map<std::pair<std::string, std::string>, std::int64_t> by_type_region;
  std::map<std::string, std::int64_t> by_service, by_type;
  std::map<std::string, std::int64_t> ec2_by_type, ec2_by_state, ec2_by_region;
  std::map<std::tuple<std::string, std::string>, std::int64_t> rds_engines;
  std::map<std::string, std::int64_t> rds_by_status, buckets_by_region, stacks_by_status;
  Json rds_instances = Json::array();

  for (const auto& r : snapshot.resources) {
    ++by_type_region[{r.type, r.region}];
    ++by_type[r.type];
    ++by_service[r.type.substr(0, r.type.find(':'))];
    if (r.type == "ec2:instance") {
      ++ec2_by_type[text_at(r, "InstanceType", "unknown")];
      ++ec2_by_state[text_at(r, "State.Name", "unknown")];
      ++ec2_by_region[r.region];
    } else if (r.type == "rds:db-instance") {
      std::string engine = text_at(r, "Engine", "unknown");
      std::string version = text_at(r, "EngineVersion", "unknown");
      std::string status = text_at(r, "DBInstanceStatus", "unknown");
      ++rds_engines[{engine, version}];
      ++rds_by_status[status];
      rds_instances.push_back({{"id", r.id}, {"region", r.region}, {"engine", engine},
                               {"engine_version", version}, {"status", status}});
    } else if (r.type == "s3:bucket") {
      ++buckets_by_region[r.region];
    } else if (r.type == "cloudformation:stack") {
      ++stacks_by_status[text_at(r, "StackStatus", "unknown")];
    }
  }

  Json type_region = Json::array();
  for (const auto& [key, n] : by_type_region) {
    type_region.push_back({{"type", key.first}, {"region", key.second}, {"count", n}});
  }
  Json engines = Json::array();
  for (const auto& [key, n] : rds_engines) {
    engines.push_back(
        {{"engine", std::get<0>(key)}, {"engine_version", std::get<1>(key)}, {"count", n}});
  }
  std::map<std::pair<std::string, std::string>, std::int64_t> errors_by_op;
  for (const auto& e : snapshot.errors) ++errors_by_op[{e.service, e.operation}];
  Json error_ops = Json::array();
  for (const auto& [key, n] : errors_by_op) {
    error_ops.push_back({{"service", key.first}, {"operation", key.second}, {"count", n}});
  }
  auto count_of = [&](const char* type) {
    auto it = by_type.find(type);
    return it == by_type.end() ? std::int64_t{0} : it->second;
  };

  return Json{
      {"scan", to_json(snapshot.scan)},
      {"resources", static_cast<std::int64_t>(snapshot.resources.size())},
      {"by_type_region", std::move(type_region)},
      {"by_type", counts(by_type)},
      {"by_service", counts(by_service)},
      {"ec2_instances",
       {{"total", count_of("ec2:instance")},
        {"by_instance_type", counts(ec2_by_type)},
        {"by_state", counts(ec2_by_state)},
        {"by_region", counts(ec2_by_region)}}},
      {"rds",
       {{"db_instances", count_of("rds:db-instance")},
        {"db_clusters", count_of("rds:db-cluster")},
        {"engines", std::move(engines)},
        {"by_status", counts(rds_by_status)},
        {"instances", std::move(rds_instances)}}},
      {"s3_buckets", {{"total", count_of("s3:bucket")}, {"by_region", counts(buckets_by_region)}}},
      {"iam",
       {{"users", count_of("iam:user")},
        {"roles", count_of("iam:role")},
        {"groups", count_of("iam:group")},
        {"policies", count_of("iam:policy")}}},
      {"security_groups", count_of("ec2:security-group")},
      {"cloudformation_stacks",
       {{"total", count_of("cloudformation:stack")}, {"by_status", counts(stacks_by_status)}}},
      {"collection_errors",
       {{"total", static_cast<std::int64_t>(snapshot.errors.size())},
        {"by_operation", std::move(error_ops)}}},
  };
}

}  // namespace rampart::inventory
