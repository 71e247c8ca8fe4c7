// What botocore does to a parsed response after the generic parser, for the operations where
// the CLI's output (the reference) differs from the wire shape:
//  - IAM policy documents (shape "policyDocumentType") arrive URL-encoded; they become JSON.
//  - S3 GetBucketLocation's body is a bare <LocationConstraint> root element.
#pragma once

#include "aws/core/http.h"
#include "aws/core/json.h"
#include "aws/model/model.h"

namespace rampart::aws {

void postprocess_response(const ServiceModel& model, const Operation& op,
                          const HttpResponse& response, Json& parsed);

}  // namespace rampart::aws
