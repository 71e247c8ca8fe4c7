// KMS keys per region (`kms:key`, id = KeyId): ListKeys, then per key DescribeKey
// (KeyMetadata: KeyManager CUSTOMER/AWS, KeyState, KeySpec, Origin ...), the default key policy
// (GetKeyPolicy, parsed to JSON into Policy), and for customer-managed keys the tags and — for
// symmetric keys with AWS-generated material, the only ones AWS rotates — GetKeyRotationStatus
// (KeyRotationEnabled, RotationPeriodInDays). AWS-managed keys rotate on AWS's schedule and
// asymmetric/HMAC/imported keys cannot rotate: for them KeyRotationEnabled is absent, not an
// error. Aliases come from one ListAliases per region (Aliases: the alias names of the key);
// aliases whose target key is not in ListKeys (moto's alias/aws/*) are ignored.
#include <map>
#include <string>
#include <vector>

#include "collect/collector.h"
#include "collect/response_util.h"

namespace rampart::collect {

namespace {

// KMS tags are [{"TagKey", "TagValue"}].
Json kms_tags(const Json& list) {
  Json out = Json::object();
  if (!list.is_array()) return out;
  for (const Json& tag : list) {
    if (!tag.is_object() || !tag.contains("TagKey") || !tag["TagKey"].is_string()) continue;
    const Json value = tag.value("TagValue", Json(""));
    out[tag["TagKey"].get<std::string>()] = value.is_string() ? value : Json("");
  }
  return out;
}

bool rotatable(const Json& meta) {
  return meta.value("KeyManager", "") == "CUSTOMER" &&
         meta.value("KeySpec", meta.value("CustomerMasterKeySpec", "")) == "SYMMETRIC_DEFAULT" &&
         meta.value("Origin", "AWS_KMS") == "AWS_KMS";
}

void collect_key(CollectTask& task, const Json& entry, const Json& aliases) {
  inventory::Resource key;
  key.account = task.account();
  key.region = task.region();
  key.type = "kms:key";
  key.id = entry.value("KeyId", "");
  key.arn = entry.value("KeyArn", "");
  key.document = entry;
  if (aliases.is_array()) {
    key.document["Aliases"] = aliases;
    if (!aliases.empty()) key.name = aliases.front().get<std::string>();
  } else {  // ListAliases failed for the region; its collection error has the details
    key.unknown["Aliases"] = {{"operation", "ListAliases"}, {"kind", ""}, {"code", ""},
                              {"message", "ListAliases failed in this region"}};
  }
  const Json id = {{"KeyId", key.id}};

  auto described = task.describe(key, "kms", "DescribeKey", id, "KeyMetadata");
  if (described) key.document["KeyMetadata"] = member_or_null(*described, "KeyMetadata");
  if (auto policy = task.describe(key, "kms", "GetKeyPolicy",
                                  {{"KeyId", key.id}, {"PolicyName", "default"}}, "Policy")) {
    key.document["Policy"] = parse_embedded_json(member_or_null(*policy, "Policy"));
  }
  if (!described) {  // customer or AWS managed is unknown: so is whether rotation applies
    key.unknown["KeyRotationEnabled"] = key.unknown["KeyMetadata"];
    key.unknown["Tags"] = key.unknown["KeyMetadata"];
    task.emit(std::move(key));
    return;
  }
  const Json& meta = key.document["KeyMetadata"];
  const bool customer = meta.is_object() && meta.value("KeyManager", "") == "CUSTOMER";
  if (customer && rotatable(meta)) {
    if (auto rotation = task.describe(key, "kms", "GetKeyRotationStatus", id,
                                      "KeyRotationEnabled")) {
      key.document["KeyRotationEnabled"] = member_or_null(*rotation, "KeyRotationEnabled");
      if (rotation->contains("RotationPeriodInDays")) {
        key.document["RotationPeriodInDays"] = (*rotation)["RotationPeriodInDays"];
      }
    }
  } else {
    key.document["KeyRotationEnabled"] = nullptr;  // AWS's schedule, or not rotatable
  }
  if (customer) {
    if (auto tags = describe_all_pages(task, key, "kms", "ListResourceTags", id, "Tags",
                                       {"Tags", "Marker", "NextMarker"})) {
      key.tags = kms_tags(member_or_null(*tags, "Tags"));
      key.document["Tags"] = key.tags;
    }
  }
  task.emit(std::move(key));
}

void collect_kms(CollectTask& task) {
  auto keys = task.list("kms", "ListKeys", Json::object(), "kms:key");
  if (!keys) return;
  // Aliases per key id. A failed ListAliases leaves every key's Aliases unknown.
  auto aliases = task.list("kms", "ListAliases", Json::object(), "kms:key");
  std::map<std::string, std::vector<std::string>> by_key;
  if (aliases) {
    for (const Json& a : aliases->value("Aliases", Json::array())) {
      if (a.contains("TargetKeyId") && a["TargetKeyId"].is_string() && a.contains("AliasName")) {
        by_key[a["TargetKeyId"].get<std::string>()].push_back(a.value("AliasName", ""));
      }
    }
  }
  for (const Json& entry : keys->value("Keys", Json::array())) {
    if (!entry.is_object() || !entry.contains("KeyId")) continue;
    const std::string id = entry.value("KeyId", "");
    Json names = Json::array();
    if (auto it = by_key.find(id); it != by_key.end()) names = it->second;
    const bool aliases_known = aliases.has_value();
    task.spawn([&task, entry, names, aliases_known] {
      collect_key(task, entry, aliases_known ? names : Json(nullptr));
    });
  }
}

}  // namespace

extern const CollectorSpec kCollector_kms{"kms", Scope::Regional, collect_kms};

}  // namespace rampart::collect
