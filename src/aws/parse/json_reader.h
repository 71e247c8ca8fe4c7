// Shape-driven reading of JSON response bodies (json 1.0/1.1, rest-json). The body is parsed once
// by nlohmann; values are then moved (not copied) into the output while timestamps, blobs,
// numbers given as strings, unions and documents are normalized by the model.
#pragma once

#include <cstdint>
#include <string>

#include "aws/core/json.h"
#include "aws/model/model.h"
#include "aws/parse/scalar.h"

namespace rampart::aws::parse_internal {

// Parses a body; an empty or blank body is {}. False with `why` on invalid JSON.
bool load_json(const std::string& body, Json& out, std::string& why);

class JsonReader {
 public:
  explicit JsonReader(const ServiceModel& model) : model_(model) {}

  // Reads `in` (consumed) as `ref`'s shape into `out`.
  bool read(const MemberRef& ref, Json& in, Json& out);
  // Reads a structure's body members (not header/status members) from object `in`.
  bool read_structure(std::uint32_t shape_id, Json& in, Json& out);

  const ParseFailure& failure() const { return failure_; }

 private:
  bool read_scalar(const Shape& s, Json& in, Json& out);

  const ServiceModel& model_;
  ParseFailure failure_;
  int depth_ = 0;
};

}  // namespace rampart::aws::parse_internal
