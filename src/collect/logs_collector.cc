// CloudWatch Logs per region: log groups (`logs:log-group`, id = logGroupName, arn = the
// group's ARN without the ":*" suffix) with retentionInDays (absent = never expire) and
// kmsKeyId (absent = service-managed encryption), from one paginated DescribeLogGroups; and
// metric filters (`logs:metric-filter`, id = "<logGroupName>:<filterName>" — neither may contain
// ':'), from one paginated DescribeMetricFilters: filterPattern, metricTransformations
// (metricName, metricNamespace) and logGroupName, which the CIS 4.x checks join to alarms.
// Log-group tags would cost one call per group (50k groups in large accounts) and no check reads
// them, so they are not collected.
#include <string>

#include "collect/collector.h"

namespace rampart::collect {

namespace {

std::string group_arn(const Json& entry) {
  std::string arn = entry.value("logGroupArn", "");
  if (!arn.empty()) return arn;
  arn = entry.value("arn", "");
  if (arn.size() > 2 && arn.ends_with(":*")) arn.resize(arn.size() - 2);
  return arn;
}

void collect_groups(CollectTask& task) {
  auto groups = task.list("logs", "DescribeLogGroups", Json::object(), "logs:log-group");
  if (!groups) return;
  for (const Json& entry : groups->value("logGroups", Json::array())) {
    if (!entry.is_object()) continue;
    inventory::Resource group;
    group.account = task.account();
    group.region = task.region();
    group.type = "logs:log-group";
    group.id = entry.value("logGroupName", "");
    group.arn = group_arn(entry);
    group.name = group.id;
    group.document = entry;
    task.emit(std::move(group));
  }
}

void collect_filters(CollectTask& task) {
  auto filters = task.list("logs", "DescribeMetricFilters", Json::object(), "logs:metric-filter");
  if (!filters) return;
  for (const Json& entry : filters->value("metricFilters", Json::array())) {
    if (!entry.is_object()) continue;
    inventory::Resource filter;
    filter.account = task.account();
    filter.region = task.region();
    filter.type = "logs:metric-filter";
    filter.name = entry.value("filterName", "");
    filter.id = entry.value("logGroupName", "") + ":" + filter.name;
    filter.document = entry;
    task.emit(std::move(filter));
  }
}

void collect(CollectTask& task) {
  collect_groups(task);
  collect_filters(task);
}

}  // namespace

extern const CollectorSpec kCollector_logs{"logs", Scope::Regional, &collect};

}  // namespace rampart::collect
