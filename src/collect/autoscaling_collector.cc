// The Auto Scaling collector (Regional): one `autoscaling:group` per group, its document the
// DescribeAutoScalingGroups entry (launch template / configuration, subnets, load balancers,
// target groups, health checks); tags come with the describe output.
#include <utility>

#include "collect/collector.h"

namespace rampart::collect {

namespace {

void collect_autoscaling(CollectTask& task) {
  auto response =
      task.list("autoscaling", "DescribeAutoScalingGroups", Json::object(), "autoscaling:group");
  if (!response) return;
  auto groups = response->find("AutoScalingGroups");
  if (groups == response->end() || !groups->is_array()) return;
  for (const Json& item : *groups) {
    inventory::Resource r;
    r.account = task.account();
    r.region = task.region();
    r.type = "autoscaling:group";
    r.id = item.value("AutoScalingGroupName", "");
    if (r.id.empty()) continue;
    r.arn = item.value("AutoScalingGroupARN", "");
    r.name = r.id;
    if (auto tags = item.find("Tags"); tags != item.end()) r.tags = tags_from_list(*tags);
    r.document = item;
    task.emit(std::move(r));
  }
}

}  // namespace

extern const CollectorSpec kCollector_autoscaling;
const CollectorSpec kCollector_autoscaling{"autoscaling", Scope::Regional, &collect_autoscaling};

}  // namespace rampart::collect
