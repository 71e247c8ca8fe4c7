// Header and status-code members of REST responses (botocore BaseRestParser semantics):
//  - "header" members read the named header (case-insensitive); lists are comma-separated,
//    with double-quoted items allowed; "jsonvalue" strings are base64-encoded JSON;
//  - "headers" members collect every header starting with the prefix (case-insensitive) into a
//    map keyed by the rest of the name, {} when none;
//  - "statusCode" members get the HTTP status.
#include "aws/parse/rest_reader.h"

#include <exception>

#include "aws/core/encoding.h"

namespace rampart::aws::parse_internal {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool read_header_value(const ServiceModel& model, const MemberRef& ref, std::string_view value, Json& out,
                       ParseFailure& failure) {
  const Shape& s = model.shape(ref.shape);
  if (s.type == ShapeType::List) {
    const Shape& item_shape = model.shape(s.member.shape);
    TimestampFormat fmt = s.member.timestamp_format != TimestampFormat::Unset ? s.member.timestamp_format
                                                                               : item_shape.timestamp_format;
    bool http_dates = item_shape.type == ShapeType::Timestamp &&
                      (fmt == TimestampFormat::Unset || fmt == TimestampFormat::Rfc822);
    out = Json::array();
    for (const std::string& item : split_header_list(value, http_dates)) {
      Json v;
      if (!read_header_value(model, s.member, item, v, failure)) return false;
      out.push_back(std::move(v));
    }
    return true;
  }
  if (s.type == ShapeType::String && ref.json_value) {
    auto decoded = base64_decode(trim_ascii(value));
    if (!decoded) {
      failure.what = "header is not base64";
      return false;
    }
    try {
      out = Json::parse(*decoded);
    } catch (const std::exception& e) {
      failure.what = std::string("header is not base64 JSON (") + e.what() + ")";
      return false;
    }
    return true;
  }
  if (s.type == ShapeType::String) {
    out = std::string(value);
    return true;
  }
  return scalar_from_text(s.type, value, out, failure);
}

}  // namespace

std::vector<std::string> split_header_list(std::string_view value, bool http_dates) {
  std::vector<std::string> items;
  std::size_t i = 0;
  while (i <= value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    std::string item;
    if (i < value.size() && value[i] == '"') {
      ++i;
      while (i < value.size() && value[i] != '"') {
        if (value[i] == '\\' && i + 1 < value.size()) ++i;
        item += value[i++];
      }
      if (i < value.size()) ++i;  // closing quote
      while (i < value.size() && value[i] != ',') ++i;
    } else {
      std::size_t end = value.find(',', i);
      // "Mon, 16 Dec 2019 23:48:18 GMT": the comma after the weekday is part of the date.
      if (http_dates && end != std::string_view::npos) end = value.find(',', end + 1);
      if (end == std::string_view::npos) end = value.size();
      item = std::string(trim_ascii(value.substr(i, end - i)));
      i = end;
    }
    items.push_back(std::move(item));
    if (i >= value.size()) break;
    ++i;  // the comma
  }
  return items;
}

bool read_rest_metadata(const ServiceModel& model, std::uint32_t shape_id, const HttpResponse& response,
                        Json& out, ParseFailure& failure) {
  if (shape_id == kNoShape) return true;
  const Shape& s = model.shape(shape_id);
  for (const MemberRef& m : s.members) {
    const std::string key(m.name);
    switch (m.location) {
      case Location::StatusCode:
        out[key] = response.status;
        break;
      case Location::Header: {
        std::string_view name = m.location_name.empty() ? m.name : m.location_name;
        const std::string* value = response.header(name);
        if (value == nullptr) break;
        Json v;
        if (!read_header_value(model, m, *value, v, failure)) {
          failure.enter(m.name);
          return false;
        }
        out[key] = std::move(v);
        break;
      }
      case Location::Headers: {
        std::string prefix = lower(m.location_name);
        const Shape& map = model.shape(m.shape);
        Json values = Json::object();
        for (const auto& [name, value] : response.headers) {
          if (!lower(name).starts_with(prefix)) continue;
          std::string sub = name.substr(prefix.size());
          Json v;
          if (map.type == ShapeType::Map && !read_header_value(model, map.value, value, v, failure)) {
            failure.enter(m.name);
            return false;
          }
          if (map.type != ShapeType::Map) v = value;
          values[sub] = std::move(v);
        }
        out[key] = std::move(values);
        break;
      }
      default:
        break;
    }
  }
  return true;
}

}  // namespace rampart::aws::parse_internal
