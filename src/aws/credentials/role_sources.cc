// Role-based sources: AssumeRole from a profile (role_arn + source_profile or
// credential_source, following chains of profiles) and AssumeRoleWithWebIdentity. Both give a
// RefreshingProvider whose fetch calls STS, so role credentials are renewed for long scans.
// Validation follows botocore's AssumeRoleProvider: source_profile and credential_source are
// exclusive, a source_profile must exist, a profile may name itself as source only when it
// holds static keys, any other revisit is a cycle.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aws/credentials/chain_sources.h"
#include "aws/credentials/static_sources.h"

namespace rampart::aws {
namespace {

Error config_error(std::string message) {
  return make_error(ErrorKind::InvalidRequest, std::move(message), "InvalidConfigError");
}

std::string default_session_name(const Clock& clock) {
  auto epoch = std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch());
  return fmt::format("rampart-{}", epoch.count());
}

bool has_static_keys(const Profile& p) {
  return p.has("aws_access_key_id") || p.has("aws_secret_access_key");
}

bool has_assume_role_vars(const Profile& p) {
  return p.has("role_arn") && !p.has("web_identity_token_file");
}

std::optional<int> parse_duration(const std::string* text) {
  if (text == nullptr) return std::nullopt;
  try {
    std::size_t used = 0;
    int value = std::stoi(*text, &used);
    if (used == text->size()) return value;
  } catch (const std::exception&) {
    // botocore ignores a duration_seconds that is not an integer
  }
  return std::nullopt;
}

// credential_source = Environment | Ec2InstanceMetadata | EcsContainer (case-insensitive).
Result<std::unique_ptr<CredentialProvider>> credential_source_provider(
    const ChainContext& ctx, const std::string& profile, const std::string& source) {
  std::string lower = source;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  Result<SourceOutcome> outcome = SourceOutcome{};
  if (lower == "environment") {
    outcome = env_source(ctx);
  } else if (lower == "ec2instancemetadata") {
    outcome = imds_source(ctx);
  } else if (lower == "ecscontainer") {
    outcome = container_source(ctx);
  } else {
    return config_error(fmt::format(
        "the credential_source \"{}\" in profile \"{}\" is not valid (use Environment, "
        "Ec2InstanceMetadata or EcsContainer)",
        source, profile));
  }
  if (!outcome) return outcome.error();
  if (!outcome->provider) {
    return make_error(ErrorKind::NotFound,
                      fmt::format("no credentials found in credential_source {} referenced in "
                                  "profile {} ({})",
                                  source, profile, outcome->note),
                      "CredentialRetrievalError");
  }
  return std::move(outcome->provider);
}

// The credentials a role profile's source_profile supplies: its own role, or its static /
// web-identity / process keys through the profile sources (environment variables excluded).
Result<std::unique_ptr<CredentialProvider>> source_profile_provider(
    const ChainContext& ctx, const std::string& source, std::vector<std::string>& visited) {
  const Profile* p = ctx.config.profile(source);
  if (has_static_keys(*p) || !has_assume_role_vars(*p)) {
    std::vector<std::string> tried;
    auto outcome = profile_sources(ctx, source, /*use_env=*/false, tried);
    if (!outcome) return outcome.error();
    if (!outcome->provider) {
      return config_error(fmt::format("the source profile \"{}\" must have credentials ({})",
                                      source, fmt::join(tried, "; ")));
    }
    return std::move(outcome->provider);
  }
  auto outcome = assume_role_source(ctx, source, visited);
  if (!outcome) return outcome.error();
  return std::move(outcome->provider);
}

}  // namespace

Result<SourceOutcome> assume_role_source(const ChainContext& ctx, const std::string& profile,
                                         std::vector<std::string>& visited) {
  const Profile* p = ctx.config.profile(profile);
  if (p == nullptr || !has_assume_role_vars(*p)) {
    return SourceOutcome{nullptr, fmt::format("assume-role: profile {} has no role_arn", profile)};
  }
  if (visited.empty()) visited.push_back(profile);
  const std::string role_arn = *p->get("role_arn");
  const std::string* source_profile = p->get("source_profile");
  const std::string* credential_source = p->get("credential_source");
  if (source_profile != nullptr && credential_source != nullptr) {
    return config_error(fmt::format(
        "the profile \"{}\" contains both source_profile and credential_source", profile));
  }
  if (source_profile == nullptr && credential_source == nullptr) {
    return make_error(ErrorKind::InvalidRequest,
                      fmt::format("the profile \"{}\" has role_arn but neither source_profile "
                                  "nor credential_source",
                                  profile),
                      "PartialCredentialsError");
  }
  if (const std::string* mfa = p->get("mfa_serial")) {
    return config_error(fmt::format(
        "the profile \"{}\" requires an MFA code (mfa_serial {}), which cannot be entered in a "
        "non-interactive scan; use a profile without mfa_serial or pre-fetched session "
        "credentials",
        profile, *mfa));
  }
  if (ctx.sts == nullptr) {
    return make_error(ErrorKind::Internal,
                      fmt::format("profile \"{}\" assumes a role but no STS client is available",
                                  profile));
  }

  std::unique_ptr<CredentialProvider> source_provider;
  std::string source_label;
  if (credential_source != nullptr) {
    auto provider = credential_source_provider(ctx, profile, *credential_source);
    if (!provider) return provider.error();
    source_provider = std::move(*provider);
    source_label = "credential_source " + *credential_source;
  } else {
    const std::string& source = *source_profile;
    const Profile* src = ctx.config.profile(source);
    if (src == nullptr) {
      return config_error(fmt::format(
          "the source_profile \"{}\" referenced in the profile \"{}\" does not exist", source,
          profile));
    }
    bool seen = std::find(visited.begin(), visited.end(), source) != visited.end();
    if (seen && (source != profile || !has_static_keys(*src))) {
      return config_error(fmt::format(
          "infinite loop in the source_profile chain: {} -> {}", fmt::join(visited, " -> "),
          source));
    }
    visited.push_back(source);
    auto provider = source_profile_provider(ctx, source, visited);
    if (!provider) return provider.error();
    source_provider = std::move(*provider);
    source_label = "profile " + source;
  }

  AssumeRoleRequest request;
  request.role_arn = role_arn;
  const std::string* session = p->get("role_session_name");
  request.role_session_name = session != nullptr ? *session : default_session_name(*ctx.clock);
  if (const std::string* ext = p->get("external_id")) request.external_id = *ext;
  request.duration_seconds = parse_duration(p->get("duration_seconds"));
  request.region = ctx.profile.region.value_or("");

  // std::function must be copyable, hence shared ownership of the source provider.
  std::shared_ptr<CredentialProvider> source_shared = std::move(source_provider);
  StsApi* sts = ctx.sts;
  std::string label = fmt::format("assume-role {} (profile {})", role_arn, profile);
  CredentialFetcher fetch = [sts, source_shared, request, source_label,
                             label]() -> Result<Credentials> {
    auto source_creds = source_shared->get();
    if (!source_creds) {
      Error e = source_creds.error();
      e.message = fmt::format("source credentials for {} from {}: {}", label, source_label,
                              e.message);
      return e;
    }
    auto creds = sts->assume_role(*source_creds, request);
    if (!creds) return creds.error();
    creds->source = label;
    return creds;
  };
  return SourceOutcome{
      std::make_unique<RefreshingProvider>(std::move(fetch), *ctx.clock, ctx.options.refresh),
      label};
}

Result<SourceOutcome> web_identity_source(const ChainContext& ctx, const std::string& profile,
                                          bool use_env) {
  const Profile* p = ctx.config.profile(profile);
  // Each key on its own: the variable when set (and allowed), else the profile key.
  auto get = [&](const char* var, const char* key) -> std::optional<std::string> {
    if (use_env) {
      if (auto v = ctx.env.get(var)) return v;
    }
    if (p != nullptr) {
      if (const std::string* v = p->get(key)) return *v;
    }
    return std::nullopt;
  };
  auto token_file = get("AWS_WEB_IDENTITY_TOKEN_FILE", "web_identity_token_file");
  if (!token_file || token_file->empty()) {
    return SourceOutcome{nullptr, "web identity: no AWS_WEB_IDENTITY_TOKEN_FILE or "
                                  "web_identity_token_file"};
  }
  auto role_arn = get("AWS_ROLE_ARN", "role_arn");
  if (!role_arn || role_arn->empty()) {
    return config_error("web identity is configured (token file) but no role ARN is: set "
                        "AWS_ROLE_ARN or the profile's role_arn");
  }
  if (ctx.sts == nullptr) {
    return make_error(ErrorKind::Internal, "web identity is configured but no STS client is "
                                           "available");
  }
  AssumeRoleWithWebIdentityRequest request;
  request.role_arn = *role_arn;
  auto session = get("AWS_ROLE_SESSION_NAME", "role_session_name");
  request.role_session_name = session ? *session : default_session_name(*ctx.clock);
  request.region = ctx.profile.region.value_or("");
  StsApi* sts = ctx.sts;
  std::string path = *token_file;
  std::string label = "assume-role-with-web-identity " + *role_arn;
  CredentialFetcher fetch = [sts, request, path, label]() -> Result<Credentials> {
    std::ifstream in(path, std::ios::binary);  // re-read: the token is rotated on disk
    if (!in) {
      return make_error(ErrorKind::NotFound,
                        fmt::format("web identity token file {} cannot be read", path),
                        "CredentialRetrievalError");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    AssumeRoleWithWebIdentityRequest req = request;
    req.web_identity_token = buffer.str();
    auto creds = sts->assume_role_with_web_identity(req);
    if (!creds) return creds.error();
    creds->source = label;
    return creds;
  };
  return SourceOutcome{
      std::make_unique<RefreshingProvider>(std::move(fetch), *ctx.clock, ctx.options.refresh),
      label};
}

}  // namespace rampart::aws
