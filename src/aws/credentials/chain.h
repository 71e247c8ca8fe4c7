// The default credential chain, in the AWS CLI's order (botocore create_credential_resolver):
//   1. environment variables (skipped when --profile was given)
//   2. assume role: the profile's role_arn with source_profile or credential_source
//   3. web identity: AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN, then the profile's keys
//   4. SSO: not supported; a profile configured only for SSO is reported, not used
//   5. the shared credentials file's static keys
//   6. credential_process
//   7. the config file's static keys
//   8. ECS / EKS container credentials
//   9. EC2 instance metadata (IMDSv2)
// The first configured source wins; a source that is configured but broken is an error (as in
// the CLI), except IMDS, which only counts when it answers. NoCredentials lists what was tried.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "aws/core/clock.h"
#include "aws/core/result.h"
#include "aws/core/transport.h"
#include "aws/credentials/container_source.h"
#include "aws/credentials/environment.h"
#include "aws/credentials/imds_source.h"
#include "aws/credentials/process_source.h"
#include "aws/credentials/profile_config.h"
#include "aws/credentials/provider.h"
#include "aws/credentials/shared_config.h"
#include "aws/credentials/sts_api.h"

namespace rampart::aws {

struct ChainOptions {
  ProcessOptions process;
  ContainerOptions container;
  RefreshTimings refresh;
  std::optional<ImdsOptions> imds;  // unset: from the environment and profile (imds_options)
};

// Everything the chain reads. The providers it returns keep pointers to sts, http and clock,
// which must outlive them; the rest is copied.
struct ChainContext {
  Environment env = Environment::process();
  SharedConfig config;
  ProfileConfig profile;
  StsApi* sts = nullptr;        // null: role profiles fail with a clear error
  HttpTransport* http = nullptr;  // null: ECS and IMDS are skipped
  const Clock* clock = &system_clock();
  ChainOptions options;
};

// The selected source's provider, its first credentials already fetched.
// Errors: NotFound/"NoCredentials" listing each source tried; or the configured source's error.
Result<std::unique_ptr<CredentialProvider>> resolve_credential_provider(const ChainContext& ctx);

// The whole resolution from scratch: shared files located through `env`, the profile from
// overrides/env, then the chain. Fills `profile_out` (region etc.) when non-null.
Result<std::unique_ptr<CredentialProvider>> resolve_default_credentials(
    Environment env, const ConfigOverrides& overrides, StsApi* sts, HttpTransport* http,
    const Clock& clock, ProfileConfig* profile_out = nullptr, ChainOptions options = {});

}  // namespace rampart::aws
