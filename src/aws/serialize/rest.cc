// rest-json and rest-xml: members are partitioned by their "location" into URI labels
// ({Bucket}, greedy {Key+} keeps '/'), query string parameters, headers (and "headers" prefix
// maps), and the body. The body is the "payload" member when the input names one (a
// blob/string payload is sent raw, a structure payload encoded), else a JSON object / XML
// document of the remaining members. Location defaults follow botocore: URI and query
// timestamps ISO 8601, header timestamps RFC 822, header lists joined with ", ".
#include <map>
#include <utility>
#include <vector>

#include "aws/core/encoding.h"
#include "aws/serialize/serialize_internal.h"

namespace rampart::aws::ser {

namespace {

struct Partitioned {
  std::map<std::string, std::string, std::less<>> uri;
  std::vector<std::pair<std::string, std::vector<std::string>>> query;
  Headers headers;
  Json body = Json::object();
};

void set_query(Partitioned& p, const std::string& key, std::vector<std::string> values) {
  for (auto& [k, v] : p.query) {
    if (k == key) {
      v = std::move(values);
      return;
    }
  }
  p.query.emplace_back(key, std::move(values));
}

// A header list element: quoted when it holds a comma or a double quote.
std::string quote_list_item(const std::string& s) {
  if (s.find_first_of(",\"") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '\\';
    out += c;
  }
  return out + "\"";
}

Result<std::string> header_text(const ServiceModel& model, const MemberRef& ref, const Json& v,
                                const std::string& path) {
  const Shape& shape = model.shape(ref.shape);
  if (shape.type == ShapeType::List) {
    if (auto r = check_container(v, shape.type, path); !r) return r.error();
    const bool strings = model.shape(shape.member.shape).type == ShapeType::String;
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i].is_null()) continue;
      auto t = header_text(model, shape.member, v[i], index_path(path, i));
      if (!t) return t;
      if (!out.empty()) out += ", ";
      out += strings ? quote_list_item(*t) : *t;
    }
    return out;
  }
  if (ref.json_value && shape.type == ShapeType::String) {
    return base64_encode(dump_json(v));
  }
  return scalar_text(model, ref, v, path, TimestampFormat::Rfc822);
}

Result<std::vector<std::string>> query_values(const ServiceModel& model, const MemberRef& ref,
                                              const Json& v, const std::string& path) {
  const Shape& shape = model.shape(ref.shape);
  std::vector<std::string> out;
  if (shape.type == ShapeType::List) {
    if (auto r = check_container(v, shape.type, path); !r) return r.error();
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i].is_null()) continue;
      auto t = scalar_text(model, shape.member, v[i], index_path(path, i),
                           TimestampFormat::Iso8601);
      if (!t) return t.error();
      out.push_back(std::move(*t));
    }
    return out;
  }
  auto t = scalar_text(model, ref, v, path, TimestampFormat::Iso8601);
  if (!t) return t.error();
  out.push_back(std::move(*t));
  return out;
}

Result<void> partition(const ServiceModel& model, const std::string& name, const MemberRef& m,
                       const Json& v, Partitioned& p) {
  const Shape& shape = model.shape(m.shape);
  std::string_view wire = wire_name(m, shape);
  std::string key(wire.empty() ? std::string_view(name) : wire);
  switch (m.location) {
    case Location::Uri: {
      auto t = scalar_text(model, m, v, name, TimestampFormat::Iso8601);
      if (!t) return t.error();
      p.uri[key] = std::move(*t);
      return {};
    }
    case Location::QueryString: {
      if (shape.type != ShapeType::Map) {
        auto values = query_values(model, m, v, name);
        if (!values) return values.error();
        set_query(p, key, std::move(*values));
        return {};
      }
      if (auto r = check_container(v, shape.type, name); !r) return r;
      for (const auto& [k, val] : v.items()) {
        if (val.is_null()) continue;
        auto values = query_values(model, shape.value, val, member_path(name, k));
        if (!values) return values.error();
        set_query(p, k, std::move(*values));
      }
      return {};
    }
    case Location::Header: {
      if (shape.type == ShapeType::List && v.is_array() && v.empty()) return {};
      auto t = header_text(model, m, v, name);
      if (!t) return t.error();
      p.headers.emplace_back(key, std::move(*t));
      return {};
    }
    case Location::Headers: {
      if (auto r = check_container(v, ShapeType::Map, name); !r) return r;
      for (const auto& [k, val] : v.items()) {
        if (val.is_null()) continue;
        auto t = shape.type == ShapeType::Map
                     ? scalar_text(model, shape.value, val, member_path(name, k),
                                   TimestampFormat::Rfc822)
                     : as_string(val, member_path(name, k));
        if (!t) return t.error();
        p.headers.emplace_back(key + k, std::move(*t));
      }
      return {};
    }
    case Location::StatusCode: return {};
    case Location::Body: break;
  }
  p.body[name] = v;
  return {};
}

// Expands {Label} and greedy {Label+} in the request URI.
Result<std::string> render_uri(std::string_view tmpl, const Partitioned& p) {
  std::string out;
  std::size_t i = 0;
  while (i < tmpl.size()) {
    std::size_t open = tmpl.find('{', i);
    if (open == std::string_view::npos) break;
    std::size_t close = tmpl.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(tmpl.substr(i, open - i));
    std::string_view label = tmpl.substr(open + 1, close - open - 1);
    const bool greedy = !label.empty() && label.back() == '+';
    if (greedy) label.remove_suffix(1);
    auto it = p.uri.find(label);
    if (it == p.uri.end()) {
      return invalid_param(label, "missing required URI parameter");
    }
    if (it->second.empty()) return invalid_param(label, "URI parameter must not be empty");
    out += uri_encode(it->second, greedy);
    i = close + 1;
  }
  out.append(tmpl.substr(i));
  return out;
}

bool is_raw_payload(const Shape& s) {
  return s.type == ShapeType::Blob || s.type == ShapeType::String;
}

Result<std::string> encode_body(const ServiceModel& model, const MemberRef& ref, const Json& v,
                                const std::string& path) {
  if (model.metadata.protocol == Protocol::RestXml) {
    const Shape& shape = model.shape(ref.shape);
    std::string_view root = wire_name(ref, shape);
    if (root.empty()) root = !ref.name.empty() ? ref.name : shape.name;
    return xml_document(model, ref, root, v, path);
  }
  auto j = json_value(model, ref, v, path);
  if (!j) return j.error();
  return dump_json(*j);
}

Result<void> write_body(const ServiceModel& model, const Operation& op, const Shape& input,
                        const Json& params, const Partitioned& p, HttpRequest& out) {
  const bool json = model.metadata.protocol == Protocol::RestJson;
  if (!input.payload.empty()) {
    const MemberRef* m = find_member(input, input.payload);
    if (m == nullptr) return invalid_param(input.payload, "payload member not in the model");
    const Shape& ps = model.shape(m->shape);
    auto it = params.find(std::string(input.payload));
    const bool present = it != params.end() && !it->is_null();
    if (is_raw_payload(ps)) {
      if (!present) return {};
      auto raw = as_string(*it, input.payload);
      if (!raw) return raw.error();
      out.body = std::move(*raw);
      return {};
    }
    if (!present) {
      if (json) out.body = "{}";
      return {};
    }
    auto body = encode_body(model, *m, *it, std::string(input.payload));
    if (!body) return body.error();
    out.body = std::move(*body);
    return {};
  }
  if (!p.body.empty()) {
    auto body = encode_body(model, op.input, p.body, "");
    if (!body) return body.error();
    out.body = std::move(*body);
    return {};
  }
  if (json) {
    for (const MemberRef& m : input.members) {
      if (m.location == Location::Body) {
        out.body = "{}";
        break;
      }
    }
  }
  return {};
}

}  // namespace

Result<void> serialize_rest(const ServiceModel& model, const Operation& op, const Json& params,
                            HttpRequest& out) {
  out.method = std::string(op.http_method.empty() ? std::string_view("POST") : op.http_method);
  Partitioned p;
  std::string_view uri_template = op.request_uri.empty() ? std::string_view("/") : op.request_uri;
  const Shape* input = op.input.shape == kNoShape ? nullptr : &model.shape(op.input.shape);
  if (input != nullptr) {
    if (!params.is_null()) {
      if (auto r = check_container(params, ShapeType::Structure, ""); !r) return r;
    }
    for (const auto& [name, value] : params.items()) {
      const MemberRef* m = find_member(*input, name);
      if (m == nullptr) return invalid_param(name, "unknown member");
      if (value.is_null()) continue;
      if (auto r = partition(model, name, *m, value, p); !r) return r;
    }
  }
  auto uri = render_uri(uri_template, p);
  if (!uri) return uri.error();
  std::string query;
  if (auto q = uri->find('?'); q != std::string::npos) {
    query = uri->substr(q + 1);
    uri->resize(q);
  }
  out.path = uri->empty() ? "/" : *uri;
  for (const auto& [k, values] : p.query) {
    for (const auto& v : values) {
      if (!query.empty()) query += '&';
      query += uri_encode(k) + "=" + uri_encode(v);
    }
  }
  out.query = std::move(query);
  for (auto& h : p.headers) out.headers.push_back(std::move(h));
  if (input == nullptr) return {};
  const Shape* payload_shape = nullptr;
  if (!input->payload.empty()) {
    if (const MemberRef* m = find_member(*input, input->payload)) {
      payload_shape = &model.shape(m->shape);
    }
  }
  if (auto r = write_body(model, op, *input, params, p, out); !r) return r;
  if (out.header("Content-Type") != nullptr) return {};
  // Smithy's defaults: blobs are octet streams, strings text, structures JSON or XML.
  if (payload_shape != nullptr && payload_shape->type == ShapeType::Blob) {
    out.headers.emplace_back("Content-Type", "application/octet-stream");
  } else if (payload_shape != nullptr && payload_shape->type == ShapeType::String) {
    if (!out.body.empty()) out.headers.emplace_back("Content-Type", "text/plain");
  } else if (!out.body.empty()) {
    out.headers.emplace_back("Content-Type", model.metadata.protocol == Protocol::RestJson
                                                 ? "application/json"
                                                 : "application/xml");
  }
  return {};
}

}  // namespace rampart::aws::ser
