// Tag helpers shared by collectors: AWS returns tags as [{"Key","Value"}] (EC2, RDS, most),
// [{"key","value"}] (some JSON services) or {"k": "v"} maps (Lambda, GuardDuty).
#include "collect/collector.h"

namespace rampart::collect {

namespace {
const Json* member(const Json& obj, const char* upper, const char* lower) {
  if (auto it = obj.find(upper); it != obj.end()) return &*it;
  if (auto it = obj.find(lower); it != obj.end()) return &*it;
  return nullptr;
}
}  // namespace

Json tags_from_list(const Json& list) {
  Json out = Json::object();
  if (list.is_object()) {
    for (const auto& [k, v] : list.items()) {
      if (v.is_string()) out[k] = v;
    }
    return out;
  }
  if (!list.is_array()) return out;
  for (const Json& tag : list) {
    if (!tag.is_object()) continue;
    const Json* key = member(tag, "Key", "key");
    const Json* value = member(tag, "Value", "value");
    if (key == nullptr || !key->is_string()) continue;
    out[key->get<std::string>()] = (value != nullptr && value->is_string()) ? *value : Json("");
  }
  return out;
}

std::string name_tag(const Json& tags) {
  if (auto it = tags.find("Name"); it != tags.end() && it->is_string()) return it->get<std::string>();
  return {};
}

}  // namespace rampart::collect
