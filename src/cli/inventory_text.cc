// Renders inventory_summary()'s JSON the way seed 002's "Infrastructure Summary" reads:
// headed sections per service with totals, instance types and states, RDS instances with their
// engines; then every (type, region) count and the collection errors that limit them.
#include "cli/inventory_text.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace rampart::cli {

namespace {

std::int64_t num(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

// {"t3.micro": 2, "t3.small": 1} -> "t3.micro (2), t3.small (1)"
std::string count_list(const Json& counts) {
  if (!counts.is_object() || counts.empty()) return "none";
  std::string out;
  for (const auto& [k, v] : counts.items()) {
    out += (out.empty() ? "" : ", ") + k + " (" + std::to_string(v.get<std::int64_t>()) + ")";
  }
  return out;
}

const Json& at(const Json& j, const char* key) {
  static const Json kEmpty = Json::object();
  auto it = j.find(key);
  return it == j.end() ? kEmpty : *it;
}

}  // namespace

std::string render_inventory_text(const Json& summary) {
  std::ostringstream out;
  const Json& scan = at(summary, "scan");
  out << "# Inventory\n\n";
  out << "- **Account ID:** " << scan.value("account", "") << "\n";
  out << "- **Scan:** " << scan.value("id", std::int64_t{0}) << " (" << scan.value("status", "")
      << ", started " << scan.value("started", "") << ")\n";
  std::string regions;
  for (const Json& r : at(scan, "regions")) regions += (regions.empty() ? "" : ", ") + r.get<std::string>();
  out << "- **Regions:** " << (regions.empty() ? "none" : regions) << "\n";
  out << "- **Resources:** " << num(summary, "resources") << "\n\n";

  out << "## Infrastructure Summary\n\n";
  const Json& ec2 = at(summary, "ec2_instances");
  out << "### EC2 Instances\n\n";
  out << "- **Total Instances:** " << num(ec2, "total") << " instances\n";
  out << "- **Instance Types:** " << count_list(at(ec2, "by_instance_type")) << "\n";
  out << "- **States:** " << count_list(at(ec2, "by_state")) << "\n";
  out << "- **Regions:** " << count_list(at(ec2, "by_region")) << "\n\n";

  const Json& s3 = at(summary, "s3_buckets");
  out << "### S3 Buckets\n\n";
  out << "- **Total Buckets:** " << num(s3, "total") << "\n";
  out << "- **Regions:** " << count_list(at(s3, "by_region")) << "\n\n";

  const Json& rds = at(summary, "rds");
  out << "### RDS Databases\n\n";
  out << "- **DB Instances:** " << num(rds, "db_instances") << ", **DB Clusters:** "
      << num(rds, "db_clusters") << "\n";
  int n = 0;
  for (const Json& i : at(rds, "instances")) {
    out << ++n << ". **" << i.value("id", "") << "** - " << i.value("engine", "") << " "
        << i.value("engine_version", "") << " - " << i.value("status", "") << " ("
        << i.value("region", "") << ")\n";
  }
  std::string engines;
  for (const Json& e : at(rds, "engines")) {
    engines += (engines.empty() ? "" : ", ") + e.value("engine", "") + " " +
               e.value("engine_version", "") + " (" + std::to_string(num(e, "count")) + ")";
  }
  out << "- **Engines:** " << (engines.empty() ? "none" : engines) << "\n\n";

  const Json& cfn = at(summary, "cloudformation_stacks");
  out << "### CloudFormation Stacks\n\n";
  out << "- **Total Stacks:** " << num(cfn, "total") << "\n";
  out << "- **Status:** " << count_list(at(cfn, "by_status")) << "\n\n";

  const Json& iam = at(summary, "iam");
  out << "## Access Control\n\n";
  out << "- **IAM Users:** " << num(iam, "users") << "\n";
  out << "- **IAM Groups:** " << num(iam, "groups") << "\n";
  out << "- **IAM Roles:** " << num(iam, "roles") << "\n";
  out << "- **IAM Policies:** " << num(iam, "policies") << "\n";
  out << "- **Security Groups:** " << num(summary, "security_groups") << "\n\n";

  out << "## Resources by type and region\n\n";
  std::size_t width = 4;
  for (const Json& row : at(summary, "by_type_region")) width = std::max(width, row.value("type", "").size());
  char line[512];
  std::snprintf(line, sizeof line, "%-*s  %-16s  %s\n", static_cast<int>(width), "TYPE", "REGION", "COUNT");
  out << line;
  for (const Json& row : at(summary, "by_type_region")) {
    std::snprintf(line, sizeof line, "%-*s  %-16s  %lld\n", static_cast<int>(width),
                  row.value("type", "").c_str(), row.value("region", "").c_str(),
                  static_cast<long long>(num(row, "count")));
    out << line;
  }

  const Json& errors = at(summary, "collection_errors");
  out << "\n## Collection errors\n\n";
  out << "- **Total:** " << num(errors, "total");
  if (num(errors, "total") > 0) out << " (the attributes these calls feed are unknown, not absent)";
  out << "\n";
  for (const Json& e : at(errors, "by_operation")) {
    out << "- " << e.value("service", "") << " " << e.value("operation", "") << ": " << num(e, "count")
        << "\n";
  }
  return out.str();
}

std::string render_inventory_json_lines(const Json& summary) {
  std::string out;
  for (const Json& row : at(summary, "by_type_region")) {
    out += Json{{"type", row.value("type", "")},
                {"region", row.value("region", "")},
                {"count", num(row, "count")}}
               .dump() +
           "\n";
  }
  return out;
}

std::string render_scans_table(const std::vector<ScanRow>& rows) {
  std::ostringstream out;
  char line[512];
  std::snprintf(line, sizeof line, "%-5s  %-12s  %-20s  %-20s  %-10s  %9s  %6s\n", "ID", "ACCOUNT",
                "STARTED", "FINISHED", "STATUS", "RESOURCES", "ERRORS");
  out << line;
  for (const ScanRow& r : rows) {
    auto count = [](std::int64_t n) { return n < 0 ? std::string("?") : std::to_string(n); };
    std::snprintf(line, sizeof line, "%-5lld  %-12s  %-20s  %-20s  %-10s  %9s  %6s\n",
                  static_cast<long long>(r.info.id), r.info.account.c_str(), r.info.started.c_str(),
                  r.info.finished.empty() ? "-" : r.info.finished.c_str(),
                  std::string(inventory::to_string(r.info.status)).c_str(), count(r.resources).c_str(),
                  count(r.errors).c_str());
    out << line;
  }
  return out.str();
}

}  // namespace rampart::cli
