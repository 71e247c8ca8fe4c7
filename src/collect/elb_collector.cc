// The classic ELB collector (Regional): one `elb:load-balancer` per load balancer with, per
// load balancer, its attributes (DescribeLoadBalancerAttributes -> `LoadBalancerAttributes`:
// access log, connection draining, cross-zone, ...), its policies (DescribeLoadBalancerPolicies
// -> `PolicyDescriptions`, which hold the listeners' SSL negotiation policies named in
// ListenerDescriptions[].PolicyNames) and its tags (DescribeTags -> `Tags`).
#include <utility>

#include "collect/collector.h"

namespace rampart::collect {

namespace {

void describe_load_balancer(CollectTask& task, inventory::Resource& lb) {
  Json by_name{{"LoadBalancerName", lb.id}};
  if (auto attrs = task.describe(lb, "elb", "DescribeLoadBalancerAttributes", by_name,
                                 "LoadBalancerAttributes")) {
    lb.document["LoadBalancerAttributes"] = attrs->value("LoadBalancerAttributes", Json());
  }
  if (auto policies =
          task.describe(lb, "elb", "DescribeLoadBalancerPolicies", by_name, "PolicyDescriptions")) {
    lb.document["PolicyDescriptions"] = policies->value("PolicyDescriptions", Json::array());
  }
  Json tag_params{{"LoadBalancerNames", Json::array({lb.id})}};
  if (auto tags = task.describe(lb, "elb", "DescribeTags", tag_params, "Tags")) {
    Json list = Json::array();
    for (const Json& d : tags->value("TagDescriptions", Json::array())) {
      if (d.value("LoadBalancerName", "") == lb.id) list = d.value("Tags", Json::array());
    }
    lb.tags = tags_from_list(list);
    lb.document["Tags"] = std::move(list);
  }
}

void collect_elb(CollectTask& task) {
  auto response = task.list("elb", "DescribeLoadBalancers", Json::object(), "elb:load-balancer");
  if (!response) return;
  auto lbs = response->find("LoadBalancerDescriptions");
  if (lbs == response->end() || !lbs->is_array()) return;
  for (const Json& item : *lbs) {
    inventory::Resource r;
    r.account = task.account();
    r.region = task.region();
    r.type = "elb:load-balancer";
    r.id = item.value("LoadBalancerName", "");
    if (r.id.empty()) continue;
    r.arn = "arn:" + task.partition() + ":elasticloadbalancing:" + task.region() + ":" +
            task.account() + ":loadbalancer/" + r.id;
    r.name = r.id;
    r.document = item;
    task.spawn([&task, r = std::move(r)]() mutable {
      describe_load_balancer(task, r);
      task.emit(std::move(r));
    });
  }
}

}  // namespace

extern const CollectorSpec kCollector_elb;
const CollectorSpec kCollector_elb{"elb", Scope::Regional, &collect_elb};

}  // namespace rampart::collect
