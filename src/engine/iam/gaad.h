// Account snapshots for "who can do X on Y" questions: the output of
// `aws iam get-account-authorization-details` (users with their groups, roles, inline and
// managed policies resolved to their default version, permission boundaries, trust policies),
// resource policies as [{Resource, Policy, Account}], and an AWS Organizations tree with SCPs
// ({Id, Arn, Policies, Children}; the root's ARN names the management account).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aws/core/json.h"
#include "aws/core/result.h"
#include "engine/iam/evaluator.h"

namespace rampart::iam {

struct IamEntity {
  RequestPrincipal principal;  // User or Role
  std::string id;              // AIDA.../AROA...
  std::vector<Policy> policies;  // inline + attached + (users) group policies
  std::optional<Policy> permissions_boundary;
  std::optional<Policy> trust_policy;  // roles
  std::map<std::string, std::string> tags;
  std::vector<std::string> unresolved;  // managed policy ARNs not found in the snapshot
};

struct ResourcePolicyRecord {
  std::string resource;  // ARN the policy is attached to (a bucket for S3)
  std::string account;
  Policy policy;
};

struct Environment {
  std::vector<IamEntity> entities;
  std::vector<ResourcePolicyRecord> resource_policies;
  std::vector<Json> org_trees;  // Organizations trees with SCPs
};

Result<std::vector<IamEntity>> parse_gaad(const Json& gaad);
Result<std::vector<ResourcePolicyRecord>> parse_resource_policies(const Json& list);
// SCP levels (root .. account) for `account` in an Organizations tree; nullopt when the account
// is not in the tree.
std::optional<OrgPolicies> scps_for_account(const Json& tree, const std::string& account);

const IamEntity* find_entity(const Environment& env, std::string_view arn);
// The resource policy governing `resource` (exact ARN, or the bucket of an S3 object ARN).
const ResourcePolicyRecord* find_resource_policy(const Environment& env, std::string_view resource);

// Request for `entity` with the context keys AWS sets for every signed request of it
// (aws:PrincipalArn, aws:PrincipalAccount, aws:userid, aws:username for users,
// aws:PrincipalTag/*) added unless `context` already has them.
Request request_for(const Environment& env, const IamEntity& entity, std::string action,
                    std::string resource, const RequestContext& context);
PolicySet policies_for(const Environment& env, const IamEntity& entity, const Request& rq);

// Decision for a principal ARN; a principal absent from the snapshot is an implicit deny.
Evaluation can_i(const Environment& env, std::string_view principal_arn, std::string action,
                 std::string resource, const RequestContext& context, EvalOptions opt = {});
// ARNs of the snapshot's users and roles that are allowed, sorted.
std::vector<std::string> who_can(const Environment& env, const std::string& action,
                                 const std::string& resource, const RequestContext& context,
                                 EvalOptions opt = {});

}  // namespace rampart::iam
