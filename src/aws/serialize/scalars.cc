// Parameter coercion and scalar formatting shared by every protocol serializer. Inputs come
// from code (typed JSON) and from the CLI (strings for everything), so numbers and booleans
// are accepted as strings; the text forms follow botocore (Python str() of the value).
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "aws/core/encoding.h"
#include "aws/serialize/serialize_internal.h"

namespace rampart::aws::ser {

namespace {

std::string_view json_type_name(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "a list";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::binary: return "binary";
    case Json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

bool is_integer_type(ShapeType t) {
  return t == ShapeType::Byte || t == ShapeType::Short || t == ShapeType::Integer ||
         t == ShapeType::Long || t == ShapeType::BigInteger;
}

std::optional<std::int64_t> parse_int(std::string_view s) {
  std::int64_t out = 0;
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, out);
  if (ec != std::errc() || p != end || s.empty()) return std::nullopt;
  return out;
}

std::optional<double> parse_double(std::string_view s) {
  if (s.empty()) return std::nullopt;
  double out = 0;
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, out);
  if (ec != std::errc() || p != end || !std::isfinite(out)) return std::nullopt;
  return out;
}

Json special_float(double d) {
  if (std::isnan(d)) return "NaN";
  return d > 0 ? "Infinity" : "-Infinity";
}

}  // namespace

std::string_view wire_name(const MemberRef& ref, const Shape& shape) {
  return !ref.location_name.empty() ? ref.location_name : shape.location_name;
}

bool is_flattened(const MemberRef& ref, const Shape& shape) {
  return ref.flattened || shape.flattened;
}

XmlNamespace xml_namespace(const MemberRef& ref, const Shape& shape) {
  if (!ref.xml_namespace.uri.empty() || !ref.xml_namespace.prefix.empty()) {
    return ref.xml_namespace;
  }
  return shape.xml_namespace;
}

TimestampFormat timestamp_format(const MemberRef& ref, const Shape& shape,
                                 TimestampFormat fallback) {
  if (ref.timestamp_format != TimestampFormat::Unset) return ref.timestamp_format;
  if (shape.timestamp_format != TimestampFormat::Unset) return shape.timestamp_format;
  return fallback;
}

const MemberRef* find_member(const Shape& shape, std::string_view name) {
  for (const MemberRef& m : shape.members) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

std::string member_path(std::string_view parent, std::string_view name) {
  if (parent.empty()) return std::string(name);
  return fmt::format("{}.{}", parent, name);
}

std::string index_path(std::string_view parent, std::size_t index) {
  return fmt::format("{}[{}]", parent, index);
}

Error invalid_param(std::string_view path, std::string_view what) {
  return make_error(ErrorKind::InvalidRequest,
                    fmt::format("invalid parameter {}: {}", path.empty() ? "(input)" : path, what),
                    "ParamValidation");
}

Error type_error(std::string_view path, std::string_view expected, const Json& got) {
  return invalid_param(path, fmt::format("expected {}, got {}", expected, json_type_name(got)));
}

Result<bool> as_bool(const Json& v, std::string_view path) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
  }
  return type_error(path, "a boolean", v);
}

Result<Json> as_number(const Json& v, ShapeType type, std::string_view path) {
  const bool integral = is_integer_type(type);
  const std::string_view want = integral ? "an integer" : "a number";
  if (v.is_number_integer()) return v;
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (integral) {
      if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.2e18) {
        return Json(static_cast<std::int64_t>(d));
      }
      return type_error(path, want, v);
    }
    if (!std::isfinite(d)) return special_float(d);
    return v;
  }
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    if (auto i = parse_int(s)) return Json(*i);
    if (!integral) {
      if (s == "NaN" || s == "Infinity" || s == "-Infinity") return Json(s);
      if (auto d = parse_double(s)) return Json(*d);
    }
    return invalid_param(path, fmt::format("expected {}, got \"{}\"", want, s));
  }
  return type_error(path, want, v);
}

Result<std::string> as_string(const Json& v, std::string_view path) {
  if (v.is_string()) return v.get<std::string>();
  return type_error(path, "a string", v);
}

Result<Timestamp> as_timestamp(const Json& v, std::string_view path) {
  // Years 0001..9999, the range every timestamp format can write.
  constexpr std::int64_t kMin = -62135596800;
  constexpr std::int64_t kMax = 253402300799;
  std::optional<Timestamp> t;
  if (v.is_number_unsigned()) {
    if (v.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMax)) {
      t = Timestamp{static_cast<std::int64_t>(v.get<std::uint64_t>()), 0};
    }
  } else if (v.is_number_integer()) {
    t = Timestamp{v.get<std::int64_t>(), 0};
  } else if (v.is_number_float()) {
    double d = v.get<double>();
    if (std::isfinite(d) && std::fabs(d) < 1e12) t = from_epoch(d);
  } else if (v.is_string()) {
    t = parse_any_timestamp(v.get_ref<const std::string&>());
    if (!t) {
      return invalid_param(path, fmt::format("expected a timestamp, got \"{}\"",
                                             v.get_ref<const std::string&>()));
    }
  } else {
    return type_error(path, "a timestamp", v);
  }
  if (!t || t->seconds < kMin || t->seconds > kMax) {
    return invalid_param(path, "timestamp out of range (years 0001-9999)");
  }
  return *t;
}

Result<void> check_container(const Json& v, ShapeType type, std::string_view path) {
  if (type == ShapeType::List) {
    if (!v.is_array()) return type_error(path, "a list", v);
  } else if (!v.is_object()) {
    return type_error(path, type == ShapeType::Map ? "a map (object)" : "a structure (object)",
                      v);
  }
  return {};
}

std::string number_text(const Json& number) {
  if (number.is_string()) return number.get<std::string>();
  if (number.is_number_integer()) return number.dump();
  double d = number.get<double>();
  if (!std::isfinite(d)) return special_float(d).get<std::string>();
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string out(buf, ec == std::errc() ? p : buf);
  // Python's str(float) always shows that the value is a float: 1.0, not 1.
  if (out.find_first_of(".en") == std::string::npos) out += ".0";
  return out;
}

std::string format_timestamp(Timestamp t, TimestampFormat format) {
  switch (format) {
    case TimestampFormat::Rfc822: return format_rfc822(Timestamp{t.seconds, 0});
    case TimestampFormat::UnixTimestamp: return std::to_string(t.seconds);
    case TimestampFormat::Iso8601:
    case TimestampFormat::Unset: break;
  }
  // botocore: whole seconds, or microseconds when there is a fraction.
  std::string whole = format_iso8601(Timestamp{t.seconds, 0}, 0);
  const std::int32_t micros = t.nanos / 1000;
  if (micros == 0 || whole.empty() || whole.back() != 'Z') return whole;
  whole.pop_back();
  return fmt::format("{}.{:06d}Z", whole, micros);
}

Json timestamp_json(Timestamp t, TimestampFormat format) {
  if (format == TimestampFormat::UnixTimestamp) return Json(t.seconds);
  return Json(format_timestamp(t, format));
}

Result<std::string> scalar_text(const ServiceModel& model, const MemberRef& ref, const Json& v,
                                std::string_view path, TimestampFormat ts_fallback) {
  const Shape& shape = model.shape(ref.shape);
  switch (shape.type) {
    case ShapeType::String: return as_string(v, path);
    case ShapeType::Boolean: {
      auto b = as_bool(v, path);
      if (!b) return b.error();
      return std::string(*b ? "true" : "false");
    }
    case ShapeType::Timestamp: {
      auto t = as_timestamp(v, path);
      if (!t) return t.error();
      return format_timestamp(*t, timestamp_format(ref, shape, ts_fallback));
    }
    case ShapeType::Blob: {
      auto s = as_string(v, path);
      if (!s) return s.error();
      return base64_encode(*s);
    }
    case ShapeType::Structure:
    case ShapeType::List:
    case ShapeType::Map: return type_error(path, "a scalar", v);
    default: break;
  }
  auto n = as_number(v, shape.type, path);
  if (!n) return n.error();
  return number_text(*n);
}

}  // namespace rampart::aws::ser
