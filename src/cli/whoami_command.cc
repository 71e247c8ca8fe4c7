// `rampart whoami`: the caller identity (account, ARN, user id) from STS GetCallerIdentity.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/options.h"

namespace rampart::cli {

Runner setup_whoami(CLI::App& sub, GlobalOptions& global) {
  add_global_options(sub, global);
  auto json = std::make_shared<bool>(false);
  sub.add_flag("--json", *json, "Print the raw response as JSON");
  return [&global, json]() {
    auto client = make_client(global);
    if (!client) {
      std::cerr << "rampart: " << client.error().describe() << "\n";
      return kExitFatal;
    }
    auto identity = (*client)->call("sts", "GetCallerIdentity", Json::object());
    if (!identity) {
      std::cerr << "rampart: sts GetCallerIdentity: " << identity.error().describe() << "\n";
      return kExitFatal;
    }
    if (*json) {
      std::cout << identity->dump(2) << "\n";
    } else {
      std::cout << "Account: " << identity->value("Account", "") << "\n"
                << "Arn:     " << identity->value("Arn", "") << "\n"
                << "UserId:  " << identity->value("UserId", "") << "\n";
    }
    return kExitOk;
  };
}

}  // namespace rampart::cli
