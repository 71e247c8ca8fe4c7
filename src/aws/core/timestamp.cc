#include "aws/core/timestamp.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace rampart::aws {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {"Thu", "Fri", "Sat", "Sun",
                                                       "Mon", "Tue", "Wed"};  // 1970-01-01 = Thu

// Reads exactly n digits at pos; advances pos.
bool read_digits(std::string_view s, std::size_t& pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  pos += n;
  return true;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += (m <= 2);
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

}  // namespace

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<Timestamp> parse_iso8601(std::string_view s) {
  std::size_t p = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!read_digits(s, p, 4, year) || p >= s.size() || s[p++] != '-') return std::nullopt;
  if (!read_digits(s, p, 2, month) || p >= s.size() || s[p++] != '-') return std::nullopt;
  if (!read_digits(s, p, 2, day)) return std::nullopt;
  if (p < s.size() && (s[p] == 'T' || s[p] == 't' || s[p] == ' ')) {
    ++p;
    if (!read_digits(s, p, 2, hour) || p >= s.size() || s[p++] != ':') return std::nullopt;
    if (!read_digits(s, p, 2, minute)) return std::nullopt;
    if (p < s.size() && s[p] == ':') {
      ++p;
      if (!read_digits(s, p, 2, second)) return std::nullopt;
    }
  }
  std::int32_t nanos = 0;
  if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
    ++p;
    int digits = 0;
    std::int64_t frac = 0;
    while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p]))) {
      if (digits < 9) {
        frac = frac * 10 + (s[p] - '0');
        ++digits;
      }
      ++p;
    }
    if (digits == 0) return std::nullopt;
    for (int i = digits; i < 9; ++i) frac *= 10;
    nanos = static_cast<std::int32_t>(frac);
  }
  std::int64_t offset = 0;
  if (p < s.size()) {
    if (s[p] == 'Z' || s[p] == 'z') {
      ++p;
    } else if (s[p] == '+' || s[p] == '-') {
      int sign = s[p] == '-' ? -1 : 1;
      ++p;
      int oh = 0, om = 0;
      if (!read_digits(s, p, 2, oh)) return std::nullopt;
      if (p < s.size() && s[p] == ':') ++p;
      if (p < s.size() && !read_digits(s, p, 2, om)) return std::nullopt;
      offset = sign * (oh * 3600 + om * 60);
    }
  }
  if (p != s.size()) return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return Timestamp{days * 86400 + hour * 3600 + minute * 60 + second - offset, nanos};
}

std::optional<Timestamp> parse_rfc822(std::string_view s) {
  // "Tue, 29 Apr 2014 18:30:38 GMT" (the weekday is optional and not checked).
  std::size_t p = 0;
  if (auto comma = s.find(','); comma != std::string_view::npos) p = comma + 1;
  while (p < s.size() && s[p] == ' ') ++p;
  int day = 0;
  std::size_t start = p;
  // At most two digits: longer runs are no day of the month and would overflow.
  while (p < s.size() && p - start < 3 && std::isdigit(static_cast<unsigned char>(s[p]))) {
    day = day * 10 + (s[p++] - '0');
  }
  if (p == start || p - start > 2 || p >= s.size() || s[p++] != ' ') return std::nullopt;
  if (p + 3 > s.size()) return std::nullopt;
  std::string_view mon = s.substr(p, 3);
  int month = 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == mon) month = static_cast<int>(i) + 1;
  }
  if (month == 0) return std::nullopt;
  p += 3;
  if (p >= s.size() || s[p++] != ' ') return std::nullopt;
  int year = 0, hour = 0, minute = 0, second = 0;
  if (!read_digits(s, p, 4, year) || p >= s.size() || s[p++] != ' ') return std::nullopt;
  if (!read_digits(s, p, 2, hour) || p >= s.size() || s[p++] != ':') return std::nullopt;
  if (!read_digits(s, p, 2, minute) || p >= s.size() || s[p++] != ':') return std::nullopt;
  if (!read_digits(s, p, 2, second)) return std::nullopt;
  std::int32_t nanos = 0;
  if (p < s.size() && s[p] == '.') {
    ++p;
    std::int64_t frac = 0;
    int digits = 0;
    while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p]))) {
      if (digits < 9) {
        frac = frac * 10 + (s[p] - '0');
        ++digits;
      }
      ++p;
    }
    for (int i = digits; i < 9; ++i) frac *= 10;
    nanos = static_cast<std::int32_t>(frac);
  }
  std::string_view rest = s.substr(p);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (!rest.empty() && rest != "GMT" && rest != "UTC" && rest != "Z" && rest != "+0000") {
    return std::nullopt;
  }
  std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return Timestamp{days * 86400 + hour * 3600 + minute * 60 + second, nanos};
}

constexpr double kMaxEpochSeconds = 1e15;

std::optional<Timestamp> parse_epoch(std::string_view s) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  // Beyond ~31 million years is no timestamp (and would not fit int64 nanosecond math).
  if (std::fabs(v) > kMaxEpochSeconds) return std::nullopt;
  // Keep integral seconds exact for large values; parse the fraction separately.
  auto dot = s.find('.');
  if (dot == std::string_view::npos || s.find_first_of("eE") != std::string_view::npos) {
    return from_epoch(v);
  }
  std::int64_t whole = 0;
  auto [p2, ec2] = std::from_chars(s.data(), s.data() + dot, whole);
  if (ec2 != std::errc() || p2 != s.data() + dot) return from_epoch(v);
  std::int64_t frac = 0;
  int digits = 0;
  for (std::size_t i = dot + 1; i < s.size() && digits < 9; ++i, ++digits) frac = frac * 10 + (s[i] - '0');
  for (int i = digits; i < 9; ++i) frac *= 10;
  bool negative = s.front() == '-';
  if (negative && frac > 0) return Timestamp{whole - 1, static_cast<std::int32_t>(1'000'000'000 - frac)};
  return Timestamp{whole, static_cast<std::int32_t>(frac)};
}

Timestamp from_epoch(double seconds) {
  if (!std::isfinite(seconds)) seconds = 0;
  seconds = std::clamp(seconds, -kMaxEpochSeconds, kMaxEpochSeconds);
  double whole = std::floor(seconds);
  auto nanos = static_cast<std::int64_t>(std::llround((seconds - whole) * 1e9));
  auto s = static_cast<std::int64_t>(whole);
  if (nanos >= 1'000'000'000) {
    ++s;
    nanos -= 1'000'000'000;
  }
  return Timestamp{s, static_cast<std::int32_t>(nanos)};
}

std::optional<Timestamp> parse_any_timestamp(std::string_view text) {
  if (auto t = parse_iso8601(text)) return t;
  if (auto t = parse_rfc822(text)) return t;
  return parse_epoch(text);
}

std::string format_iso8601(Timestamp t, int fraction_digits) {
  std::int64_t days = floor_div(t.seconds, 86400);
  std::int64_t rem = t.seconds - days * 86400;
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(days, y, m, d);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld", static_cast<long long>(y), m, d,
                static_cast<long long>(rem / 3600), static_cast<long long>(rem / 60 % 60),
                static_cast<long long>(rem % 60));
  std::string out = buf;
  if (fraction_digits > 0 && t.nanos != 0) {
    char frac[16];
    std::snprintf(frac, sizeof frac, "%09d", t.nanos);
    std::string f(frac, static_cast<std::size_t>(std::min(fraction_digits, 9)));
    while (!f.empty() && f.back() == '0') f.pop_back();
    if (!f.empty()) out += "." + f;
  }
  out += 'Z';
  return out;
}

std::string format_rfc822(Timestamp t) {
  std::int64_t days = floor_div(t.seconds, 86400);
  std::int64_t rem = t.seconds - days * 86400;
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(days, y, m, d);
  auto wd = static_cast<std::size_t>(((days % 7) + 7) % 7);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %04lld %02lld:%02lld:%02lld GMT",
                std::string(kWeekdays[wd]).c_str(), d, std::string(kMonths[m - 1]).c_str(),
                static_cast<long long>(y), static_cast<long long>(rem / 3600),
                static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60));
  return buf;
}

std::string format_epoch(Timestamp t) {
  std::string out = std::to_string(t.seconds);
  if (t.nanos != 0) {
    char frac[16];
    std::snprintf(frac, sizeof frac, "%09d", t.nanos);
    std::string f = frac;
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

}  // namespace rampart::aws
