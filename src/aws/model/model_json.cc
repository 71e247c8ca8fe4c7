// Loads botocore JSON models into the plain model structs. Shapes are indexed in the order of
// their names (sorted) so that loading is deterministic.
#include "aws/model/model_json.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace rampart::aws {

namespace {

struct Loader {
  ModelStorage& s;
  std::map<std::string, std::uint32_t, std::less<>> index;

  std::string_view keep(const std::string& text) {
    if (text.empty()) return {};
    return s.strings.emplace_back(text);
  }
  std::string_view str(const Json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) return {};
    return keep(it->get<std::string>());
  }
  static bool flag(const Json& obj, const char* key) {
    auto it = obj.find(key);
    return it != obj.end() && it->is_boolean() && it->get<bool>();
  }

  static Result<ShapeType> shape_type(std::string_view t) {
    static const std::map<std::string_view, ShapeType> kTypes = {
        {"structure", ShapeType::Structure}, {"list", ShapeType::List},
        {"map", ShapeType::Map},             {"string", ShapeType::String},
        {"boolean", ShapeType::Boolean},     {"byte", ShapeType::Byte},
        {"short", ShapeType::Short},         {"integer", ShapeType::Integer},
        {"long", ShapeType::Long},           {"float", ShapeType::Float},
        {"double", ShapeType::Double},       {"bigInteger", ShapeType::BigInteger},
        {"bigDecimal", ShapeType::BigDecimal}, {"timestamp", ShapeType::Timestamp},
        {"blob", ShapeType::Blob},
    };
    auto it = kTypes.find(t);
    if (it == kTypes.end()) return make_error(ErrorKind::Parse, fmt::format("unknown shape type '{}'", t));
    return it->second;
  }

  static TimestampFormat ts_format(std::string_view f) {
    if (f == "iso8601") return TimestampFormat::Iso8601;
    if (f == "rfc822") return TimestampFormat::Rfc822;
    if (f == "unixTimestamp") return TimestampFormat::UnixTimestamp;
    return TimestampFormat::Unset;
  }

  static Location location(std::string_view l) {
    if (l == "header") return Location::Header;
    if (l == "headers") return Location::Headers;
    if (l == "uri") return Location::Uri;
    if (l == "querystring") return Location::QueryString;
    if (l == "statusCode") return Location::StatusCode;
    return Location::Body;
  }

  XmlNamespace xml_ns(const Json& obj) {
    auto it = obj.find("xmlNamespace");
    if (it == obj.end()) return {};
    if (it->is_string()) return {{}, keep(it->get<std::string>())};
    if (!it->is_object()) return {};
    return {str(*it, "prefix"), str(*it, "uri")};
  }

  Result<MemberRef> member(const Json& ref, std::string_view name, std::string_view where) {
    if (!ref.is_object()) return make_error(ErrorKind::Parse, fmt::format("{}: not an object", where));
    MemberRef m;
    m.name = name.empty() ? std::string_view{} : keep(std::string(name));
    auto shape = ref.find("shape");
    if (shape == ref.end() || !shape->is_string()) {
      return make_error(ErrorKind::Parse, fmt::format("{}: missing \"shape\"", where));
    }
    auto it = index.find(shape->get<std::string>());
    if (it == index.end()) {
      return make_error(ErrorKind::Parse,
                        fmt::format("{}: unknown shape '{}'", where, shape->get<std::string>()));
    }
    m.shape = it->second;
    m.location = location(str(ref, "location"));
    m.location_name = str(ref, "locationName");
    m.query_name = str(ref, "queryName");
    m.xml_namespace = xml_ns(ref);
    m.timestamp_format = ts_format(str(ref, "timestampFormat"));
    m.xml_attribute = flag(ref, "xmlAttribute");
    m.flattened = flag(ref, "flattened");
    m.host_label = flag(ref, "hostLabel");
    m.idempotency_token = flag(ref, "idempotencyToken");
    m.json_value = flag(ref, "jsonvalue");
    m.event_payload = flag(ref, "eventpayload");
    return m;
  }

  Result<void> fill_shape(Shape& out, const std::string& name, const Json& def) {
    std::string where = "shape " + name;
    if (!def.is_object()) return make_error(ErrorKind::Parse, where + ": not an object");
    auto type = shape_type(def.value("type", std::string()));
    if (!type) return make_error(ErrorKind::Parse, where + ": " + type.error().message);
    out.type = *type;
    out.payload = str(def, "payload");
    out.location_name = str(def, "locationName");
    out.xml_namespace = xml_ns(def);
    out.timestamp_format = ts_format(str(def, "timestampFormat"));
    out.flattened = flag(def, "flattened");
    out.exception = flag(def, "exception");
    out.fault = flag(def, "fault");
    out.document = flag(def, "document");
    out.is_union = flag(def, "union");
    out.streaming = flag(def, "streaming");
    out.sensitive = flag(def, "sensitive");
    out.event_stream = flag(def, "eventstream");
    out.requires_length = flag(def, "requiresLength");
    if (auto err = def.find("error"); err != def.end() && err->is_object()) {
      out.error_code = str(*err, "code");
      out.error_status = static_cast<std::uint16_t>(err->value("httpStatusCode", 0));
    }
    if (out.type == ShapeType::Structure) {
      std::vector<MemberRef> members;
      auto required = def.find("required");
      if (auto ms = def.find("members"); ms != def.end() && ms->is_object()) {
        for (const auto& [mname, mdef] : ms->items()) {
          auto m = member(mdef, mname, where + "." + mname);
          if (!m) return m.error();
          if (required != def.end() && required->is_array()) {
            m->required = std::find(required->begin(), required->end(), mname) != required->end();
          }
          members.push_back(*m);
        }
      }
      out.members = s.member_arrays.emplace_back(std::move(members));
    } else if (out.type == ShapeType::List) {
      auto m = member(def.value("member", Json::object()), "", where + ".member");
      if (!m) return m.error();
      out.member = *m;
    } else if (out.type == ShapeType::Map) {
      auto k = member(def.value("key", Json::object()), "", where + ".key");
      if (!k) return k.error();
      auto v = member(def.value("value", Json::object()), "", where + ".value");
      if (!v) return v.error();
      out.key = *k;
      out.value = *v;
    }
    return {};
  }
};

Result<Protocol> parse_protocol(std::string_view p) {
  if (p == "query") return Protocol::Query;
  if (p == "ec2") return Protocol::Ec2;
  if (p == "json") return Protocol::Json;
  if (p == "rest-json") return Protocol::RestJson;
  if (p == "rest-xml") return Protocol::RestXml;
  return make_error(ErrorKind::Parse, fmt::format("unsupported protocol '{}'", p));
}

void refresh_views(ModelStorage& s) {
  std::sort(s.operations.begin(), s.operations.end(),
            [](const Operation& a, const Operation& b) { return a.name < b.name; });
  std::sort(s.paginators.begin(), s.paginators.end(),
            [](const Paginator& a, const Paginator& b) { return a.operation < b.operation; });
  s.model.shapes = s.shapes;
  s.model.operations = s.operations;
  s.model.paginators = s.paginators;
}

}  // namespace

Result<void> add_operation(ModelStorage& storage, const Json& op) {
  Loader l{storage, {}};
  for (std::uint32_t i = 0; i < storage.shapes.size(); ++i) {
    l.index.emplace(std::string(storage.shapes[i].name), i);
  }
  if (!op.is_object() || !op.contains("name")) {
    return make_error(ErrorKind::Parse, "operation: missing \"name\"");
  }
  Operation o;
  o.name = l.str(op, "name");
  std::string where = "operation " + std::string(o.name);
  if (auto http = op.find("http"); http != op.end() && http->is_object()) {
    if (auto m = l.str(*http, "method"); !m.empty()) o.http_method = m;
    if (auto u = l.str(*http, "requestUri"); !u.empty()) o.request_uri = u;
    o.response_code = static_cast<std::uint16_t>(http->value("responseCode", 200));
  }
  if (auto in = op.find("input"); in != op.end()) {
    auto m = l.member(*in, "", where + ".input");
    if (!m) return m.error();
    o.input = *m;
  }
  if (auto out = op.find("output"); out != op.end()) {
    auto m = l.member(*out, "", where + ".output");
    if (!m) return m.error();
    o.output = *m;
    o.result_wrapper = l.str(*out, "resultWrapper");
  }
  if (auto ep = op.find("endpoint"); ep != op.end() && ep->is_object()) {
    o.host_prefix = l.str(*ep, "hostPrefix");
  }
  o.auth_type = l.str(op, "authtype");
  o.http_checksum_required = Loader::flag(op, "httpChecksumRequired");
  o.deprecated = Loader::flag(op, "deprecated");
  if (auto errs = op.find("errors"); errs != op.end() && errs->is_array()) {
    std::vector<std::uint32_t> ids;
    for (const auto& e : *errs) {
      auto m = l.member(e, "", where + ".errors");
      if (!m) return m.error();
      ids.push_back(m->shape);
    }
    o.errors = storage.index_arrays.emplace_back(std::move(ids));
  }
  std::erase_if(storage.operations, [&](const Operation& x) { return x.name == o.name; });
  storage.operations.push_back(o);
  refresh_views(storage);
  return {};
}

Result<std::unique_ptr<ModelStorage>> load_model(const Json& service, const Json& paginators) {
  auto storage = std::make_unique<ModelStorage>();
  ModelStorage& s = *storage;
  Loader l{s, {}};
  if (!service.is_object()) return make_error(ErrorKind::Parse, "model: not a JSON object");

  const Json meta = service.value("metadata", Json::object());
  auto protocol = parse_protocol(meta.value("protocol", std::string("query")));
  if (!protocol) return protocol.error();
  ServiceMetadata& md = s.model.metadata;
  md.protocol = *protocol;
  md.api_version = l.str(meta, "apiVersion");
  md.json_version = l.str(meta, "jsonVersion");
  md.target_prefix = l.str(meta, "targetPrefix");
  md.endpoint_prefix = l.str(meta, "endpointPrefix");
  md.signing_name = l.str(meta, "signingName");
  if (md.signing_name.empty()) md.signing_name = md.endpoint_prefix;
  md.service_id = l.str(meta, "serviceId");
  md.xml_namespace = l.str(meta, "xmlNamespace");
  if (auto ns = meta.find("xmlNamespace"); ns != meta.end() && ns->is_object()) {
    md.xml_namespace = l.str(*ns, "uri");
  }
  md.global_endpoint = l.str(meta, "globalEndpoint");
  md.signature_version = l.str(meta, "signatureVersion");
  md.aws_query_compatible = meta.contains("awsQueryCompatible");

  const Json shapes = service.value("shapes", Json::object());
  std::vector<std::string> names;
  for (const auto& [name, def] : shapes.items()) names.push_back(name);
  std::sort(names.begin(), names.end());
  s.shapes.resize(names.size());
  for (std::uint32_t i = 0; i < names.size(); ++i) {
    s.shapes[i].name = l.keep(names[i]);
    l.index.emplace(names[i], i);
  }
  for (std::uint32_t i = 0; i < names.size(); ++i) {
    if (auto r = l.fill_shape(s.shapes[i], names[i], shapes[names[i]]); !r) return r.error();
  }
  refresh_views(s);

  if (auto ops = service.find("operations"); ops != service.end() && ops->is_object()) {
    for (const auto& [name, def] : ops->items()) {
      Json op = def;
      if (!op.contains("name")) op["name"] = name;
      if (auto r = add_operation(s, op); !r) return r.error();
    }
  }

  if (paginators.is_object()) {
    auto views = [&](const Json& v) -> std::span<const std::string_view> {
      std::vector<std::string_view> out;
      if (v.is_string()) out.push_back(l.keep(v.get<std::string>()));
      if (v.is_array()) {
        for (const auto& x : v) {
          if (x.is_string()) out.push_back(l.keep(x.get<std::string>()));
        }
      }
      return s.view_arrays.emplace_back(std::move(out));
    };
    for (const auto& [op, def] : paginators.items()) {
      if (!def.is_object()) continue;
      Paginator p;
      p.operation = l.keep(op);
      p.input_token = views(def.value("input_token", Json()));
      p.output_token = views(def.value("output_token", Json()));
      p.result_key = views(def.value("result_key", Json()));
      p.limit_key = l.str(def, "limit_key");
      p.more_results = l.str(def, "more_results");
      s.paginators.push_back(p);
    }
  }
  refresh_views(s);
  return storage;
}

}  // namespace rampart::aws
