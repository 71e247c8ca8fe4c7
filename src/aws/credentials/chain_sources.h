// The chain's individual sources (used by chain.cc and by role_sources.cc for source_profile
// and credential_source). Each returns a provider when the source is configured, or a null
// provider and a note saying why it does not apply.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "aws/core/result.h"
#include "aws/credentials/chain.h"

namespace rampart::aws {

struct SourceOutcome {
  std::unique_ptr<CredentialProvider> provider;  // null: not configured
  std::string note;                              // "env: AWS_ACCESS_KEY_ID not set", ...
};

Result<SourceOutcome> env_source(const ChainContext& ctx);
// `visited` holds the profiles already on the source_profile path (cycle detection).
Result<SourceOutcome> assume_role_source(const ChainContext& ctx, const std::string& profile,
                                         std::vector<std::string>& visited);
Result<SourceOutcome> web_identity_source(const ChainContext& ctx, const std::string& profile,
                                          bool use_env);
SourceOutcome sso_source(const ChainContext& ctx, const std::string& profile);
Result<SourceOutcome> shared_credentials_source(const ChainContext& ctx, const std::string& profile);
Result<SourceOutcome> process_source(const ChainContext& ctx, const std::string& profile);
Result<SourceOutcome> config_file_source(const ChainContext& ctx, const std::string& profile);
Result<SourceOutcome> container_source(const ChainContext& ctx);
Result<SourceOutcome> imds_source(const ChainContext& ctx);

// botocore's ProfileProviderBuilder.providers: web identity, SSO, credentials file, process,
// config file, for one profile. Appends notes to `tried`.
Result<SourceOutcome> profile_sources(const ChainContext& ctx, const std::string& profile,
                                      bool use_env, std::vector<std::string>& tried);

}  // namespace rampart::aws
