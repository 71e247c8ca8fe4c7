// Request serialization for the AWS protocols query, ec2, json (1.0/1.1), rest-json and
// rest-xml: operation parameters (JSON keyed by botocore member names) + the service model
// -> the unsigned HTTP request. Behaviour follows botocore's serializers (serialize.py) and
// the Smithy protocol tests; see protocol_input_test.cc for the suites it is checked against.
//
// Scalars may be given as strings where the shape wants a number or boolean ("5", "true",
// "NaN"), as a CLI's --param K=V gives them; anything else of the wrong type is an
// ErrorKind::InvalidRequest error naming the member path ("Filters[0].Values").
#pragma once

#include <functional>
#include <string>

#include "aws/core/http.h"
#include "aws/core/json.h"
#include "aws/core/result.h"
#include "aws/model/model.h"
#include "aws/serialize/request_target.h"

namespace rampart::aws {

struct SerializeOptions {
  // Fills idempotency-token members the caller left out; empty: a random UUID v4.
  std::function<std::string()> make_idempotency_token;
};

Result<HttpRequest> serialize_request(const ServiceModel& model, const Operation& op,
                                      const Json& params, const RequestTarget& target,
                                      const SerializeOptions& options = {});

// A random RFC 4122 version-4 UUID ("xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx").
std::string random_uuid_v4();

}  // namespace rampart::aws
