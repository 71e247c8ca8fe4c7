// Response parsing for the five AWS wire protocols rampart speaks (query, ec2, json 1.0/1.1,
// rest-json, rest-xml). A successful response becomes a JSON object keyed by the output shape's
// member names, the same tree botocore/boto3 return minus "ResponseMetadata":
//   - timestamps are ISO 8601 UTC strings (format_iso8601(t, 9)),
//   - blobs are base64 strings,
//   - float "NaN" / "Infinity" / "-Infinity" stay those JSON strings.
// An error response becomes an Error (code, message, request id, HTTP status, kind from
// classify_aws_error); parse_error_response() also gives the modeled exception's fields.
#pragma once

#include <optional>
#include <string_view>

#include "aws/core/error.h"
#include "aws/core/http.h"
#include "aws/core/json.h"
#include "aws/core/result.h"
#include "aws/model/model.h"

namespace rampart::aws {

// Everything known about one AWS error response.
struct ErrorDetails {
  Error error;              // kind, code, message, request_id, http_status
  Json fields;              // botocore's "Error" object: {"Code", "Message", "Type", extras...}
  std::string_view shape;   // the model's exception shape for the code; empty when none
  Json modeled;             // that shape's members parsed from body/headers/status ({} if none)
};

// The parsed output of a 2xx response, or the Error of an error response. A body that cannot be
// read is ErrorKind::Parse with a message naming the operation and the problem.
Result<Json> parse_response(const ServiceModel& model, const Operation& op,
                            const HttpResponse& response);

// nullopt for a successful response; otherwise the full error. Errors are: any status outside
// 2xx, and S3's 200-with-<Error>-body (CompleteMultipartUpload, CopyObject, ...).
std::optional<ErrorDetails> parse_error_response(const ServiceModel& model, const Operation& op,
                                                 const HttpResponse& response);

}  // namespace rampart::aws
