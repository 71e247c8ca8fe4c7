// The IAM authorization decision, following AWS's "Policy evaluation logic" and "Cross-account
// policy evaluation logic" pages: an explicit Deny in any applicable policy wins; SCPs (every
// org level must allow, not for the management account or service-linked roles) and RCPs
// (deny-only: RCPFullAWSAccess is always attached) restrict; a resource policy that names the
// user or session directly allows on its own in the same account, one naming a role ARN is
// still limited by the session's boundary and session policy, one naming the account delegates
// to IAM; cross-account needs both sides; role trust and KMS key policies must always allow.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/iam/context.h"
#include "engine/iam/policy.h"
#include "engine/iam/principal.h"

namespace rampart::iam {

// SCPs or RCPs as the organization tree applies them: levels[0] = root, ..., last = account.
struct OrgPolicies {
  std::string applies_to_account;  // SCPs: the principal's account; RCPs: the resource's
  std::string management_account;  // SCPs never apply to it
  std::vector<std::vector<Policy>> levels;
};

struct PolicySet {
  std::vector<Policy> identity;  // user + group policies, or the role's policies
  std::optional<Policy> permissions_boundary;
  std::optional<Policy> session_policy;
  std::optional<Policy> resource;  // bucket/key/trust/queue/... policy
  std::optional<OrgPolicies> scps;
  std::optional<OrgPolicies> rcps;
  std::vector<Policy> endpoint;  // VPC endpoint policies the request passes through
};

enum class ResourceKind : std::uint8_t {
  Auto,       // inferred: sts:AssumeRole* on a role -> RoleTrust, a KMS key ARN -> KmsKey
  Generic,
  RoleTrust,  // the trust policy must allow, even in the same account
  KmsKey,     // the key policy must allow (directly, or by delegating to the account's IAM)
};

struct Request {
  RequestPrincipal principal;
  std::string action;
  std::string resource;
  std::string resource_account;
  ResourceKind kind = ResourceKind::Auto;
  RequestContext context;
};

enum class Decision : std::uint8_t { Allow, ExplicitDeny, ImplicitDeny };
std::string_view to_string(Decision d);  // "allow", "deny", "implicit_deny"

struct StatementRef {
  std::string policy;  // Policy::label
  std::size_t index = 0;
  std::string sid;
  std::string describe() const;  // "identity[0] Statement[1] (Sid AllowS3)"
};

struct Evaluation {
  Decision decision = Decision::ImplicitDeny;
  std::optional<StatementRef> deciding;  // the Deny that fired, or the Allow that granted
  std::string reason;
};

struct EvalOptions {
  // Existential question: absent condition keys are assumed to take whatever value lets Allow
  // statements apply and Deny statements not apply ("could some request be allowed?").
  bool existential = false;
};

ResourceKind infer_resource_kind(std::string_view action, std::string_view resource);
Evaluation evaluate(const Request& request, const PolicySet& policies, EvalOptions options = {});

}  // namespace rampart::iam
