// JSON body reader. botocore semantics (parsers.py, BaseJSONParser), restated:
//  - structure members are looked up by locationName, else member name; null members are absent;
//  - a document shape passes through unchanged; a union must have exactly one non-null member
//    ("__type" ignored), and an unknown one becomes {"SDK_UNKNOWN_MEMBER": {"name": tag}};
//  - list items and map values keep nulls (sparse collections);
//  - timestamps are epoch numbers or strings (ISO 8601 / RFC 822 / epoch text), blobs base64.
#include "aws/parse/json_reader.h"

#include <cmath>
#include <exception>

namespace rampart::aws::parse_internal {

namespace {

constexpr int kMaxDepth = 128;

const char* type_word(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "an integer";
    case Json::value_t::number_float: return "a number";
    default: return "an unexpected value";
  }
}

bool is_blank(const std::string& body) {
  for (char c : body) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

}  // namespace

bool load_json(const std::string& body, Json& out, std::string& why) {
  if (is_blank(body)) {
    out = Json::object();
    return true;
  }
  try {
    out = Json::parse(body);
  } catch (const std::exception& e) {
    why = std::string("invalid JSON (") + e.what() + ")";
    return false;
  }
  return true;
}

bool JsonReader::read_scalar(const Shape& s, Json& in, Json& out) {
  auto wrong = [&](const char* expected) {
    failure_.what = std::string("expected ") + expected + ", got " + type_word(in);
    return false;
  };
  switch (s.type) {
    case ShapeType::Timestamp:
      if (in.is_number_integer()) {
        out = timestamp_output(Timestamp{in.get<std::int64_t>(), 0});
        return true;
      }
      if (in.is_number_float()) {
        double d = in.get<double>();
        if (!std::isfinite(d)) return wrong("a timestamp");
        out = timestamp_output(timestamp_from_double(d));
        return true;
      }
      if (in.is_string()) return scalar_from_text(s.type, in.get_ref<const std::string&>(), out, failure_);
      return wrong("a timestamp");
    case ShapeType::Blob:
      if (in.is_string()) {
        out = std::move(in);
        return true;
      }
      return wrong("a base64 string");
    case ShapeType::Boolean:
      if (in.is_boolean()) {
        out = std::move(in);
        return true;
      }
      if (in.is_string()) return scalar_from_text(s.type, in.get_ref<const std::string&>(), out, failure_);
      return wrong("a boolean");
    case ShapeType::Byte:
    case ShapeType::Short:
    case ShapeType::Integer:
    case ShapeType::Long:
    case ShapeType::BigInteger:
      if (in.is_number_integer()) {
        out = std::move(in);
        return true;
      }
      if (in.is_number_float()) {
        double d = in.get<double>();
        if (std::trunc(d) != d || std::fabs(d) > 9.2e18) return wrong("an integer");
        out = static_cast<std::int64_t>(d);
        return true;
      }
      if (in.is_string()) return scalar_from_text(s.type, in.get_ref<const std::string&>(), out, failure_);
      return wrong("an integer");
    case ShapeType::Float:
    case ShapeType::Double:
    case ShapeType::BigDecimal:
      if (in.is_number()) {
        out = std::move(in);
        return true;
      }
      if (in.is_string()) return scalar_from_text(s.type, in.get_ref<const std::string&>(), out, failure_);
      return wrong("a number");
    case ShapeType::String:
    default:
      // Strings pass through; a service sending another JSON type here is tolerated as botocore does.
      out = std::move(in);
      return true;
  }
}

bool JsonReader::read_structure(std::uint32_t shape_id, Json& in, Json& out) {
  const Shape& s = model_.shape(shape_id);
  if (s.document) {
    out = std::move(in);
    return true;
  }
  if (!in.is_object()) {
    failure_.what = std::string("expected an object for ") + std::string(s.name) + ", got " + type_word(in);
    return false;
  }
  out = Json::object();
  if (s.is_union) {
    std::string tag;
    std::size_t set = 0;
    for (auto it = in.begin(); it != in.end(); ++it) {
      if (it.key() == "__type" || it.value().is_null()) continue;
      ++set;
      tag = it.key();
    }
    if (set > 1) {
      failure_.what = "union " + std::string(s.name) + " has more than one member set";
      return false;
    }
    if (set == 1) {
      bool known = false;
      for (const MemberRef& m : s.members) {
        std::string_view wire = m.location_name.empty() ? m.name : m.location_name;
        if (wire == tag) known = true;
      }
      if (!known) {
        out = Json{{"SDK_UNKNOWN_MEMBER", {{"name", tag}}}};
        return true;
      }
    }
  }
  for (const MemberRef& m : s.members) {
    if (is_metadata_location(m.location)) continue;
    std::string_view wire = m.location_name.empty() ? m.name : m.location_name;
    auto it = in.find(wire);
    if (it == in.end() || it->is_null()) continue;
    Json value;
    if (!read(m, *it, value)) {
      failure_.enter(m.name);
      return false;
    }
    out[std::string(m.name)] = std::move(value);
  }
  return true;
}

bool JsonReader::read(const MemberRef& ref, Json& in, Json& out) {
  if (ref.shape == kNoShape) {
    out = Json::object();
    return true;
  }
  if (in.is_null()) {
    out = nullptr;
    return true;
  }
  const Shape& s = model_.shape(ref.shape);
  if (++depth_ > kMaxDepth) {
    --depth_;
    failure_.what = "JSON nested deeper than " + std::to_string(kMaxDepth) + " levels";
    return false;
  }
  bool ok = true;
  switch (s.type) {
    case ShapeType::Structure:
      ok = read_structure(ref.shape, in, out);
      break;
    case ShapeType::List:
      if (!in.is_array()) {
        failure_.what = std::string("expected an array, got ") + type_word(in);
        ok = false;
        break;
      }
      out = Json::array();
      for (std::size_t i = 0; i < in.size() && ok; ++i) {
        Json item;
        ok = read(s.member, in[i], item);
        if (ok) {
          out.push_back(std::move(item));
        } else {
          failure_.enter("[" + std::to_string(i) + "]");
        }
      }
      break;
    case ShapeType::Map:
      if (!in.is_object()) {
        failure_.what = std::string("expected an object, got ") + type_word(in);
        ok = false;
        break;
      }
      out = Json::object();
      for (auto it = in.begin(); it != in.end() && ok; ++it) {
        Json value;
        ok = read(s.value, it.value(), value);
        if (ok) {
          out[it.key()] = std::move(value);
        } else {
          failure_.enter(it.key());
        }
      }
      break;
    default:
      ok = read_scalar(s, in, out);
      break;
  }
  --depth_;
  return ok;
}

}  // namespace rampart::aws::parse_internal
