// SNS topics per region (`sns:topic`, id = arn = TopicArn, name = the topic name). Per topic:
// GetTopicAttributes, whose attribute map is merged into the document with AWS's names
// (Policy parsed from its JSON string, KmsMasterKeyId — absent when the topic is not encrypted,
// Owner, DisplayName, ...); ListSubscriptionsByTopic -> Subscriptions (Protocol, Endpoint);
// ListTagsForResource -> Tags. When GetTopicAttributes fails, Policy and KmsMasterKeyId are
// unknown rather than absent, so "not encrypted" is never concluded from a failed call.
#include <string>

#include "collect/collector.h"
#include "collect/response_util.h"

namespace rampart::collect {

namespace {

void collect_topic(CollectTask& task, const std::string& arn) {
  inventory::Resource topic;
  topic.account = task.account();
  topic.region = task.region();
  topic.type = "sns:topic";
  topic.id = arn;
  topic.arn = arn;
  topic.name = arn.substr(arn.rfind(':') + 1);
  topic.document["TopicArn"] = arn;
  const Json by_arn = {{"TopicArn", arn}};

  if (auto attrs = task.describe(topic, "sns", "GetTopicAttributes", by_arn, "Policy")) {
    const Json map = attrs->value("Attributes", Json::object());
    for (const auto& [key, value] : map.items()) {
      topic.document[key] = key == "Policy" ? parse_embedded_json(value) : value;
    }
    if (!topic.document.contains("Policy")) topic.document["Policy"] = nullptr;
  } else {
    for (const char* attr : {"KmsMasterKeyId", "Owner", "DisplayName"}) {
      topic.unknown[attr] = topic.unknown["Policy"];
    }
  }
  if (auto subs = task.describe(topic, "sns", "ListSubscriptionsByTopic", by_arn,
                                "Subscriptions")) {
    topic.document["Subscriptions"] = subs->value("Subscriptions", Json::array());
  }
  if (auto tags = task.describe(topic, "sns", "ListTagsForResource", {{"ResourceArn", arn}},
                                "Tags")) {
    topic.tags = tags_from_list(member_or_null(*tags, "Tags"));
    topic.document["Tags"] = topic.tags;
  }
  task.emit(std::move(topic));
}

void collect(CollectTask& task) {
  auto topics = task.list("sns", "ListTopics", Json::object(), "sns:topic");
  if (!topics) return;
  for (const Json& entry : topics->value("Topics", Json::array())) {
    std::string arn = entry.is_object() ? entry.value("TopicArn", "") : "";
    if (arn.empty()) continue;
    task.spawn([&task, arn] { collect_topic(task, arn); });
  }
}

}  // namespace

extern const CollectorSpec kCollector_sns{"sns", Scope::Regional, &collect};

}  // namespace rampart::collect
