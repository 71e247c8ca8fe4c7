// Reader for rampart's IAM case files (format "rampart-iam-case/1", see
// shared/testdata/iam/README.md): authorization cases (policies + request -> allow / deny /
// implicit_deny) and S3 public-classification cases. The same policy-set and request shapes are
// what `rampart iam decide` takes, so they are parsed here once.
#pragma once

#include <string>
#include <vector>

#include "aws/core/json.h"
#include "aws/core/result.h"
#include "engine/iam/evaluator.h"

namespace rampart::iam {

struct AuthorizationCase {
  std::string id;
  Request request;
  PolicySet policies;
  Decision expected = Decision::ImplicitDeny;
};

struct PublicCase {
  std::string id;
  std::string resource;
  std::string resource_account;
  Policy policy;
  bool expected_public = false;
};

struct CaseFile {
  std::vector<AuthorizationCase> authorization;
  std::vector<PublicCase> public_classification;
};

// {"identity": [..], "permissions_boundary", "session_policy", "resource", "scps", "rcps",
//  "vpc_endpoint": [..]} -> PolicySet. Missing or null members are absent.
Result<PolicySet> parse_policy_set(const Json& policies);
// {"principal", "action", "resource", "resource_account", "resource_kind", "context"}.
Result<Request> parse_request(const Json& request);
Result<Decision> parse_decision(std::string_view text);  // allow / deny / implicit_deny

Result<AuthorizationCase> parse_authorization_case(const Json& c);
Result<PublicCase> parse_public_case(const Json& c);
Result<CaseFile> parse_case_file(const Json& doc);
Result<CaseFile> read_case_file(const std::string& path);
Result<Json> read_json_file(const std::string& path);

}  // namespace rampart::iam
