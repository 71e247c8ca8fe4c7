// JSON bodies: the awsJson 1.0/1.1 RPC protocol (POST / with X-Amz-Target) and the body
// encoder rest-json shares. Structure members use their locationName as key; timestamps are
// epoch seconds unless the model says otherwise; blobs are base64; NaN and the infinities
// are the strings "NaN", "Infinity", "-Infinity". Null members are left out.
#include "aws/core/encoding.h"
#include "aws/serialize/serialize_internal.h"

namespace rampart::aws::ser {

namespace {

Result<Json> structure_json(const ServiceModel& model, const Shape& shape, const Json& v,
                            const std::string& path) {
  Json out = Json::object();
  for (const auto& [key, value] : v.items()) {
    const MemberRef* m = find_member(shape, key);
    if (m == nullptr) return invalid_param(member_path(path, key), "unknown member");
    if (value.is_null()) continue;
    auto j = json_value(model, *m, value, member_path(path, key));
    if (!j) return j.error();
    std::string_view name = wire_name(*m, model.shape(m->shape));
    out[std::string(name.empty() ? std::string_view(key) : name)] = std::move(*j);
  }
  return out;
}

}  // namespace

Result<Json> json_value(const ServiceModel& model, const MemberRef& ref, const Json& v,
                        const std::string& path) {
  const Shape& shape = model.shape(ref.shape);
  if (v.is_null()) return Json();  // sparse lists and maps keep their nulls
  switch (shape.type) {
    case ShapeType::Structure: {
      if (shape.document) return v;
      if (auto r = check_container(v, shape.type, path); !r) return r.error();
      return structure_json(model, shape, v, path);
    }
    case ShapeType::List: {
      if (auto r = check_container(v, shape.type, path); !r) return r.error();
      Json out = Json::array();
      for (std::size_t i = 0; i < v.size(); ++i) {
        auto j = json_value(model, shape.member, v[i], index_path(path, i));
        if (!j) return j.error();
        out.push_back(std::move(*j));
      }
      return out;
    }
    case ShapeType::Map: {
      if (auto r = check_container(v, shape.type, path); !r) return r.error();
      Json out = Json::object();
      for (const auto& [key, value] : v.items()) {
        auto j = json_value(model, shape.value, value, member_path(path, key));
        if (!j) return j.error();
        out[key] = std::move(*j);
      }
      return out;
    }
    case ShapeType::String: {
      auto s = as_string(v, path);
      if (!s) return s.error();
      return Json(std::move(*s));
    }
    case ShapeType::Boolean: {
      auto b = as_bool(v, path);
      if (!b) return b.error();
      return Json(*b);
    }
    case ShapeType::Timestamp: {
      auto t = as_timestamp(v, path);
      if (!t) return t.error();
      return timestamp_json(*t, timestamp_format(ref, shape, TimestampFormat::UnixTimestamp));
    }
    case ShapeType::Blob: {
      auto s = as_string(v, path);
      if (!s) return s.error();
      return Json(base64_encode(*s));
    }
    default: return as_number(v, shape.type, path);
  }
}

std::string dump_json(const Json& v) {
  return v.dump(-1, ' ', true, Json::error_handler_t::replace);
}

Result<void> serialize_json_rpc(const ServiceModel& model, const Operation& op,
                                const Json& params, HttpRequest& out) {
  std::string_view version = model.metadata.json_version.empty() ? std::string_view("1.0")
                                                                  : model.metadata.json_version;
  out.method = std::string(op.http_method.empty() ? std::string_view("POST") : op.http_method);
  out.path = "/";
  out.headers.emplace_back("X-Amz-Target",
                           std::string(model.metadata.target_prefix) + "." + std::string(op.name));
  out.headers.emplace_back("Content-Type", "application/x-amz-json-" + std::string(version));
  // Services migrated from the query protocol answer with query-style error codes when asked.
  if (model.metadata.aws_query_compatible) out.headers.emplace_back("x-amzn-query-mode", "true");
  Json body = Json::object();
  if (op.input.shape != kNoShape) {
    auto j = json_value(model, op.input, params, "");
    if (!j) return j.error();
    if (!j->is_null()) body = std::move(*j);
  }
  out.body = dump_json(body);
  return {};
}

}  // namespace rampart::aws::ser
