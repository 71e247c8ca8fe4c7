// CloudWatch alarms per region (`cloudwatch:alarm`, id = AlarmName, arn = AlarmArn): one
// paginated DescribeAlarms asking for both metric and composite alarms (without AlarmTypes AWS
// returns metric alarms only). The document is the alarm as AWS describes it: MetricName,
// Namespace, Dimensions, Threshold, ActionsEnabled, AlarmActions (the SNS topics the CIS 4.x
// checks follow), OKActions, InsufficientDataActions; composite alarms carry AlarmRule. Alarm
// tags need one call per alarm and no check reads them, so they are not collected.
#include <string>

#include "collect/collector.h"

namespace rampart::collect {

namespace {

void emit_alarms(CollectTask& task, const Json& list) {
  if (!list.is_array()) return;
  for (const Json& entry : list) {
    if (!entry.is_object()) continue;
    inventory::Resource alarm;
    alarm.account = task.account();
    alarm.region = task.region();
    alarm.type = "cloudwatch:alarm";
    alarm.id = entry.value("AlarmName", "");
    alarm.arn = entry.value("AlarmArn", "");
    alarm.name = alarm.id;
    alarm.document = entry;
    task.emit(std::move(alarm));
  }
}

void collect(CollectTask& task) {
  const Json params = {{"AlarmTypes", Json::array({"CompositeAlarm", "MetricAlarm"})}};
  auto alarms = task.list("cloudwatch", "DescribeAlarms", params, "cloudwatch:alarm");
  if (!alarms) return;
  emit_alarms(task, alarms->value("MetricAlarms", Json::array()));
  emit_alarms(task, alarms->value("CompositeAlarms", Json::array()));
}

}  // namespace

extern const CollectorSpec kCollector_cloudwatch{"cloudwatch", Scope::Regional, &collect};

}  // namespace rampart::collect
