// EventBridge rules of the default event bus per region (`events:rule`, id = Name, arn = Arn):
// ListRules (EventPattern parsed from its JSON string, State, ScheduleExpression), and per rule
// ListTargetsByRule -> Targets (the SNS topics / functions GuardDuty findings and alarms reach)
// and ListTagsForResource -> Tags. Only the default bus is read: AWS service events (GuardDuty
// findings, CloudTrail API calls) are delivered there.
#include <string>

#include "collect/collector.h"
#include "collect/response_util.h"

namespace rampart::collect {

namespace {

void collect_rule(CollectTask& task, const Json& entry) {
  inventory::Resource rule;
  rule.account = task.account();
  rule.region = task.region();
  rule.type = "events:rule";
  rule.id = entry.value("Name", "");
  rule.arn = entry.value("Arn", "");
  rule.name = rule.id;
  rule.document = entry;
  if (entry.contains("EventPattern")) {
    rule.document["EventPattern"] = parse_embedded_json(entry["EventPattern"]);
  }
  Json by_name = {{"Rule", rule.id}};
  if (entry.contains("EventBusName")) by_name["EventBusName"] = entry["EventBusName"];
  if (auto targets = task.describe(rule, "events", "ListTargetsByRule", by_name, "Targets")) {
    rule.document["Targets"] = targets->value("Targets", Json::array());
  }
  if (!rule.arn.empty()) {
    if (auto tags = task.describe(rule, "events", "ListTagsForResource",
                                  {{"ResourceARN", rule.arn}}, "Tags")) {
      rule.tags = tags_from_list(member_or_null(*tags, "Tags"));
      rule.document["Tags"] = rule.tags;
    }
  }
  task.emit(std::move(rule));
}

void collect(CollectTask& task) {
  auto rules = task.list("events", "ListRules", Json::object(), "events:rule");
  if (!rules) return;
  for (const Json& entry : rules->value("Rules", Json::array())) {
    if (!entry.is_object() || !entry.contains("Name")) continue;
    task.spawn([&task, entry] { collect_rule(task, entry); });
  }
}

}  // namespace

extern const CollectorSpec kCollector_events{"events", Scope::Regional, &collect};

}  // namespace rampart::collect
