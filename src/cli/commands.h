// The subcommand table (STYLE.md §12): each command is {name, help, setup}, where setup adds
// the command's options to its CLI11 subcommand and returns the function that runs it.
#pragma once

#include <functional>
#include <span>
#include <string_view>

namespace CLI {
class App;
}

namespace rampart::cli {

struct GlobalOptions;
using Runner = std::function<int()>;

struct Command {
  std::string_view name;
  std::string_view help;
  Runner (*setup)(CLI::App& sub, GlobalOptions& global);
};

std::span<const Command> commands();

// One setup function per command file.
Runner setup_whoami(CLI::App& sub, GlobalOptions& global);
Runner setup_api(CLI::App& sub, GlobalOptions& global);
Runner setup_iam(CLI::App& sub, GlobalOptions& global);
Runner setup_scan(CLI::App& sub, GlobalOptions& global);
Runner setup_scans(CLI::App& sub, GlobalOptions& global);
Runner setup_inventory(CLI::App& sub, GlobalOptions& global);
Runner setup_export(CLI::App& sub, GlobalOptions& global);
Runner setup_import(CLI::App& sub, GlobalOptions& global);

}  // namespace rampart::cli
