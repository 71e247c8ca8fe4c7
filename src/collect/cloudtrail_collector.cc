// CloudTrail trails per region (`cloudtrail:trail`, id = trail name, arn = TrailARN).
// DescribeTrails (includeShadowTrails) gives the configuration the checks read directly:
// IsMultiRegionTrail, LogFileValidationEnabled, KmsKeyId, CloudWatchLogsLogGroupArn, S3 bucket.
// Per trail, in the trail's HomeRegion (moto, like AWS for single-region trails, answers
// TrailNotFoundException elsewhere): GetTrailStatus -> Status (IsLogging, LatestDeliveryTime,
// ...), GetEventSelectors -> EventSelectors and AdvancedEventSelectors, ListTags -> Tags.
//
// Shadow trails (a multi-region or organization trail listed by a region that is not its home)
// are skipped: each trail is kept once, from its home region's task, and a multi-region trail's
// IsMultiRegionTrail says which regions it covers. Recording the regions that saw a shadow would
// need state shared across region tasks, which collectors do not have.
#include <string>

#include "collect/collector.h"
#include "collect/response_util.h"

namespace rampart::collect {

namespace {

void collect_trail(CollectTask& task, const Json& entry, const std::string& home) {
  inventory::Resource trail;
  trail.account = task.account();
  trail.region = home;
  trail.type = "cloudtrail:trail";
  trail.id = entry.value("Name", "");
  trail.arn = entry.value("TrailARN", "");
  trail.name = trail.id;
  trail.document = entry;
  // Calls address the trail by ARN: a name only resolves in the home region's own account.
  const std::string ref = trail.arn.empty() ? trail.id : trail.arn;

  if (auto status = task.describe(trail, "cloudtrail", "GetTrailStatus", {{"Name", ref}},
                                  "Status", {}, home)) {
    trail.document["Status"] = std::move(*status);
  }
  if (auto selectors = task.describe(trail, "cloudtrail", "GetEventSelectors",
                                     {{"TrailName", ref}}, "EventSelectors", {}, home)) {
    trail.document["EventSelectors"] = member_or_null(*selectors, "EventSelectors");
    trail.document["AdvancedEventSelectors"] = member_or_null(*selectors, "AdvancedEventSelectors");
  } else if (trail.unknown.contains("EventSelectors")) {
    trail.unknown["AdvancedEventSelectors"] = trail.unknown["EventSelectors"];
  }
  if (auto tags = task.describe(trail, "cloudtrail", "ListTags",
                                {{"ResourceIdList", Json::array({ref})}}, "Tags", {}, home)) {
    Json list = Json::array();
    for (const Json& r : tags->value("ResourceTagList", Json::array())) {
      if (r.value("ResourceId", "") == ref) list = r.value("TagsList", Json::array());
    }
    trail.tags = tags_from_list(list);
    trail.document["Tags"] = trail.tags;
  }
  task.emit(std::move(trail));
}

void collect(CollectTask& task) {
  auto trails = task.list("cloudtrail", "DescribeTrails", {{"includeShadowTrails", true}},
                          "cloudtrail:trail");
  if (!trails) return;
  for (const Json& entry : trails->value("trailList", Json::array())) {
    if (!entry.is_object()) continue;
    std::string home = entry.value("HomeRegion", task.region());
    if (home != task.region()) continue;  // a shadow: its home region's task keeps it
    task.spawn([&task, entry, home] { collect_trail(task, entry, home); });
  }
}

}  // namespace

extern const CollectorSpec kCollector_cloudtrail{"cloudtrail", Scope::Regional, &collect};

}  // namespace rampart::collect
