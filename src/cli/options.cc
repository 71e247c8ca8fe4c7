#include "cli/options.h"

#include <CLI/CLI.hpp>

namespace rampart::cli {

void add_global_options(CLI::App& app, GlobalOptions& options) {
  app.add_option("--profile", options.profile, "AWS profile from the shared config files");
  app.add_option("--region", options.region, "AWS region (default: AWS_REGION, profile, us-east-1)");
  app.add_option("--endpoint-url", options.endpoint_url,
                 "Send every AWS call to this URL (an emulator such as moto)");
  app.add_flag("--debug", options.debug, "Log requests and responses to stderr (secrets redacted)");
  app.add_option("--max-attempts", options.max_attempts,
                 "Attempts per AWS call, retries included (default: AWS_MAX_ATTEMPTS, profile, 3)")
      ->check(CLI::Range(1, 20));
  app.add_option("--connect-timeout", options.connect_timeout, "Seconds to wait for a connection")
      ->check(CLI::Range(0.1, 600.0));
  app.add_option("--call-timeout", options.call_timeout,
                 "Seconds one HTTP exchange may take, body included (each attempt)")
      ->check(CLI::Range(0.1, 3600.0));
}

Result<std::unique_ptr<aws::AwsClient>> make_client(const GlobalOptions& options) {
  aws::ClientConfig config;
  config.profile = options.profile;
  config.region = options.region;
  config.endpoint_url = options.endpoint_url;
  config.debug = options.debug;
  config.max_attempts = options.max_attempts;
  config.connect_timeout = std::chrono::milliseconds(static_cast<long>(options.connect_timeout * 1000));
  config.call_timeout = std::chrono::milliseconds(static_cast<long>(options.call_timeout * 1000));
  return aws::AwsClient::create(config);
}

}  // namespace rampart::cli
