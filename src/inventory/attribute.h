// The tri-state attribute accessor checks read the inventory through (STYLE.md §5):
//   Known   - the value is in the document and not null;
//   Absent  - AWS said "not configured" (null) or did not send the member;
//   Unknown - the call that reads the top-level attribute failed; `error` is its
//             {"operation", "kind", "code", "message"} entry.
// A path is dotted ("MetadataOptions.HttpTokens"); its first segment decides unknown-ness.
// Numeric segments index arrays ("IpPermissions.0.FromPort"). For member names that contain
// dots (RDS parameter "rds.force_ssl"), use the segment-list overload.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "aws/core/json.h"
#include "inventory/resource.h"

namespace rampart::inventory {

enum class AttributeState : std::uint8_t { Known, Absent, Unknown };

std::string_view to_string(AttributeState s);

struct AttributeRead {
  AttributeState state = AttributeState::Absent;
  const Json* value = nullptr;  // set when Known; points into the resource's document
  const Json* error = nullptr;  // set when Unknown; points into the resource's unknown map

  bool known() const { return state == AttributeState::Known; }
  bool absent() const { return state == AttributeState::Absent; }
  bool unknown() const { return state == AttributeState::Unknown; }
};

AttributeRead read_attribute(const Resource& resource, std::string_view path);
AttributeRead read_attribute(const Resource& resource, std::span<const std::string_view> segments);
AttributeRead read_attribute(const Resource& resource,
                             std::initializer_list<std::string_view> segments);

}  // namespace rampart::inventory
