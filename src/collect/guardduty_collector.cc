// GuardDuty detectors per region (`guardduty:detector`, id = DetectorId). ListDetectors, then
// per detector GetDetector merged into the document with AWS's names: Status (ENABLED /
// DISABLED), FindingPublishingFrequency, DataSources, Features, ServiceRole; tags from its Tags
// map. A region with no detector emits nothing and records no error: "no detector" is the
// answer (the check reads it from the absence of rows beside the absence of a ListDetectors
// error). When GetDetector fails, Status, DataSources and Features are unknown.
#include <string>

#include "collect/collector.h"
#include "collect/response_util.h"

namespace rampart::collect {

namespace {

void collect_detector(CollectTask& task, const std::string& id) {
  inventory::Resource detector;
  detector.account = task.account();
  detector.region = task.region();
  detector.type = "guardduty:detector";
  detector.id = id;
  detector.arn = "arn:" + task.partition() + ":guardduty:" + task.region() + ":" +
                 task.account() + ":detector/" + id;
  detector.name = id;
  detector.document["DetectorId"] = id;
  if (auto got = task.describe(detector, "guardduty", "GetDetector", {{"DetectorId", id}},
                               "Status")) {
    for (const auto& [key, value] : got->items()) detector.document[key] = value;
    if (!detector.document.contains("Status")) detector.document["Status"] = nullptr;
    detector.tags = tags_from_list(member_or_null(*got, "Tags"));
  } else {
    for (const char* attr : {"DataSources", "Features", "FindingPublishingFrequency"}) {
      detector.unknown[attr] = detector.unknown["Status"];
    }
  }
  task.emit(std::move(detector));
}

void collect(CollectTask& task) {
  auto detectors = task.list("guardduty", "ListDetectors", Json::object(), "guardduty:detector");
  if (!detectors) return;
  for (const Json& id : detectors->value("DetectorIds", Json::array())) {
    if (!id.is_string()) continue;
    task.spawn([&task, id = id.get<std::string>()] { collect_detector(task, id); });
  }
}

}  // namespace

extern const CollectorSpec kCollector_guardduty{"guardduty", Scope::Regional, &collect};

}  // namespace rampart::collect
