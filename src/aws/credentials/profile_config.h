// Which profile is active and the non-credential settings the AWS client reads from it:
// region, endpoint_url, ca_bundle, max_attempts, retry_mode. Precedence per setting follows
// the AWS CLI: command-line option > environment variable > profile key > unset.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "aws/core/result.h"
#include "aws/credentials/environment.h"
#include "aws/credentials/shared_config.h"

namespace rampart::aws {

// Values given on the command line (--profile, --region, --endpoint-url, --ca-bundle).
struct ConfigOverrides {
  std::optional<std::string> profile;
  std::optional<std::string> region;
  std::optional<std::string> endpoint_url;
  std::optional<std::string> ca_bundle;
};

struct ProfileConfig {
  std::string profile = "default";
  bool profile_explicit = false;  // --profile was given: env-var credentials do not apply
  std::optional<std::string> region;        // --region > AWS_REGION > AWS_DEFAULT_REGION > region
  std::optional<std::string> endpoint_url;  // --endpoint-url > AWS_ENDPOINT_URL > endpoint_url
  std::optional<std::string> ca_bundle;     // --ca-bundle > AWS_CA_BUNDLE > ca_bundle
  std::optional<int> max_attempts;          // AWS_MAX_ATTEMPTS > max_attempts
  std::optional<std::string> retry_mode;    // AWS_RETRY_MODE > retry_mode (legacy|standard|adaptive)
};

// The profile name: --profile > AWS_PROFILE > AWS_DEFAULT_PROFILE > "default". The bool tells
// whether it was named (by option or variable) rather than the fallback.
std::pair<std::string, bool> resolve_profile_name(const ConfigOverrides& overrides,
                                                  const Environment& env);

// Fails (NotFound, "ProfileNotFound") when a named profile is in neither file, as the CLI
// does, and (InvalidRequest) when max_attempts or retry_mode has an invalid value.
Result<ProfileConfig> resolve_profile_config(const SharedConfig& config, const Environment& env,
                                             const ConfigOverrides& overrides);

}  // namespace rampart::aws
