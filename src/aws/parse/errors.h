// Error responses of all five protocols -> ErrorDetails (code, message, request id, botocore's
// "Error" fields, and the modeled exception shape's members).
#pragma once

#include <string>
#include <string_view>

#include "aws/core/http.h"
#include "aws/model/model.h"
#include "aws/parse/parse.h"

namespace rampart::aws::parse_internal {

// Reads `response` as an error of `op`. `classify_status` is the status used to pick the error
// kind (S3's 200-with-<Error> is classified as the 500 it really is).
ErrorDetails read_error(const ServiceModel& model, const Operation& op, const HttpResponse& response,
                        int classify_status);

// True when an S3-style body's root element is <Error> (a 200 response that is an error).
bool body_is_xml_error(std::string_view body);

// The model's exception shape for an error code: the operation's errors first, then every
// exception shape; matched on the shape's "error.code", else its name. kNoShape when none.
std::uint32_t find_error_shape(const ServiceModel& model, const Operation& op, std::string_view code);

// "NotFound", "Forbidden", ... for bodyless errors; "" for statuses without a name.
std::string_view status_code_name(int status);
std::string_view status_reason(int status);

}  // namespace rampart::aws::parse_internal
