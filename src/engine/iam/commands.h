// `rampart iam check` and `rampart iam decide` as library functions; the CLI wires them.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace rampart::iam {

// Decides every case in rampart-iam-case/1 files, one line per case:
//   "<id> <decision> expected=<expected> ok|MISMATCH"
// then exactly "N passed, M failed". Returns 0 when all pass, 1 on a mismatch, 2 when a file
// cannot be read or parsed (reported on `err`; the other files are still checked).
int run_iam_check(const std::vector<std::string>& files, std::ostream& out, std::ostream& err);

// One request. Each policy argument is JSON text (starting with '{') or a path to a JSON file.
struct IamDecideArgs {
  std::string principal;         // ARN, account id, "anonymous" or a service principal
  std::string action;            // "s3:GetObject"
  std::string resource = "*";    // ARN
  std::string resource_account;  // default: the principal's account
  std::string resource_kind;     // "", "iam-role-trust-policy", "kms-key-policy"
  std::vector<std::string> identity_policies;
  std::string permissions_boundary;
  std::string session_policy;
  std::string resource_policy;
  std::vector<std::string> scps;  // one policy per org level, root first
  std::string management_account;
  std::string context_json;  // {"aws:SourceIp": "203.0.113.10", "aws:TagKeys": ["a","b"]}
  bool existential = false;
};

// Prints "decision: <allow|deny|implicit_deny>", "statement: <policy Statement[i] (Sid)>"
// (when one decided) and "reason: ...". Returns 0 when allowed, 1 when denied, 2 on bad input
// (reported on `out`).
int run_iam_decide(const IamDecideArgs& args, std::ostream& out);

}  // namespace rampart::iam
