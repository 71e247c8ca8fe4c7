#include "cli/commands.h"

#include <array>

namespace rampart::cli {

namespace {
constexpr std::array kCommands = {
    Command{"whoami", "Show the AWS identity rampart's credentials resolve to (STS GetCallerIdentity)",
            setup_whoami},
    Command{"api", "Call one read-only AWS API operation and print the parsed response as JSON",
            setup_api},
    Command{"iam", "Decide IAM authorization questions with AWS's policy evaluation logic",
            setup_iam},
    Command{"scan", "Collect the account's inventory (every selected service and region) into the store",
            setup_scan},
    Command{"scans", "List the scans a store holds", setup_scans},
    Command{"inventory", "Summarize a stored scan (resources per service, type and region)",
            setup_inventory},
    Command{"export", "Write one stored scan to a compressed snapshot file", setup_export},
    Command{"import", "Add a snapshot file written by `rampart export` to the store as a new scan",
            setup_import},
};
}  // namespace

std::span<const Command> commands() { return kCommands; }

}  // namespace rampart::cli
