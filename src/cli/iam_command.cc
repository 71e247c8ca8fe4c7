// `rampart iam check FILE...` decides IAM case files (rampart-iam-case/1) and `rampart iam
// decide` answers one request, both with the evaluator in src/engine/iam.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "engine/iam/commands.h"

namespace rampart::cli {

Runner setup_iam(CLI::App& sub, GlobalOptions& /*global*/) {
  sub.require_subcommand(1);
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* check = sub.add_subcommand("check", "Decide every case of rampart-iam-case/1 files");
  check->add_option("files", *files, "Case files")->required()->check(CLI::ExistingFile);

  auto args = std::make_shared<iam::IamDecideArgs>();
  CLI::App* decide = sub.add_subcommand("decide", "Decide one request against the given policies");
  decide->add_option("--principal", args->principal, "Principal ARN, account id, 'anonymous' or service")
      ->required();
  decide->add_option("--action", args->action, "Action, e.g. s3:GetObject")->required();
  decide->add_option("--resource", args->resource, "Resource ARN (default *)");
  decide->add_option("--resource-account", args->resource_account, "Account owning the resource");
  decide->add_option("--resource-kind", args->resource_kind,
                     "iam-role-trust-policy or kms-key-policy when the resource policy is one");
  decide->add_option("--identity-policy", args->identity_policies, "Identity policy (JSON or file)");
  decide->add_option("--permissions-boundary", args->permissions_boundary, "Boundary (JSON or file)");
  decide->add_option("--session-policy", args->session_policy, "Session policy (JSON or file)");
  decide->add_option("--resource-policy", args->resource_policy, "Resource policy (JSON or file)");
  decide->add_option("--scp", args->scps, "Service control policy, root first (JSON or file)");
  decide->add_option("--management-account", args->management_account, "Organization management account");
  decide->add_option("--context", args->context_json, "Context keys as a JSON object");

  return [check, decide, files, args]() {
    if (check->parsed()) return iam::run_iam_check(*files, std::cout, std::cerr);
    if (decide->parsed()) return iam::run_iam_decide(*args, std::cout);
    return kExitUsage;
  };
}

}  // namespace rampart::cli
