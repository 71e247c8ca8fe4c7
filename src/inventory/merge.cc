// Resource/document merge rules (see merge.h).
#include "inventory/merge.h"

#include <string>
#include <vector>

namespace rampart::inventory {

void merge_json(Json& into, const Json& from) {
  if (from.is_null()) {
    return;  // the caller decides whether a null fills a missing member
  }
  if (!into.is_object() || !from.is_object()) {
    into = from;
    return;
  }
  for (auto it = from.begin(); it != from.end(); ++it) {
    auto existing = into.find(it.key());
    if (existing == into.end()) {
      into[it.key()] = it.value();  // includes explicit null: absent is recorded
    } else {
      merge_json(*existing, it.value());
    }
  }
}

void drop_known_from_unknown(Resource& r) {
  if (!r.unknown.is_object() || r.unknown.empty()) return;
  std::vector<std::string> known;
  for (auto it = r.unknown.begin(); it != r.unknown.end(); ++it) {
    auto d = r.document.find(it.key());
    if (d != r.document.end() && !d->is_null()) known.push_back(it.key());
  }
  for (const auto& k : known) r.unknown.erase(k);
}

void merge_resource(Resource& into, const Resource& from) {
  if (!from.account.empty()) into.account = from.account;
  if (!from.arn.empty()) into.arn = from.arn;
  if (!from.name.empty()) into.name = from.name;
  if (!into.tags.is_object()) into.tags = Json::object();
  if (from.tags.is_object()) {
    for (auto it = from.tags.begin(); it != from.tags.end(); ++it) into.tags[it.key()] = it.value();
  }
  if (!into.document.is_object()) into.document = Json::object();
  if (!into.unknown.is_object()) into.unknown = Json::object();
  // Attributes the later call answered (known or absent) are no longer unknown, unless that
  // same description also says they are unknown.
  if (from.document.is_object()) {
    for (auto it = from.document.begin(); it != from.document.end(); ++it) {
      if (from.unknown.is_object() && from.unknown.contains(it.key())) continue;
      into.unknown.erase(it.key());
    }
  }
  merge_json(into.document, from.document);
  if (from.unknown.is_object()) {
    for (auto it = from.unknown.begin(); it != from.unknown.end(); ++it) {
      into.unknown[it.key()] = it.value();
    }
  }
  drop_known_from_unknown(into);
}

}  // namespace rampart::inventory
