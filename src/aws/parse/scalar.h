// Wire text -> JSON value for scalar shapes, shared by the XML body reader and the HTTP header
// reader (both carry scalars as text). JSON bodies carry typed values and use json_reader.
#pragma once

#include <string>
#include <string_view>

#include "aws/core/json.h"
#include "aws/core/timestamp.h"
#include "aws/model/model.h"

namespace rampart::aws::parse_internal {

// Where a conversion failed, built up from the innermost value outwards
// ("not an integer: 'x' (in Reservations[].Instances[].AmiLaunchIndex)").
struct ParseFailure {
  std::string what;
  std::string path;  // member path, outermost first once complete

  void enter(std::string_view step);  // prepend one path step while unwinding
  std::string describe() const;
};

// Converts `text` to the value of a scalar shape type: integers, floats ("NaN", "Infinity",
// "-Infinity" kept as strings), booleans, timestamps (ISO 8601 output), blobs (base64 text kept,
// whitespace removed) and strings. Numbers, booleans and timestamps tolerate surrounding
// whitespace. Returns false and fills `failure.what` when the text does not fit the type.
bool scalar_from_text(ShapeType type, std::string_view text, Json& out, ParseFailure& failure);

// The output form of a timestamp: ISO 8601 UTC with up to 9 fraction digits.
std::string timestamp_output(Timestamp t);

// Epoch seconds held in a double, rounded to microseconds (a double cannot carry more).
Timestamp timestamp_from_double(double seconds);

// Header, prefix-headers and status-code members live outside the body.
inline bool is_metadata_location(Location l) {
  return l == Location::Header || l == Location::Headers || l == Location::StatusCode;
}

std::string_view trim_ascii(std::string_view text);

// Float special values AWS sends as text.
bool is_float_special(std::string_view text);

}  // namespace rampart::aws::parse_internal
