// Privilege questions about one principal of an account snapshot, answered by evaluating
// requests (so NotAction tricks, Deny statements, boundaries and SCPs all count):
//  - admin-equivalent: can it do every probed action, including one of a service that does
//    not exist, on "*"?
//  - escalation: which known privilege-escalation paths (Rhino Security Labs' list, as used
//    by PMapper and others) does it hold: iam:PassRole with a compute service create call,
//    policy-version and attachment writes, credentials for other users, group membership,
//    trust-policy edits, or sts:AssumeRole into an admin-equivalent role.
// Escalation uses the existential reading of conditions (could some request succeed?), since a
// condition that might be met is still a path worth reporting.
#pragma once

#include <string>
#include <vector>

#include "engine/iam/gaad.h"

namespace rampart::iam {

struct AdminCheck {
  bool admin = false;
  std::string first_denied_action;  // when not admin: the probe that failed
  std::vector<StatementRef> granted_by;
};

struct EscalationPath {
  std::string name;                  // "PassRole+EC2", "CreatePolicyVersion", "AssumeRole"
  std::vector<std::string> actions;  // the actions the path needs
  std::string target;                // the admin role, for AssumeRole paths
  std::vector<StatementRef> statements;  // the statements that grant each action
};

AdminCheck is_admin_equivalent(const Environment& env, const IamEntity& who);
std::vector<EscalationPath> escalation_paths(const Environment& env, const IamEntity& who);

}  // namespace rampart::iam
