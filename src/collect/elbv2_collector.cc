// The ELBv2 collector (Regional): application / network / gateway load balancers, each with its
// attributes (DescribeLoadBalancerAttributes -> `Attributes`, [{Key, Value}]: access logs,
// deletion protection, drop_invalid_header_fields, ...), its tags, and its listeners
// (DescribeListeners -> `Listeners` in the load balancer's document, and one `elbv2:listener`
// per listener: protocol, port, SslPolicy, certificates, default actions incl. redirects);
// target groups with their tags. Load balancers and target groups are identified by name
// (unique per account and region), listeners by ARN (they have no other id).
#include <utility>

#include "collect/collector.h"

namespace rampart::collect {

namespace {

inventory::Resource make(const CollectTask& task, std::string type, const Json& item,
                         const char* name_member, const char* arn_member) {
  inventory::Resource r;
  r.account = task.account();
  r.region = task.region();
  r.type = std::move(type);
  r.id = item.value(name_member, "");
  r.arn = item.value(arn_member, "");
  r.name = r.id;
  r.document = item;
  return r;
}

// DescribeTags for one ARN -> document `Tags` and the resource's tags.
void read_tags(CollectTask& task, inventory::Resource& r) {
  Json params{{"ResourceArns", Json::array({r.arn})}};
  auto response = task.describe(r, "elbv2", "DescribeTags", params, "Tags");
  if (!response) return;
  Json list = Json::array();
  for (const Json& d : response->value("TagDescriptions", Json::array())) {
    if (d.value("ResourceArn", "") == r.arn) list = d.value("Tags", Json::array());
  }
  r.tags = tags_from_list(list);
  r.document["Tags"] = std::move(list);
}

void read_listeners(CollectTask& task, inventory::Resource& lb) {
  auto response = task.describe(lb, "elbv2", "DescribeListeners", Json{{"LoadBalancerArn", lb.arn}},
                                "Listeners");
  if (!response) return;
  Json listeners = response->value("Listeners", Json::array());
  for (const Json& item : listeners) {
    inventory::Resource l = make(task, "elbv2:listener", item, "ListenerArn", "ListenerArn");
    if (l.id.empty()) continue;
    l.name = lb.id + ":" + std::to_string(item.value("Port", 0));
    task.emit(std::move(l));
  }
  lb.document["Listeners"] = std::move(listeners);
}

void describe_load_balancer(CollectTask& task, inventory::Resource& lb) {
  if (auto attrs = task.describe(lb, "elbv2", "DescribeLoadBalancerAttributes",
                                 Json{{"LoadBalancerArn", lb.arn}}, "Attributes")) {
    lb.document["Attributes"] = attrs->value("Attributes", Json::array());
  }
  read_listeners(task, lb);
  read_tags(task, lb);
}

void collect_load_balancers(CollectTask& task) {
  auto response =
      task.list("elbv2", "DescribeLoadBalancers", Json::object(), "elbv2:load-balancer");
  if (!response) return;
  for (const Json& item : response->value("LoadBalancers", Json::array())) {
    inventory::Resource r =
        make(task, "elbv2:load-balancer", item, "LoadBalancerName", "LoadBalancerArn");
    if (r.id.empty() || r.arn.empty()) continue;
    task.spawn([&task, r = std::move(r)]() mutable {
      describe_load_balancer(task, r);
      task.emit(std::move(r));
    });
  }
}

void collect_target_groups(CollectTask& task) {
  auto response = task.list("elbv2", "DescribeTargetGroups", Json::object(), "elbv2:target-group");
  if (!response) return;
  for (const Json& item : response->value("TargetGroups", Json::array())) {
    inventory::Resource r =
        make(task, "elbv2:target-group", item, "TargetGroupName", "TargetGroupArn");
    if (r.id.empty() || r.arn.empty()) continue;
    task.spawn([&task, r = std::move(r)]() mutable {
      read_tags(task, r);
      task.emit(std::move(r));
    });
  }
}

void collect_elbv2(CollectTask& task) {
  collect_load_balancers(task);
  collect_target_groups(task);
}

}  // namespace

extern const CollectorSpec kCollector_elbv2;
const CollectorSpec kCollector_elbv2{"elbv2", Scope::Regional, &collect_elbv2};

}  // namespace rampart::collect
