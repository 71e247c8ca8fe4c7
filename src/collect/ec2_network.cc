// EC2 network resources of one region: VPCs (with their DNS attributes, one
// DescribeVpcAttribute call per attribute and VPC), subnets, route tables, internet and NAT
// gateways, network ACLs, network interfaces, security groups (with the ENIs that use them,
// computed from DescribeNetworkInterfaces), VPC flow logs and VPC endpoints.
#include <map>
#include <utility>

#include "collect/ec2_internal.h"

namespace rampart::collect::ec2 {

namespace {

// document[attribute] = the boolean of DescribeVpcAttribute's {"<Attribute>": {"Value": b}}
// (null when AWS sent no value); unknown when the call failed.
void read_vpc_bool(CollectTask& task, inventory::Resource& vpc, std::string_view api_attribute,
                   std::string_view member) {
  Json params{{"VpcId", vpc.id}, {"Attribute", std::string(api_attribute)}};
  auto response = task.describe(vpc, "ec2", "DescribeVpcAttribute", params, member);
  if (!response) return;
  Json value = nullptr;
  if (auto it = response->find(std::string(member)); it != response->end() && it->is_object()) {
    if (auto v = it->find("Value"); v != it->end() && v->is_boolean()) value = *v;
  }
  vpc.document[std::string(member)] = value;
}

void collect_vpcs(CollectTask& task) {
  auto vpcs = list_resources(task, {"DescribeVpcs", "Vpcs", "ec2:vpc", "VpcId", "vpc"});
  if (!vpcs) return;
  for (auto& vpc : *vpcs) {
    task.spawn([&task, r = std::move(vpc)]() mutable {
      read_vpc_bool(task, r, "enableDnsSupport", "EnableDnsSupport");
      read_vpc_bool(task, r, "enableDnsHostnames", "EnableDnsHostnames");
      task.emit(std::move(r));
    });
  }
}

// ENIs are emitted as resources and also tell which security groups are in use.
void collect_interfaces_and_groups(CollectTask& task) {
  auto enis =
      list_resources(task, {"DescribeNetworkInterfaces", "NetworkInterfaces",
                            "ec2:network-interface", "NetworkInterfaceId", "network-interface"});
  std::map<std::string, Json> used_by;  // group id -> [eni ids]
  if (enis) {
    for (const auto& eni : *enis) {
      auto groups = eni.document.find("Groups");
      if (groups == eni.document.end() || !groups->is_array()) continue;
      for (const Json& g : *groups) {
        std::string id = g.value("GroupId", "");
        if (id.empty()) continue;
        auto [it, inserted] = used_by.try_emplace(id, Json::array());
        it->second.push_back(eni.id);
      }
    }
  }
  auto groups =
      list_resources(task, {"DescribeSecurityGroups", "SecurityGroups", "ec2:security-group",
                            "GroupId", "security-group", "SecurityGroupArn"});
  if (groups) {
    for (auto& sg : *groups) {
      if (!enis) {
        // Derived from a list call that failed: its CollectionError (empty resource id) has
        // the kind and code; this entry points at it.
        sg.unknown["UsedByNetworkInterfaces"] = {
            {"operation", "DescribeNetworkInterfaces"},
            {"kind", ""},
            {"code", ""},
            {"message", "derived from DescribeNetworkInterfaces, which failed in this region"}};
        continue;
      }
      auto it = used_by.find(sg.id);
      sg.document["UsedByNetworkInterfaces"] = it == used_by.end() ? Json::array() : it->second;
    }
    emit_all(task, std::move(*groups));
  }
  if (enis) emit_all(task, std::move(*enis));
}

// VPC endpoint policies arrive as a JSON string; they are stored parsed (an unparsable one is
// kept as the string).
void collect_vpc_endpoints(CollectTask& task) {
  auto endpoints = list_resources(task, {"DescribeVpcEndpoints", "VpcEndpoints", "ec2:vpc-endpoint",
                                         "VpcEndpointId", "vpc-endpoint"});
  if (!endpoints) return;
  for (auto& ep : *endpoints) {
    auto policy = ep.document.find("PolicyDocument");
    if (policy == ep.document.end() || !policy->is_string()) continue;
    Json parsed = Json::parse(policy->get<std::string>(), nullptr, false);
    if (!parsed.is_discarded()) *policy = std::move(parsed);
  }
  emit_all(task, std::move(*endpoints));
}

void list_and_emit(CollectTask& task, const ListSpec& spec) {
  if (auto resources = list_resources(task, spec)) emit_all(task, std::move(*resources));
}

}  // namespace

void collect_network(CollectTask& task) {
  collect_vpcs(task);
  list_and_emit(task,
                {"DescribeSubnets", "Subnets", "ec2:subnet", "SubnetId", "subnet", "SubnetArn"});
  list_and_emit(task, {"DescribeRouteTables", "RouteTables", "ec2:route-table", "RouteTableId",
                       "route-table"});
  list_and_emit(task, {"DescribeInternetGateways", "InternetGateways", "ec2:internet-gateway",
                       "InternetGatewayId", "internet-gateway"});
  list_and_emit(task, {"DescribeNatGateways", "NatGateways", "ec2:nat-gateway", "NatGatewayId",
                       "natgateway"});
  list_and_emit(task, {"DescribeNetworkAcls", "NetworkAcls", "ec2:network-acl", "NetworkAclId",
                       "network-acl"});
  collect_interfaces_and_groups(task);
  list_and_emit(task,
                {"DescribeFlowLogs", "FlowLogs", "ec2:flow-log", "FlowLogId", "vpc-flow-log"});
  collect_vpc_endpoints(task);
}

}  // namespace rampart::collect::ec2
