// Error response parsing. Where the code comes from, by protocol:
//  - query:    <ErrorResponse><Error><Type/><Code/><Message/>...</Error><RequestId/></ErrorResponse>
//  - ec2:      <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>
//  - rest-xml: S3's <Error><Code/><Message/><RequestId/><HostId/>...</Error> at the root, or the
//              query form (Route 53, CloudFront); bodyless (HEAD 404) -> code from the status;
//  - json:     "__type" ("ns#Code", "Code:uri"), else x-amzn-ErrorType, else "code"/"Code";
//              x-amzn-query-error "Code;Type" overrides for query-compatible services;
//  - rest-json: x-amzn-ErrorType, else body "code"/"Code", else "__type".
// Messages: "message", "Message" or "errorMessage". Request ids: x-amzn-RequestId,
// x-amz-request-id, or the body's RequestId / RequestID.
#include "aws/parse/errors.h"

#include <array>
#include <initializer_list>
#include <utility>

#include "aws/parse/json_reader.h"
#include "aws/parse/rest_reader.h"
#include "aws/parse/scalar.h"
#include "aws/parse/xml_reader.h"

namespace rampart::aws::parse_internal {

namespace {

constexpr int kMaxFieldDepth = 16;

struct StatusName {
  int status;
  std::string_view code;
  std::string_view reason;
};

constexpr std::array kStatusNames = {
    StatusName{301, "PermanentRedirect", "Moved Permanently"},
    StatusName{302, "Found", "Found"},
    StatusName{304, "NotModified", "Not Modified"},
    StatusName{307, "TemporaryRedirect", "Temporary Redirect"},
    StatusName{400, "BadRequest", "Bad Request"},
    StatusName{401, "Unauthorized", "Unauthorized"},
    StatusName{403, "Forbidden", "Forbidden"},
    StatusName{404, "NotFound", "Not Found"},
    StatusName{405, "MethodNotAllowed", "Method Not Allowed"},
    StatusName{408, "RequestTimeout", "Request Timeout"},
    StatusName{409, "Conflict", "Conflict"},
    StatusName{411, "LengthRequired", "Length Required"},
    StatusName{412, "PreconditionFailed", "Precondition Failed"},
    StatusName{413, "RequestEntityTooLarge", "Request Entity Too Large"},
    StatusName{416, "InvalidRange", "Requested Range Not Satisfiable"},
    StatusName{429, "TooManyRequestsException", "Too Many Requests"},
    StatusName{500, "InternalError", "Internal Server Error"},
    StatusName{501, "NotImplemented", "Not Implemented"},
    StatusName{502, "BadGateway", "Bad Gateway"},
    StatusName{503, "ServiceUnavailable", "Service Unavailable"},
    StatusName{504, "GatewayTimeout", "Gateway Timeout"},
};

bool blank(std::string_view s) { return trim_ascii(s).empty(); }

// botocore's _replace_nodes: leaf elements become their text, others nested objects.
Json xml_fields(pugi::xml_node node, int depth) {
  Json out = Json::object();
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string key(local_name(c.name()));
    if (out.contains(key)) continue;
    bool has_children = false;
    for (pugi::xml_node g = c.first_child(); g; g = g.next_sibling()) {
      if (g.type() == pugi::node_element) has_children = true;
    }
    if (has_children && depth < kMaxFieldDepth) {
      out[key] = xml_fields(c, depth + 1);
    } else {
      out[key] = element_text(c);
    }
  }
  return out;
}

std::string string_field(const Json& obj, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = obj.find(k);
    if (it != obj.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}

// "aws.protocoltests#FooError:http://internal..." -> "FooError".
std::string clean_code(std::string code) {
  if (auto colon = code.find(':'); colon != std::string::npos) code.resize(colon);
  if (auto hash = code.rfind('#'); hash != std::string::npos) code.erase(0, hash + 1);
  return std::string(trim_ascii(code));
}

void read_xml_error(const ServiceModel& model, const Operation& op, const HttpResponse& response,
                    ErrorDetails& d, std::string& body_request_id) {
  if (blank(response.body)) return;
  pugi::xml_document doc;
  std::string why;
  if (!load_xml(response.body, doc, why)) {
    d.error.message = "unreadable error body: " + why;
    return;
  }
  pugi::xml_node root = doc.document_element();
  std::string_view root_name = local_name(root.name());
  pugi::xml_node err;
  bool s3_form = root_name == "Error";
  if (s3_form) {
    err = root;
  } else {
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view n = local_name(c.name());
      if (n == "Error" && !err) {
        err = c;
      } else if (n == "Errors" && !err) {
        for (pugi::xml_node e = c.first_child(); e; e = e.next_sibling()) {
          if (e.type() == pugi::node_element && local_name(e.name()) == "Error") {
            err = e;
            break;
          }
        }
      } else if (n == "RequestId" || n == "RequestID") {
        body_request_id = element_text(c);
      }
    }
  }
  if (!err) return;  // e.g. an HTML page from a proxy: the status decides
  d.fields = xml_fields(err, 0);
  if (s3_form) {
    body_request_id = string_field(d.fields, {"RequestId"});
    d.fields.erase("RequestId");
    d.fields.erase("HostId");
  }
  d.error.code = std::string(trim_ascii(string_field(d.fields, {"Code"})));
  d.error.message = string_field(d.fields, {"Message", "message"});

  std::uint32_t shape = find_error_shape(model, op, d.error.code);
  if (shape == kNoShape) return;
  d.shape = model.shape(shape).name;
  XmlReader reader(model);
  Json modeled;
  if (!reader.read_structure(shape, err, modeled)) return;
  ParseFailure failure;
  if (model.metadata.protocol == Protocol::RestXml &&
      !read_rest_metadata(model, shape, response, modeled, failure)) {
    return;
  }
  d.modeled = std::move(modeled);
}

void read_json_error(const ServiceModel& model, const Operation& op, const HttpResponse& response,
                     ErrorDetails& d) {
  Json body;
  std::string why;
  if (!load_json(response.body, body, why)) {
    body = Json{{"message", response.body.substr(0, 512)}};
  }
  if (!body.is_object()) body = Json::object();
  const std::string* header = response.header("x-amzn-ErrorType");
  std::string code;
  if (model.metadata.protocol == Protocol::RestJson) {
    if (header != nullptr) code = *header;
    if (code.empty()) code = string_field(body, {"code", "Code", "__type"});
  } else {
    code = string_field(body, {"__type"});
    if (code.empty() && header != nullptr) code = *header;
    if (code.empty()) code = string_field(body, {"code", "Code"});
  }
  code = clean_code(std::move(code));
  d.error.message = string_field(body, {"message", "Message", "errorMessage"});
  d.fields = Json{{"Code", code}, {"Message", d.error.message}};
  if (const std::string* query = response.header("x-amzn-query-error"); query != nullptr) {
    auto semi = query->find(';');
    if (semi != std::string::npos && semi > 0) {
      d.fields["QueryErrorCode"] = code;
      d.fields["Type"] = query->substr(semi + 1);
      code = query->substr(0, semi);
      d.fields["Code"] = code;
    }
  }
  d.error.code = code;

  std::uint32_t shape = find_error_shape(model, op, code);
  if (shape == kNoShape) return;
  d.shape = model.shape(shape).name;
  JsonReader reader(model);
  Json modeled;
  if (!reader.read_structure(shape, body, modeled)) return;
  ParseFailure failure;
  if (model.metadata.protocol == Protocol::RestJson &&
      !read_rest_metadata(model, shape, response, modeled, failure)) {
    return;
  }
  d.modeled = std::move(modeled);
}

bool shape_has_code(const Shape& s, std::string_view code) {
  return s.error_code.empty() ? s.name == code : (s.error_code == code || s.name == code);
}

}  // namespace

std::string_view status_code_name(int status) {
  for (const StatusName& s : kStatusNames) {
    if (s.status == status) return s.code;
  }
  return {};
}

std::string_view status_reason(int status) {
  for (const StatusName& s : kStatusNames) {
    if (s.status == status) return s.reason;
  }
  return {};
}

std::uint32_t find_error_shape(const ServiceModel& model, const Operation& op, std::string_view code) {
  if (code.empty()) return kNoShape;
  for (std::uint32_t id : op.errors) {
    if (id < model.shapes.size() && shape_has_code(model.shape(id), code)) return id;
  }
  for (std::uint32_t id = 0; id < model.shapes.size(); ++id) {
    const Shape& s = model.shape(id);
    if (s.exception && s.type == ShapeType::Structure && shape_has_code(s, code)) return id;
  }
  return kNoShape;
}

bool body_is_xml_error(std::string_view body) {
  std::size_t i = 0;
  if (body.starts_with("\xEF\xBB\xBF")) i = 3;
  while (i < body.size()) {
    char c = body[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
      continue;
    }
    if (body.substr(i, 2) == "<?" || body.substr(i, 4) == "<!--") {
      std::string_view close = body.substr(i, 2) == "<?" ? "?>" : "-->";
      std::size_t end = body.find(close, i);
      if (end == std::string_view::npos) return false;
      i = end + close.size();
      continue;
    }
    std::string_view rest = body.substr(i);
    return rest.starts_with("<Error>") || rest.starts_with("<Error ");
  }
  return false;
}

ErrorDetails read_error(const ServiceModel& model, const Operation& op, const HttpResponse& response,
                        int classify_status) {
  ErrorDetails d;
  d.error.http_status = response.status;
  d.fields = Json::object();
  d.modeled = Json::object();
  std::string body_request_id;
  switch (model.metadata.protocol) {
    case Protocol::Query:
    case Protocol::Ec2:
    case Protocol::RestXml:
      read_xml_error(model, op, response, d, body_request_id);
      break;
    case Protocol::Json:
    case Protocol::RestJson:
      read_json_error(model, op, response, d);
      break;
  }
  if (d.error.code.empty()) {
    // Bodyless (HEAD 404) or unreadable errors: name the status the way S3 would.
    std::string_view name = status_code_name(response.status);
    d.error.code = name.empty() ? std::to_string(response.status) : std::string(name);
    if (d.error.message.empty()) d.error.message = std::string(status_reason(response.status));
    d.fields["Code"] = d.error.code;
    d.fields["Message"] = d.error.message;
  }
  if (const std::string* id = response.header("x-amzn-RequestId"); id != nullptr && !id->empty()) {
    d.error.request_id = *id;
  } else if (const std::string* id2 = response.header("x-amz-request-id"); id2 != nullptr && !id2->empty()) {
    d.error.request_id = *id2;
  } else {
    d.error.request_id = std::move(body_request_id);
  }
  d.error.kind = classify_aws_error(d.error.code, classify_status);
  return d;
}

}  // namespace rampart::aws::parse_internal
