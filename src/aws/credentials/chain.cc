// The non-role sources and the chain walk itself (order documented in chain.h).
#include "aws/credentials/chain.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aws/credentials/chain_sources.h"
#include "aws/credentials/static_sources.h"

namespace rampart::aws {
namespace {

// Credentials that carry an expiration are refreshed by re-running `fetch`.
std::unique_ptr<CredentialProvider> wrap(const ChainContext& ctx, Credentials first,
                                         CredentialFetcher fetch) {
  if (!first.expiration) return std::make_unique<StaticProvider>(std::move(first));
  return std::make_unique<RefreshingProvider>(std::move(fetch), *ctx.clock, ctx.options.refresh,
                                              std::move(first));
}

Result<SourceOutcome> static_profile_source(const ProfileMap& profiles, const std::string& profile,
                                            const std::string& method, const std::string& path) {
  auto it = profiles.find(profile);
  if (it == profiles.end()) {
    return SourceOutcome{nullptr, fmt::format("{}: no profile {} in {}", method, profile, path)};
  }
  auto creds = profile_static_credentials(it->second, fmt::format("{} (profile {})", method, profile));
  if (!creds) return creds.error();
  if (!*creds) {
    return SourceOutcome{nullptr,
                         fmt::format("{}: no aws_access_key_id in profile {} of {}", method,
                                     profile, path)};
  }
  return SourceOutcome{std::make_unique<StaticProvider>(std::move(**creds)), method};
}

}  // namespace

Result<SourceOutcome> env_source(const ChainContext& ctx) {
  auto creds = env_credentials(ctx.env);
  if (!creds) return creds.error();
  if (!*creds) return SourceOutcome{nullptr, "env: AWS_ACCESS_KEY_ID not set"};
  // Environment variables do not change under us: expiring env credentials are served as they
  // are, and AWS's ExpiredToken then reports them.
  return SourceOutcome{std::make_unique<StaticProvider>(std::move(**creds)), "env"};
}

SourceOutcome sso_source(const ChainContext& ctx, const std::string& profile) {
  const Profile* p = ctx.config.profile(profile);
  if (p != nullptr && (p->has("sso_start_url") || p->has("sso_session"))) {
    return SourceOutcome{nullptr, fmt::format("sso: profile {} uses IAM Identity Center (SSO), "
                                              "which rampart does not support; skipped",
                                              profile)};
  }
  return SourceOutcome{nullptr, "sso: not configured"};
}

Result<SourceOutcome> shared_credentials_source(const ChainContext& ctx,
                                                const std::string& profile) {
  return static_profile_source(ctx.config.credentials_profiles, profile,
                               "shared-credentials-file", ctx.config.paths.credentials_file);
}

Result<SourceOutcome> config_file_source(const ChainContext& ctx, const std::string& profile) {
  return static_profile_source(ctx.config.config_profiles, profile, "config-file",
                               ctx.config.paths.config_file);
}

Result<SourceOutcome> process_source(const ChainContext& ctx, const std::string& profile) {
  const Profile* p = ctx.config.profile(profile);
  const std::string* command = p != nullptr ? p->get("credential_process") : nullptr;
  if (command == nullptr || command->empty()) {
    return SourceOutcome{nullptr, "custom-process: no credential_process"};
  }
  std::string cmd = *command;
  ProcessOptions options = ctx.options.process;
  std::string label = fmt::format("custom-process (profile {})", profile);
  CredentialFetcher fetch = [cmd, options, label]() -> Result<Credentials> {
    auto creds = run_credential_process(cmd, options);
    if (creds) creds->source = label;
    return creds;
  };
  auto first = fetch();
  if (!first) {
    Error e = first.error();
    e.message = fmt::format("profile {}: {}", profile, e.message);
    return e;
  }
  return SourceOutcome{wrap(ctx, std::move(*first), std::move(fetch)), label};
}

Result<SourceOutcome> container_source(const ChainContext& ctx) {
  if (!container_credentials_configured(ctx.env)) {
    return SourceOutcome{nullptr, "container-role: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and "
                                  "_FULL_URI not set"};
  }
  if (ctx.http == nullptr) {
    return SourceOutcome{nullptr, "container-role: no HTTP transport"};
  }
  auto fetch = container_fetcher(ctx.env, *ctx.http, *ctx.clock, ctx.options.container);
  if (!fetch) return fetch.error();
  auto first = (*fetch)();
  if (!first) return first.error();
  return SourceOutcome{wrap(ctx, std::move(*first), std::move(*fetch)), "container-role"};
}

Result<SourceOutcome> imds_source(const ChainContext& ctx) {
  if (imds_disabled(ctx.env)) {
    return SourceOutcome{nullptr, "iam-role: disabled by AWS_EC2_METADATA_DISABLED"};
  }
  if (ctx.http == nullptr) return SourceOutcome{nullptr, "iam-role: no HTTP transport"};
  ImdsOptions options = ctx.options.imds
                            ? *ctx.options.imds
                            : imds_options(ctx.env, ctx.config.profile(ctx.profile.profile));
  CredentialFetcher fetch = imds_fetcher(*ctx.http, options);
  auto first = fetch();
  if (!first) {
    // No instance metadata is the normal case off EC2: not configured, not an error.
    return SourceOutcome{nullptr, "iam-role: " + first.error().message};
  }
  return SourceOutcome{wrap(ctx, std::move(*first), std::move(fetch)), "iam-role"};
}

Result<SourceOutcome> profile_sources(const ChainContext& ctx, const std::string& profile,
                                      bool use_env, std::vector<std::string>& tried) {
  auto web = web_identity_source(ctx, profile, use_env);
  if (!web || web->provider) return web;
  tried.push_back(web->note);
  tried.push_back(sso_source(ctx, profile).note);
  for (auto* source : {&shared_credentials_source, &process_source, &config_file_source}) {
    auto outcome = (*source)(ctx, profile);
    if (!outcome || outcome->provider) return outcome;
    tried.push_back(outcome->note);
  }
  return SourceOutcome{};
}

Result<std::unique_ptr<CredentialProvider>> resolve_credential_provider(const ChainContext& ctx) {
  const std::string& profile = ctx.profile.profile;
  std::vector<std::string> tried;
  auto take = [&](Result<SourceOutcome> outcome) -> std::optional<Result<std::unique_ptr<CredentialProvider>>> {
    if (!outcome) return Result<std::unique_ptr<CredentialProvider>>(outcome.error());
    if (!outcome->provider) {
      if (!outcome->note.empty()) tried.push_back(outcome->note);
      return std::nullopt;
    }
    return Result<std::unique_ptr<CredentialProvider>>(std::move(outcome->provider));
  };

  std::optional<Result<std::unique_ptr<CredentialProvider>>> found;
  // 1. Environment variables, unless --profile named a profile explicitly.
  if (ctx.profile.profile_explicit) {
    tried.emplace_back("env: skipped because --profile was given");
  } else {
    found = take(env_source(ctx));
  }
  // 2. AssumeRole from the profile.
  if (!found) {
    std::vector<std::string> visited;
    found = take(assume_role_source(ctx, profile, visited));
  }
  // 3-7. Web identity, SSO, credentials file, credential_process, config file.
  if (!found) {
    auto outcome = profile_sources(ctx, profile, !ctx.profile.profile_explicit, tried);
    if (!outcome || outcome->provider) found = take(std::move(outcome));
  }
  // 8. Container credentials; 9. instance metadata.
  if (!found) found = take(container_source(ctx));
  if (!found) found = take(imds_source(ctx));
  if (!found) {
    return make_error(ErrorKind::NotFound,
                      fmt::format("unable to locate credentials for profile {}; tried: {}",
                                  profile, fmt::join(tried, "; ")),
                      "NoCredentials");
  }
  if (!found->ok()) return std::move(*found);
  std::unique_ptr<CredentialProvider> provider = std::move(found->value());
  // A first fetch now, so a broken role or process fails here and not mid-scan.
  auto first = provider->get();
  if (!first) return first.error();
  return provider;
}

Result<std::unique_ptr<CredentialProvider>> resolve_default_credentials(
    Environment env, const ConfigOverrides& overrides, StsApi* sts, HttpTransport* http,
    const Clock& clock, ProfileConfig* profile_out, ChainOptions options) {
  auto config = load_shared_config(shared_config_paths(env));
  if (!config) return config.error();
  auto profile = resolve_profile_config(*config, env, overrides);
  if (!profile) return profile.error();
  if (profile_out != nullptr) *profile_out = *profile;
  ChainContext ctx{std::move(env), std::move(*config), std::move(*profile), sts, http, &clock,
                   std::move(options)};
  return resolve_credential_provider(ctx);
}

}  // namespace rampart::aws
