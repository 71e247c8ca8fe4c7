#include "aws/model/model.h"

#include <algorithm>

namespace rampart::aws {

const Operation* ServiceModel::find_operation(std::string_view name) const {
  auto it = std::lower_bound(operations.begin(), operations.end(), name,
                             [](const Operation& op, std::string_view n) { return op.name < n; });
  return (it != operations.end() && it->name == name) ? &*it : nullptr;
}

const Paginator* ServiceModel::find_paginator(std::string_view operation) const {
  auto it = std::lower_bound(
      paginators.begin(), paginators.end(), operation,
      [](const Paginator& p, std::string_view n) { return p.operation < n; });
  return (it != paginators.end() && it->operation == operation) ? &*it : nullptr;
}

std::uint32_t ServiceModel::find_shape(std::string_view name) const {
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    if (shapes[i].name == name) return static_cast<std::uint32_t>(i);
  }
  return kNoShape;
}

std::string_view to_string(Protocol p) {
  switch (p) {
    case Protocol::Query: return "query";
    case Protocol::Ec2: return "ec2";
    case Protocol::Json: return "json";
    case Protocol::RestJson: return "rest-json";
    case Protocol::RestXml: return "rest-xml";
  }
  return "query";
}

bool is_scalar(ShapeType t) {
  return t != ShapeType::Structure && t != ShapeType::List && t != ShapeType::Map;
}

}  // namespace rampart::aws
