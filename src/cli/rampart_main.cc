// rampart: collect -> evaluate -> map -> report. main() only parses the command line and hands
// over to the command table (src/cli/commands.cc).
#include <iostream>
#include <map>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/options.h"

int main(int argc, char** argv) {
  using namespace rampart::cli;
  CLI::App app{"rampart: a fast auditor of AWS security posture and compliance"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("rampart 0.1.0"));
  GlobalOptions global;
  std::map<std::string, Runner> runners;
  for (const Command& command : commands()) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.help));
    runners[std::string(command.name)] = command.setup(*sub, global);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  for (CLI::App* sub : app.get_subcommands()) {
    return runners[sub->get_name()]();
  }
  return kExitUsage;
}
