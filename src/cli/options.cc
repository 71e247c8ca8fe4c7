#include "cli/options.h"

#include <CLI/CLI.hpp>

namespace rampart::cli {

void add_global_options(CLI::App& app, GlobalOptions& options) {
  app.add_option("--profile", options.profile, "AWS profile from the shared config files");
  app.add_option("--region", options.region, "AWS region (default: AWS_REGION, profile, us-east-1)");
  app.add_option("--endpoint-url", options.endpoint_url,
                 "Send every AWS call to this URL (an emulator such as moto)");
  app.add_flag("--debug", options.debug, "Log requests and responses to stderr (secrets redacted)");
}

Result<std::unique_ptr<aws::AwsClient>> make_client(const GlobalOptions& options) {
  aws::ClientConfig config;
  config.profile = options.profile;
  config.region = options.region;
  config.endpoint_url = options.endpoint_url;
  config.debug = options.debug;
  return aws::AwsClient::create(config);
}

}  // namespace rampart::cli
