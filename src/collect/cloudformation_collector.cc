// CloudFormation stacks per region (`cloudformation:stack`, id = StackName, arn = StackId), from
// one paginated DescribeStacks: StackStatus, EnableTerminationProtection, DriftInformation
// (StackDriftStatus and LastCheckTimestamp of the last drift detection; moto omits it, so it is
// then absent), Parameters (AWS masks NoEcho values) and Outputs, kept whole because the
// hard-coded-secrets check scans them. Deleted stacks are not listed by DescribeStacks.
#include <string>

#include "collect/collector.h"

namespace rampart::collect {

namespace {

void collect(CollectTask& task) {
  auto stacks = task.list("cloudformation", "DescribeStacks", Json::object(),
                          "cloudformation:stack");
  if (!stacks) return;
  for (const Json& entry : stacks->value("Stacks", Json::array())) {
    if (!entry.is_object()) continue;
    inventory::Resource stack;
    stack.account = task.account();
    stack.region = task.region();
    stack.type = "cloudformation:stack";
    stack.id = entry.value("StackName", "");
    stack.arn = entry.value("StackId", "");
    stack.name = stack.id;
    stack.tags = tags_from_list(entry.value("Tags", Json::array()));
    stack.document = entry;
    task.emit(std::move(stack));
  }
}

}  // namespace

extern const CollectorSpec kCollector_cloudformation{"cloudformation", Scope::Regional, &collect};

}  // namespace rampart::collect
