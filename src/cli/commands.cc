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
};
}  // namespace

std::span<const Command> commands() { return kCommands; }

}  // namespace rampart::cli
