// Scalar conversions from wire text (XML element text, HTTP header values).
#include "aws/parse/scalar.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace rampart::aws::parse_internal {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool parse_integer(std::string_view text, Json& out) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc() && p == text.data() + text.size() && !text.empty()) {
    out = v;
    return true;
  }
  std::uint64_t u = 0;
  auto [p2, ec2] = std::from_chars(text.data(), text.data() + text.size(), u);
  if (ec2 == std::errc() && p2 == text.data() + text.size() && !text.empty()) {
    out = u;
    return true;
  }
  return false;
}

bool parse_double(std::string_view text, Json& out) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || text.empty()) return false;
  if (!std::isfinite(v)) return false;  // "inf"/"nan" spellings AWS does not use
  out = v;
  return true;
}

}  // namespace

void ParseFailure::enter(std::string_view step) {
  if (path.empty()) {
    path = std::string(step);
  } else if (!path.empty() && path.front() == '[') {
    path = std::string(step) + path;
  } else {
    path = std::string(step) + "." + path;
  }
}

std::string ParseFailure::describe() const {
  if (path.empty()) return what;
  return what + " (at " + path + ")";
}

std::string_view trim_ascii(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_float_special(std::string_view text) {
  return text == "NaN" || text == "Infinity" || text == "-Infinity";
}

std::string timestamp_output(Timestamp t) { return format_iso8601(t, 9); }

Timestamp timestamp_from_double(double seconds) {
  double whole = std::floor(seconds);
  auto micros = static_cast<std::int64_t>(std::llround((seconds - whole) * 1e6));
  auto s = static_cast<std::int64_t>(whole);
  if (micros >= 1'000'000) {
    ++s;
    micros -= 1'000'000;
  }
  return Timestamp{s, static_cast<std::int32_t>(micros * 1000)};
}

bool scalar_from_text(ShapeType type, std::string_view text, Json& out, ParseFailure& failure) {
  auto fail = [&](std::string_view what) {
    std::string shown(text.substr(0, 64));
    failure.what = std::string(what) + ": '" + shown + (text.size() > 64 ? "...'" : "'");
    return false;
  };
  switch (type) {
    case ShapeType::String:
      out = std::string(text);
      return true;
    case ShapeType::Boolean: {
      std::string_view t = trim_ascii(text);
      if (iequals_ascii(t, "true")) {
        out = true;
      } else if (iequals_ascii(t, "false") || t.empty()) {
        out = false;
      } else {
        return fail("not a boolean");
      }
      return true;
    }
    case ShapeType::Byte:
    case ShapeType::Short:
    case ShapeType::Integer:
    case ShapeType::Long:
      if (!parse_integer(trim_ascii(text), out)) return fail("not an integer");
      return true;
    case ShapeType::BigInteger: {
      std::string_view t = trim_ascii(text);
      if (parse_integer(t, out)) return true;
      // Beyond 64 bits: keep the digits rather than lose precision.
      if (t.empty() || t.find_first_not_of("+-0123456789") != std::string_view::npos) {
        return fail("not an integer");
      }
      out = std::string(t);
      return true;
    }
    case ShapeType::Float:
    case ShapeType::Double:
    case ShapeType::BigDecimal: {
      std::string_view t = trim_ascii(text);
      if (is_float_special(t)) {
        out = std::string(t);
        return true;
      }
      if (!parse_double(t, out)) return fail("not a number");
      return true;
    }
    case ShapeType::Timestamp: {
      auto ts = parse_any_timestamp(trim_ascii(text));
      if (!ts) return fail("not a timestamp");
      out = timestamp_output(*ts);
      return true;
    }
    case ShapeType::Blob: {
      std::string b64;
      b64.reserve(text.size());
      for (char c : text) {
        if (!is_space(c)) b64 += c;
      }
      out = std::move(b64);
      return true;
    }
    case ShapeType::Structure:
    case ShapeType::List:
    case ShapeType::Map:
      break;
  }
  failure.what = "a structure, list or map where a scalar was expected";
  return false;
}

}  // namespace rampart::aws::parse_internal
