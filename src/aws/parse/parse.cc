// parse_response: decides error vs success, then reads the success body by protocol:
//  - query: the output structure is the <OpResult> child (resultWrapper) of <OpResponse>;
//  - ec2:   the output structure is the root element itself (no wrapper);
//  - json:  the body object;
//  - rest-json / rest-xml: header, prefix-header and status members from the HTTP response,
//    then either the payload member (raw string, base64 blob, or a structure read from the
//    body) or the remaining members from the body's root.
// Any exception a library throws stays here and becomes ErrorKind::Parse.
#include "aws/parse/parse.h"

#include <exception>
#include <optional>
#include <string>

#include <pugixml.hpp>

#include "aws/core/encoding.h"
#include "aws/parse/errors.h"
#include "aws/parse/json_reader.h"
#include "aws/parse/rest_reader.h"
#include "aws/parse/xml_reader.h"

namespace rampart::aws {

namespace {

using parse_internal::JsonReader;
using parse_internal::ParseFailure;
using parse_internal::XmlReader;

Error parse_error(const Operation& op, const HttpResponse& response, std::string what) {
  Error e = make_error(ErrorKind::Parse, std::string(op.name) + ": cannot parse response: " + what);
  e.http_status = response.status;
  if (const std::string* id = response.header("x-amzn-RequestId"); id != nullptr) e.request_id = *id;
  else if (const std::string* id2 = response.header("x-amz-request-id"); id2 != nullptr) e.request_id = *id2;
  return e;
}

bool blank(const std::string& body) { return parse_internal::trim_ascii(body).empty(); }

Result<Json> parse_xml_rpc(const ServiceModel& model, const Operation& op, const HttpResponse& response) {
  if (op.output.shape == kNoShape || blank(response.body)) return Json::object();
  pugi::xml_document doc;
  std::string why;
  if (!parse_internal::load_xml(response.body, doc, why)) return parse_error(op, response, why);
  pugi::xml_node start = doc.document_element();
  if (model.metadata.protocol == Protocol::Query) {
    // Models always name the wrapper; the AWS convention <OpName>Result covers those that do not.
    std::string wrapper_name =
        op.result_wrapper.empty() ? std::string(op.name) + "Result" : std::string(op.result_wrapper);
    pugi::xml_node wrapper;
    for (pugi::xml_node c = start.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && parse_internal::local_name(c.name()) == wrapper_name) {
        wrapper = c;
        break;
      }
    }
    if (!wrapper && op.result_wrapper.empty()) {
      wrapper = start;  // no wrapper modeled or sent: members sit under the root (botocore)
    } else if (!wrapper) {
      // <OpResponse> with only <ResponseMetadata>: an output with nothing set.
      if (parse_internal::local_name(start.name()).ends_with("Response")) return Json::object();
      return parse_error(op, response,
                         "expected <" + wrapper_name + "> in the response, found <" +
                             std::string(start.name()) + ">");
    }
    start = wrapper;
  }
  XmlReader reader(model);
  Json out;
  if (!reader.read_structure(op.output.shape, start, out)) {
    return parse_error(op, response, reader.failure().describe());
  }
  return out;
}

Result<Json> parse_json_rpc(const ServiceModel& model, const Operation& op, const HttpResponse& response) {
  if (op.output.shape == kNoShape) return Json::object();
  Json body;
  std::string why;
  if (!parse_internal::load_json(response.body, body, why)) return parse_error(op, response, why);
  if (body.is_null()) return Json::object();
  JsonReader reader(model);
  Json out;
  if (!reader.read_structure(op.output.shape, body, out)) {
    return parse_error(op, response, reader.failure().describe());
  }
  return out;
}

// S3 GetBucketLocation answers <LocationConstraint>EU</LocationConstraint>: the root element is
// the output's one scalar member rather than a wrapper around it. Merged into `out` by the caller.
std::optional<Json> root_scalar_member(const ServiceModel& model, const Shape& output, pugi::xml_node root) {
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) return std::nullopt;
  }
  std::string_view tag = parse_internal::local_name(root.name());
  for (const MemberRef& m : output.members) {
    if (parse_internal::is_metadata_location(m.location)) continue;
    std::string_view wire = m.location_name.empty() ? m.name : m.location_name;
    const Shape& ms = model.shape(m.shape);
    if (wire != tag || !is_scalar(ms.type)) continue;
    Json value;
    ParseFailure failure;
    if (!parse_internal::scalar_from_text(ms.type, parse_internal::element_text(root), value, failure)) {
      return std::nullopt;
    }
    return Json{{std::string(m.name), std::move(value)}};
  }
  return std::nullopt;
}

// The body of a rest response: into `out` directly, or into the payload member.
Result<Json> parse_rest(const ServiceModel& model, const Operation& op, const HttpResponse& response) {
  Json out = Json::object();
  if (op.output.shape == kNoShape) return out;
  const Shape& output = model.shape(op.output.shape);
  ParseFailure failure;
  if (!parse_internal::read_rest_metadata(model, op.output.shape, response, out, failure)) {
    return parse_error(op, response, failure.describe());
  }
  bool xml = model.metadata.protocol == Protocol::RestXml;

  const MemberRef* payload = nullptr;
  for (const MemberRef& m : output.members) {
    if (!output.payload.empty() && m.name == output.payload) payload = &m;
  }
  if (payload != nullptr) {
    const Shape& ps = model.shape(payload->shape);
    const std::string key(payload->name);
    if (ps.event_stream) return out;  // event streams are not read by a batch client
    if (ps.type == ShapeType::Blob) {
      if (!response.body.empty()) out[key] = base64_encode(response.body);
      return out;
    }
    if (ps.type == ShapeType::String) {
      if (!response.body.empty()) out[key] = response.body;
      return out;
    }
    if (blank(response.body)) return out;
  } else if (blank(response.body)) {
    return out;
  }

  Json body_value;
  if (xml) {
    pugi::xml_document doc;
    std::string why;
    if (!parse_internal::load_xml(response.body, doc, why)) return parse_error(op, response, why);
    XmlReader reader(model);
    pugi::xml_node root = doc.document_element();
    if (payload == nullptr) {
      if (auto scalar = root_scalar_member(model, output, root)) {
        for (auto& [k, v] : scalar->items()) out[k] = std::move(v);
        return out;
      }
    }
    bool ok = payload != nullptr ? reader.read(*payload, root, body_value)
                                 : reader.read_structure(op.output.shape, root, body_value);
    if (!ok) return parse_error(op, response, reader.failure().describe());
  } else {
    Json body;
    std::string why;
    if (!parse_internal::load_json(response.body, body, why)) return parse_error(op, response, why);
    JsonReader reader(model);
    bool ok = payload != nullptr ? reader.read(*payload, body, body_value)
                                 : reader.read_structure(op.output.shape, body, body_value);
    if (!ok) return parse_error(op, response, reader.failure().describe());
  }
  if (payload != nullptr) {
    out[std::string(payload->name)] = std::move(body_value);
  } else {
    for (auto& [k, v] : body_value.items()) out[k] = std::move(v);
  }
  return out;
}

bool is_error_status(int status) { return status < 200 || status >= 300; }

}  // namespace

std::optional<ErrorDetails> parse_error_response(const ServiceModel& model, const Operation& op,
                                                 const HttpResponse& response) {
  try {
    if (is_error_status(response.status)) {
      return parse_internal::read_error(model, op, response, response.status);
    }
    if (model.metadata.protocol == Protocol::RestXml && parse_internal::body_is_xml_error(response.body)) {
      // S3 reports some failures (CompleteMultipartUpload, CopyObject) as 200 + <Error>; botocore
      // treats them as the 500 they are, so retries and kinds follow the code, not the 200.
      return parse_internal::read_error(model, op, response, 500);
    }
  } catch (const std::exception& e) {
    ErrorDetails d;
    d.error = make_error(ErrorKind::Parse, std::string(op.name) + ": cannot parse error response: " + e.what());
    d.error.http_status = response.status;
    return d;
  }
  return std::nullopt;
}

Result<Json> parse_response(const ServiceModel& model, const Operation& op, const HttpResponse& response) {
  if (auto err = parse_error_response(model, op, response)) return std::move(err->error);
  try {
    switch (model.metadata.protocol) {
      case Protocol::Query:
      case Protocol::Ec2:
        return parse_xml_rpc(model, op, response);
      case Protocol::Json:
        return parse_json_rpc(model, op, response);
      case Protocol::RestJson:
      case Protocol::RestXml:
        return parse_rest(model, op, response);
    }
  } catch (const std::exception& e) {
    return parse_error(op, response, e.what());
  }
  return parse_error(op, response, "unknown protocol");
}

}  // namespace rampart::aws
