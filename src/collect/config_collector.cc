// AWS Config per region: configuration recorders (`config:recorder`, id = name) from
// DescribeConfigurationRecorders (roleARN, recordingGroup: allSupported,
// includeGlobalResourceTypes, ...) with Status from DescribeConfigurationRecorderStatus for that
// recorder (recording, lastStatus, lastStartTime, ...); and delivery channels
// (`config:delivery-channel`, id = name) from DescribeDeliveryChannels (s3BucketName,
// snsTopicARN, ...). A region with no recorder emits none: the check reads "no recorder" from
// that, and "could not tell" from the list call's collection error.
#include <string>

#include "collect/collector.h"

namespace rampart::collect {

namespace {

inventory::Resource make(CollectTask& task, const char* type, const Json& entry) {
  inventory::Resource r;
  r.account = task.account();
  r.region = task.region();
  r.type = type;
  r.id = entry.value("name", "");
  r.name = r.id;
  r.document = entry;
  return r;
}

void collect_recorder(CollectTask& task, const Json& entry) {
  inventory::Resource recorder = make(task, "config:recorder", entry);
  if (auto status = task.describe(recorder, "config", "DescribeConfigurationRecorderStatus",
                                  {{"ConfigurationRecorderNames", Json::array({recorder.id})}}, "Status")) {
    recorder.document["Status"] = nullptr;
    for (const Json& s : status->value("ConfigurationRecordersStatus", Json::array())) {
      if (s.is_object() && s.value("name", "") == recorder.id) recorder.document["Status"] = s;
    }
  }
  task.emit(std::move(recorder));
}

void collect(CollectTask& task) {
  if (auto recorders = task.list("config", "DescribeConfigurationRecorders", Json::object(),
                                 "config:recorder")) {
    for (const Json& entry : recorders->value("ConfigurationRecorders", Json::array())) {
      if (!entry.is_object()) continue;
      task.spawn([&task, entry] { collect_recorder(task, entry); });
    }
  }
  if (auto channels = task.list("config", "DescribeDeliveryChannels", Json::object(),
                                "config:delivery-channel")) {
    for (const Json& entry : channels->value("DeliveryChannels", Json::array())) {
      if (entry.is_object()) task.emit(make(task, "config:delivery-channel", entry));
    }
  }
}

}  // namespace

extern const CollectorSpec kCollector_config{"config", Scope::Regional, &collect};

}  // namespace rampart::collect
