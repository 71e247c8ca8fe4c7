// Internal to the EC2 collector (ec2_collector.cc is the entry point; ec2_network.cc,
// ec2_compute.cc and ec2_storage.cc read one family of resources each). Also holds the small
// helpers those files share: building a Resource from one element of an EC2 describe list, and
// EC2-style ARNs for the resources whose describe output carries none.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collect/collector.h"

namespace rampart::collect::ec2 {

// One EC2 describe call whose response member `member` is a list of resources of `type`.
struct ListSpec {
  std::string_view operation;     // "DescribeVpcs"
  std::string_view member;        // "Vpcs"
  std::string_view type;          // "ec2:vpc"
  std::string_view id_member;     // "VpcId"
  std::string_view arn_kind;      // "vpc" -> arn:PARTITION:ec2:REGION:ACCOUNT:vpc/ID
  std::string_view arn_member{};  // AWS's own ARN member ("SubnetArn"), used when present
  bool arn_has_account = true;    // AMI and snapshot ARNs have an empty account field
};

// arn:PARTITION:ec2:REGION:ACCOUNT:KIND/ID (ACCOUNT empty when !with_account).
std::string ec2_arn(const CollectTask& task, std::string_view kind, std::string_view id,
                    bool with_account = true);

// A resource of `spec.type` from one list element: id, ARN, tags and Name from its `Tags`.
inventory::Resource make_resource(const CollectTask& task, const ListSpec& spec, const Json& item);

// Runs the list call (all pages) and turns every element into a resource; nullopt when the call
// failed (the CollectionError is recorded by the task).
std::optional<std::vector<inventory::Resource>> list_resources(CollectTask& task,
                                                               const ListSpec& spec,
                                                               const Json& params = Json::object());

// Emits every resource as is.
void emit_all(CollectTask& task, std::vector<inventory::Resource> resources);

// The families, each emitting its resources for task.region().
void collect_network(CollectTask& task);  // VPCs .. security groups, ENIs, flow logs, endpoints
void collect_compute(CollectTask& task);  // instances, owned AMIs
void collect_storage(CollectTask& task);  // volumes, owned snapshots, EBS default encryption

}  // namespace rampart::collect::ec2
