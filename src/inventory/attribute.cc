// Tri-state attribute reads (see attribute.h). A known top-level value beats an unknown entry
// (the store never keeps both, but a collector's in-memory Resource might).
#include "inventory/attribute.h"

#include <charconv>
#include <string>
#include <vector>

namespace rampart::inventory {

std::string_view to_string(AttributeState s) {
  switch (s) {
    case AttributeState::Known: return "known";
    case AttributeState::Absent: return "absent";
    case AttributeState::Unknown: return "unknown";
  }
  return "absent";
}

namespace {

// The child of `node` named by `segment`, or nullptr.
const Json* child(const Json& node, std::string_view segment) {
  if (node.is_object()) {
    auto it = node.find(segment);
    return it == node.end() ? nullptr : &*it;
  }
  if (node.is_array()) {
    std::size_t index = 0;
    const char* end = segment.data() + segment.size();
    auto [p, ec] = std::from_chars(segment.data(), end, index);
    if (ec != std::errc() || p != end || segment.empty() || index >= node.size()) return nullptr;
    return &node[index];
  }
  return nullptr;
}

}  // namespace

AttributeRead read_attribute(const Resource& resource, std::span<const std::string_view> segments) {
  AttributeRead out;
  if (segments.empty()) return out;
  const Json* top = resource.document.is_object() ? child(resource.document, segments[0]) : nullptr;
  if (top == nullptr || top->is_null()) {
    if (resource.unknown.is_object()) {
      auto it = resource.unknown.find(segments[0]);
      if (it != resource.unknown.end()) {
        out.state = AttributeState::Unknown;
        out.error = &*it;
      }
    }
    return out;
  }
  const Json* node = top;
  for (std::size_t i = 1; i < segments.size(); ++i) {
    node = child(*node, segments[i]);
    if (node == nullptr || node->is_null()) return out;
  }
  out.state = AttributeState::Known;
  out.value = node;
  return out;
}

AttributeRead read_attribute(const Resource& resource,
                             std::initializer_list<std::string_view> segments) {
  return read_attribute(resource, std::span<const std::string_view>(segments.begin(), segments.size()));
}

AttributeRead read_attribute(const Resource& resource, std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = path.find('.', start);
    segments.push_back(path.substr(start, dot == std::string_view::npos ? path.npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return read_attribute(resource, std::span<const std::string_view>(segments));
}

}  // namespace rampart::inventory
