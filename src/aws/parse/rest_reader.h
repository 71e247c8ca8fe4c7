// The non-body parts of rest-json / rest-xml responses: members bound to one HTTP header, to all
// headers with a prefix ("headers" location), and to the status code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aws/core/http.h"
#include "aws/core/json.h"
#include "aws/model/model.h"
#include "aws/parse/scalar.h"

namespace rampart::aws::parse_internal {

// Fills `out` (an object) with the header/headers/statusCode members of structure `shape_id`.
bool read_rest_metadata(const ServiceModel& model, std::uint32_t shape_id, const HttpResponse& response,
                        Json& out, ParseFailure& failure);

// Splits a list-valued header ("a, b", "\"a,b\", c") into items; RFC 822 dates, which contain a
// comma themselves, are kept whole when `http_dates` is set.
std::vector<std::string> split_header_list(std::string_view value, bool http_dates);

}  // namespace rampart::aws::parse_internal
