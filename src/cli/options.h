// Options every command shares, and the one place that turns them into an AWS client.
#pragma once

#include <memory>
#include <string>

#include "aws/client/client.h"

namespace CLI {
class App;
}

namespace rampart::cli {

struct GlobalOptions {
  std::string profile;
  std::string region;
  std::string endpoint_url;
  bool debug = false;
  int max_attempts = 0;          // 0: AWS_MAX_ATTEMPTS / profile / 3
  double connect_timeout = 5;    // seconds
  double call_timeout = 60;      // seconds, whole call including the body
};

// Adds --profile, --region, --endpoint-url, --debug, --max-attempts, --connect-timeout and
// --call-timeout to a (sub)command.
void add_global_options(CLI::App& app, GlobalOptions& options);

Result<std::unique_ptr<aws::AwsClient>> make_client(const GlobalOptions& options);

// Documented exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFatal = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFindings = 3;

}  // namespace rampart::cli
