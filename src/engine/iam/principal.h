// Who is asking: the request principal parsed from its ARN (or "anonymous", or a service
// principal name), and how a statement's Principal / NotPrincipal element matches it. The kind
// of match matters to the evaluator: naming the account root delegates to the account's IAM
// policies, naming a role ARN grants to its sessions but stays limited by the session's
// boundary and session policy, naming the exact user or session ARN grants directly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "aws/core/result.h"
#include "engine/iam/policy.h"

namespace rampart::iam {

enum class PrincipalType : std::uint8_t {
  Root, User, Role, AssumedRole, FederatedUser, Service, Anonymous,
};

struct RequestPrincipal {
  PrincipalType type = PrincipalType::Anonymous;
  std::string arn;        // as given ("" for anonymous; the service name for services)
  std::string partition = "aws";
  std::string account;    // "" for anonymous and service principals
  std::string name;       // user name, role name, service name
  std::string role_name;  // Role and AssumedRole
  bool service_linked = false;  // role/aws-service-role/... or AWSServiceRoleFor* sessions

  bool is_iam() const {
    return type != PrincipalType::Service && type != PrincipalType::Anonymous;
  }
  std::string role_arn() const;  // arn:<p>:iam::<acct>:role/<name> (path unknown for sessions)
};

// "arn:aws:iam::111111111111:user/alice", "arn:aws:sts::1:assumed-role/app/s", "...:root",
// a bare account id (its root), "anonymous", or "sns.amazonaws.com".
Result<RequestPrincipal> parse_request_principal(std::string_view text);

enum class PrincipalMatch : std::uint8_t {
  None,
  Account,  // the account (root ARN or account id): delegates to the account's IAM policies
  Role,     // the role ARN, for a role or one of its sessions
  Direct,   // the exact user / session / service / root, or "*"
};

// How a Principal element matches (statement without NotPrincipal).
PrincipalMatch match_principal(const PrincipalSpec& spec, const RequestPrincipal& p);
// True when the principal is one NotPrincipal names, i.e. it is exempt from the statement. An
// account root listed there exempts only the root user; a role ARN exempts its sessions.
bool not_principal_excludes(const PrincipalSpec& spec, const RequestPrincipal& p);

// "123456789012" or "arn:aws:iam::123456789012:root" -> the account id; "" otherwise.
std::string account_of_root_reference(std::string_view value);

}  // namespace rampart::iam
