// The EC2 / VPC collector (Regional): the region itself with its opt-in status, then the
// network, compute and storage families (ec2_network.cc, ec2_compute.cc, ec2_storage.cc).
// Also the list helpers those files share.
#include <utility>

#include "collect/ec2_internal.h"

namespace rampart::collect {

namespace ec2 {

std::string ec2_arn(const CollectTask& task, std::string_view kind, std::string_view id,
                    bool with_account) {
  std::string arn = "arn:" + task.partition() + ":ec2:" + task.region() + ":";
  if (with_account) arn += task.account();
  arn += ":";
  arn += kind;
  arn += "/";
  arn += id;
  return arn;
}

inventory::Resource make_resource(const CollectTask& task, const ListSpec& spec, const Json& item) {
  inventory::Resource r;
  r.account = task.account();
  r.region = task.region();
  r.type = std::string(spec.type);
  if (auto it = item.find(std::string(spec.id_member)); it != item.end() && it->is_string()) {
    r.id = it->get<std::string>();
  }
  const Json* own_arn = nullptr;
  if (!spec.arn_member.empty()) {
    if (auto it = item.find(std::string(spec.arn_member)); it != item.end() && it->is_string()) {
      own_arn = &*it;
    }
  }
  r.arn = own_arn != nullptr ? own_arn->get<std::string>()
                             : ec2_arn(task, spec.arn_kind, r.id, spec.arn_has_account);
  if (auto it = item.find("Tags"); it != item.end()) r.tags = tags_from_list(*it);
  r.name = name_tag(r.tags);
  r.document = item;
  return r;
}

std::optional<std::vector<inventory::Resource>> list_resources(CollectTask& task,
                                                               const ListSpec& spec,
                                                               const Json& params) {
  auto response = task.list("ec2", spec.operation, params, spec.type);
  if (!response) return std::nullopt;
  std::vector<inventory::Resource> out;
  auto it = response->find(std::string(spec.member));
  if (it == response->end() || !it->is_array()) return out;
  for (const Json& item : *it) {
    if (!item.is_object()) continue;
    inventory::Resource r = make_resource(task, spec, item);
    if (r.id.empty()) continue;
    out.push_back(std::move(r));
  }
  return out;
}

void emit_all(CollectTask& task, std::vector<inventory::Resource> resources) {
  for (auto& r : resources) task.emit(std::move(r));
}

}  // namespace ec2

namespace {

// DescribeRegions with AllRegions lists every region with its OptInStatus; this task keeps the
// entry of its own region (each region's task emits its own `ec2:region`).
void collect_region(CollectTask& task) {
  auto response = task.list("ec2", "DescribeRegions", Json{{"AllRegions", true}}, "ec2:region");
  if (!response) return;
  auto regions = response->find("Regions");
  if (regions == response->end() || !regions->is_array()) return;
  for (const Json& entry : *regions) {
    if (entry.value("RegionName", "") != task.region()) continue;
    inventory::Resource r;
    r.account = task.account();
    r.region = task.region();
    r.type = "ec2:region";
    r.id = task.region();
    r.name = task.region();
    r.document = entry;
    task.emit(std::move(r));
    return;
  }
}

void collect_ec2(CollectTask& task) {
  collect_region(task);
  ec2::collect_network(task);
  ec2::collect_compute(task);
  ec2::collect_storage(task);
}

}  // namespace

extern const CollectorSpec kCollector_ec2;
const CollectorSpec kCollector_ec2{"ec2", Scope::Regional, &collect_ec2};

}  // namespace rampart::collect
