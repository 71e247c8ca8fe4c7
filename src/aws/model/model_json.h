// Builds a ServiceModel from botocore-format JSON (a service-2.json, or the "metadata" +
// "shapes" + one "given" operation of a protocol test suite). The ModelStorage owns every
// string and array the returned model's views point into.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "aws/core/json.h"
#include "aws/core/result.h"
#include "aws/model/model.h"

namespace rampart::aws {

struct ModelStorage {
  ServiceModel model;
  std::deque<std::string> strings;
  std::deque<std::vector<MemberRef>> member_arrays;
  std::deque<std::vector<std::uint32_t>> index_arrays;
  std::deque<std::vector<std::string_view>> view_arrays;
  std::vector<Shape> shapes;
  std::vector<Operation> operations;
  std::vector<Paginator> paginators;
};

// service: {"metadata": {...}, "shapes": {...}, "operations": {...}} (operations optional).
// paginators: the "pagination" object of paginators-1.json, or null.
// Fails with ErrorKind::Parse naming the shape or member at fault.
Result<std::unique_ptr<ModelStorage>> load_model(const Json& service,
                                                 const Json& paginators = Json());

// Adds one operation definition (botocore "operations" entry / a test case's "given").
Result<void> add_operation(ModelStorage& storage, const Json& operation);

}  // namespace rampart::aws
