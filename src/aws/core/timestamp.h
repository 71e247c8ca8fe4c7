// Timestamps as AWS sends and accepts them: ISO 8601 (with offsets and fractions), RFC 822
// ("http-date"), and epoch seconds. Parsed responses carry timestamps as ISO 8601 UTC strings
// ("2014-04-29T18:30:38Z", "...38.123Z" when there is a fraction), the form scripts and the
// AWS CLI comparison expect.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rampart::aws {

struct Timestamp {
  std::int64_t seconds = 0;  // since the Unix epoch, UTC
  std::int32_t nanos = 0;    // 0..999'999'999

  friend bool operator==(const Timestamp&, const Timestamp&) = default;
  double epoch() const { return static_cast<double>(seconds) + nanos / 1e9; }
};

std::optional<Timestamp> parse_iso8601(std::string_view text);
std::optional<Timestamp> parse_rfc822(std::string_view text);
std::optional<Timestamp> parse_epoch(std::string_view text);  // "1398796238" or "1398796238.5"
Timestamp from_epoch(double seconds);
// Tries ISO 8601, then RFC 822, then epoch seconds.
std::optional<Timestamp> parse_any_timestamp(std::string_view text);

// "2014-04-29T18:30:38Z"; with fraction_digits > 0 and a non-zero fraction, the fraction is
// written with trailing zeros trimmed ("...38.5Z").
std::string format_iso8601(Timestamp t, int fraction_digits = 3);
std::string format_rfc822(Timestamp t);  // "Tue, 29 Apr 2014 18:30:38 GMT"
std::string format_epoch(Timestamp t);   // "1398796238" or "1398796238.5"

// Days since 1970-01-01 for a civil date (proleptic Gregorian).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d);

}  // namespace rampart::aws
