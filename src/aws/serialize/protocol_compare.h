// Test helpers (header-only, used by protocol_input_test.cc): the comparison rules of the
// botocore protocol suites. Form bodies compare as parameters, JSON as values, XML as
// elements; query strings as key/value pairs. Map entries cannot keep the caller's order
// (rampart::Json sorts object keys, and AWS treats maps as unordered), so numbered groups in
// form bodies ("entry.1", "member.2") and sibling XML elements compare as multisets.
#pragma once

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "aws/core/encoding.h"
#include "aws/core/json.h"

namespace rampart::aws::testing {

using Pairs = std::vector<std::pair<std::string, std::string>>;

inline Pairs split_form(std::string_view text) {
  Pairs out;
  while (!text.empty()) {
    auto amp = text.find('&');
    std::string_view item = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (item.empty()) continue;
    auto eq = item.find('=');
    std::string key = uri_decode(item.substr(0, eq), true);
    std::string value = eq == std::string_view::npos ? "" : uri_decode(item.substr(eq + 1), true);
    out.emplace_back(std::move(key), std::move(value));
  }
  return out;
}

inline bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Turns a numbered group {"1": a, "2": b} into a sorted array, recursively.
inline Json canonical_tree(const Json& node) {
  if (!node.is_object()) return node;
  bool numbered = !node.empty();
  for (const auto& [k, v] : node.items()) numbered = numbered && all_digits(k);
  if (numbered) {
    std::vector<std::string> items;
    for (const auto& [k, v] : node.items()) items.push_back(canonical_tree(v).dump());
    std::sort(items.begin(), items.end());
    return Json(items);
  }
  Json out = Json::object();
  for (const auto& [k, v] : node.items()) out[k] = canonical_tree(v);
  return out;
}

// "A.member.1.B=x" -> {"A": {"member": {"1": {"B": {"": "x"}}}}}, then canonical_tree.
inline Json form_tree(std::string_view body) {
  Json root = Json::object();
  for (const auto& [key, value] : split_form(body)) {
    Json* node = &root;
    std::string_view k = key;
    while (true) {
      auto dot = k.find('.');
      node = &(*node)[std::string(k.substr(0, dot))];
      if (dot == std::string_view::npos) break;
      k = k.substr(dot + 1);
    }
    (*node)[""] = value;
  }
  return canonical_tree(root);
}

// Query strings: the same pairs, same-key values in the same order; keys in any order.
inline Pairs canonical_query(std::string_view query) {
  Pairs pairs;
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view item = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (item.empty()) continue;
    auto eq = item.find('=');
    pairs.emplace_back(uri_decode(item.substr(0, eq)),
                       eq == std::string_view::npos ? "" : uri_decode(item.substr(eq + 1)));
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return pairs;
}

inline std::string trim(std::string_view s) {
  const char* ws = " \t\r\n";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(ws);
  return std::string(s.substr(b, e - b + 1));
}

inline Json xml_canonical(const pugi::xml_node& node) {
  Json out = Json::object();
  out["name"] = node.name();
  Json attrs = Json::object();
  for (const auto& a : node.attributes()) attrs[a.name()] = a.value();
  out["attrs"] = attrs;
  std::string text;
  std::vector<std::string> children;
  for (const auto& c : node.children()) {
    if (c.type() == pugi::node_element) {
      children.push_back(xml_canonical(c).dump());
    } else if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      text += c.value();
    }
  }
  std::sort(children.begin(), children.end());
  out["text"] = children.empty() ? text : trim(text);
  out["children"] = children;
  return out;
}

// Null Json when the text is not a well-formed XML document.
inline Json xml_tree(std::string_view text) {
  pugi::xml_document doc;
  auto ok = doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                            pugi::encoding_utf8);
  if (!ok || !doc.document_element()) return Json();
  return xml_canonical(doc.document_element());
}

}  // namespace rampart::aws::testing
