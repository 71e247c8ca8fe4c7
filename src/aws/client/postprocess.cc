#include "aws/client/postprocess.h"

#include <pugixml.hpp>

#include "aws/core/encoding.h"

namespace rampart::aws {

namespace {

// Walks `value` along `shape`, decoding IAM policy documents in place.
void decode_policies(const ServiceModel& model, std::uint32_t shape_index, Json& value) {
  if (shape_index == kNoShape) return;
  const Shape& shape = model.shape(shape_index);
  if (shape.name == "policyDocumentType" && value.is_string()) {
    Json doc = Json::parse(uri_decode(value.get<std::string>()), nullptr, false);
    if (!doc.is_discarded()) value = std::move(doc);
    return;
  }
  switch (shape.type) {
    case ShapeType::Structure:
      if (!value.is_object()) return;
      for (const MemberRef& m : shape.members) {
        auto it = value.find(std::string(m.name));
        if (it != value.end()) decode_policies(model, m.shape, *it);
      }
      return;
    case ShapeType::List:
      if (!value.is_array()) return;
      for (Json& item : value) decode_policies(model, shape.member.shape, item);
      return;
    case ShapeType::Map:
      if (!value.is_object()) return;
      for (auto& [k, v] : value.items()) decode_policies(model, shape.value.shape, v);
      return;
    default:
      return;
  }
}

}  // namespace

void postprocess_response(const ServiceModel& model, const Operation& op,
                          const HttpResponse& response, Json& parsed) {
  if (model.metadata.id == "iam") {
    decode_policies(model, op.output.shape, parsed);
  } else if (model.metadata.id == "s3" && op.name == "GetBucketLocation") {
    pugi::xml_document doc;
    if (doc.load_buffer(response.body.data(), response.body.size())) {
      std::string region = doc.document_element().text().get();
      parsed = Json::object();
      // us-east-1 buckets have an empty constraint: botocore reports null.
      parsed["LocationConstraint"] = region.empty() ? Json(nullptr) : Json(region);
    }
  }
}

}  // namespace rampart::aws
