// The request context: condition keys and their values as the request carries them. Key names
// are case-insensitive (stored lower-cased); a key may be multi-valued (aws:TagKeys). A key that
// is not here is absent from the request, which matters for IfExists, Null, negated operators
// and the set qualifiers.
#pragma once

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "aws/core/json.h"

namespace rampart::iam {

struct ContextValue {
  std::vector<std::string> values;
  bool multi = false;  // given as a list
};

class RequestContext {
 public:
  static std::string normalize(std::string_view key) {
    std::string k(key);
    std::transform(k.begin(), k.end(), k.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return k;
  }
  void set(std::string_view key, std::string value) {
    keys_[normalize(key)] = ContextValue{{std::move(value)}, false};
  }
  void set_multi(std::string_view key, std::vector<std::string> values) {
    keys_[normalize(key)] = ContextValue{std::move(values), true};
  }
  void erase(std::string_view key) { keys_.erase(normalize(key)); }
  const ContextValue* find(std::string_view key) const {
    auto it = keys_.find(normalize(key));
    return it == keys_.end() ? nullptr : &it->second;
  }
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  const std::map<std::string, ContextValue>& all() const { return keys_; }

  // {"key": "v" | ["a","b"] | true | 5}; other shapes are ignored.
  static RequestContext from_json(const Json& j) {
    RequestContext ctx;
    if (!j.is_object()) return ctx;
    for (const auto& [k, v] : j.items()) {
      if (v.is_array()) {
        std::vector<std::string> vals;
        for (const auto& e : v) vals.push_back(scalar(e));
        ctx.set_multi(k, std::move(vals));
      } else if (!v.is_null() && !v.is_object()) {
        ctx.set(k, scalar(v));
      }
    }
    return ctx;
  }

 private:
  static std::string scalar(const Json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    return v.dump();
  }
  std::map<std::string, ContextValue> keys_;
};

}  // namespace rampart::iam
