// The query and ec2 protocols: parameters flattened into a form-encoded POST body of
// "Action=Op&Version=...&Name.member.1=x". Query lists use ".member.N" (or the member's
// locationName, or nothing when flattened), maps ".entry.N.key/value"; an empty list is sent
// as "Name=". EC2 always writes lists as "Name.N", never sends empty lists, and names members
// by queryName, else the capitalized locationName, else the capitalized member name.
#include "aws/core/encoding.h"
#include "aws/serialize/serialize_internal.h"

#include <utility>
#include <vector>

namespace rampart::aws::ser {

namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

class QueryWriter {
 public:
  QueryWriter(const ServiceModel& model, bool ec2) : model_(model), ec2_(ec2) {}

  Result<void> write(const MemberRef& ref, const Json& v, const std::string& prefix,
                     const std::string& path) {
    const Shape& shape = model_.shape(ref.shape);
    switch (shape.type) {
      case ShapeType::Structure: return structure(shape, v, prefix, path);
      case ShapeType::List: return list(ref, shape, v, prefix, path);
      case ShapeType::Map: return map(ref, shape, v, prefix, path);
      default: break;
    }
    auto text = scalar_text(model_, ref, v, path, TimestampFormat::Iso8601);
    if (!text) return text.error();
    out_.emplace_back(prefix, std::move(*text));
    return {};
  }

  Params take() { return std::move(out_); }

 private:
  std::string name_of(const MemberRef& ref, std::string_view fallback,
                      bool capitalize_fallback = true) const {
    const Shape& shape = model_.shape(ref.shape);
    if (ec2_) {
      if (!ref.query_name.empty()) return std::string(ref.query_name);
      // Smithy's ec2Query rule: the member name is capitalized too (botocore keeps it as is;
      // real EC2 member names are already capitalized, so both agree there).
      std::string name(wire_name(ref, shape));
      if (name.empty()) {
        if (!capitalize_fallback) return std::string(fallback);
        name = std::string(fallback);
      }
      if (name.empty()) return name;
      name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
      return name;
    }
    std::string_view name = wire_name(ref, shape);
    return std::string(name.empty() ? fallback : name);
  }

  Result<void> structure(const Shape& shape, const Json& v, const std::string& prefix,
                         const std::string& path) {
    if (auto r = check_container(v, shape.type, path); !r) return r;
    for (const auto& [key, value] : v.items()) {
      const MemberRef* m = find_member(shape, key);
      if (m == nullptr) return invalid_param(member_path(path, key), "unknown member");
      if (value.is_null()) continue;
      std::string name = name_of(*m, key);
      std::string p = prefix.empty() ? name : prefix + "." + name;
      if (auto r = write(*m, value, p, member_path(path, key)); !r) return r;
    }
    return {};
  }

  Result<void> list(const MemberRef& ref, const Shape& shape, const Json& v,
                    const std::string& prefix, const std::string& path) {
    if (auto r = check_container(v, shape.type, path); !r) return r;
    std::string list_prefix;
    if (ec2_) {
      list_prefix = prefix;
    } else if (v.empty()) {
      out_.emplace_back(prefix, "");
      return {};
    } else if (is_flattened(ref, shape)) {
      list_prefix = prefix;
      std::string_view item = wire_name(shape.member, model_.shape(shape.member.shape));
      if (!item.empty()) {
        auto dot = prefix.rfind('.');
        list_prefix = (dot == std::string::npos ? std::string() : prefix.substr(0, dot + 1)) +
                      std::string(item);
      }
    } else {
      std::string_view item = wire_name(shape.member, model_.shape(shape.member.shape));
      list_prefix = prefix + "." + std::string(item.empty() ? "member" : item);
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i].is_null()) continue;
      auto r = write(shape.member, v[i], list_prefix + "." + std::to_string(i + 1),
                     index_path(path, i));
      if (!r) return r;
    }
    return {};
  }

  Result<void> map(const MemberRef& ref, const Shape& shape, const Json& v,
                   const std::string& prefix, const std::string& path) {
    if (auto r = check_container(v, shape.type, path); !r) return r;
    std::string base = is_flattened(ref, shape) ? prefix : prefix + ".entry";
    std::string key_name = name_of(shape.key, "key", false);
    std::string value_name = name_of(shape.value, "value", false);
    std::size_t i = 0;
    for (const auto& [key, value] : v.items()) {
      if (value.is_null()) continue;
      std::string entry = base + "." + std::to_string(++i) + ".";
      std::string value_path = member_path(path, key);
      if (auto r = write(shape.key, Json(key), entry + key_name, value_path); !r) return r;
      if (auto r = write(shape.value, value, entry + value_name, value_path); !r) return r;
    }
    return {};
  }

  const ServiceModel& model_;
  bool ec2_;
  Params out_;
};

}  // namespace

Result<void> serialize_query(const ServiceModel& model, const Operation& op, const Json& params,
                             HttpRequest& out) {
  QueryWriter writer(model, model.metadata.protocol == Protocol::Ec2);
  if (op.input.shape != kNoShape && !params.is_null()) {
    if (auto r = writer.write(op.input, params, "", ""); !r) return r;
  }
  std::string body = "Action=" + uri_encode(op.name) + "&Version=" +
                     uri_encode(model.metadata.api_version);
  for (const auto& [k, v] : writer.take()) {
    body += "&" + uri_encode(k) + "=" + uri_encode(v);
  }
  out.method = std::string(op.http_method.empty() ? std::string_view("POST") : op.http_method);
  out.path = "/";
  out.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  out.body = std::move(body);
  return {};
}

}  // namespace rampart::aws::ser
