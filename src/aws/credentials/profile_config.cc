#include "aws/credentials/profile_config.h"

#include <charconv>

#include <fmt/format.h>

namespace rampart::aws {
namespace {

// First set, non-empty value among: the override, the variables, the profile key.
std::optional<std::string> pick(const std::optional<std::string>& override_value,
                                std::initializer_list<const char*> vars, const Environment& env,
                                const Profile* profile, const char* key) {
  if (override_value && !override_value->empty()) return override_value;
  for (const char* var : vars) {
    if (auto v = env.non_empty(var)) return v;
  }
  if (profile != nullptr) {
    const std::string* v = profile->get(key);
    if (v != nullptr && !v->empty()) return *v;
  }
  return std::nullopt;
}

}  // namespace

std::pair<std::string, bool> resolve_profile_name(const ConfigOverrides& overrides,
                                                  const Environment& env) {
  if (overrides.profile && !overrides.profile->empty()) return {*overrides.profile, true};
  if (auto v = env.non_empty("AWS_PROFILE")) return {*v, true};
  if (auto v = env.non_empty("AWS_DEFAULT_PROFILE")) return {*v, true};
  return {"default", false};
}

Result<ProfileConfig> resolve_profile_config(const SharedConfig& config, const Environment& env,
                                             const ConfigOverrides& overrides) {
  ProfileConfig out;
  auto [name, named] = resolve_profile_name(overrides, env);
  out.profile = name;
  out.profile_explicit = overrides.profile.has_value() && !overrides.profile->empty();
  const Profile* profile = config.profile(name);
  if (profile == nullptr && named) {
    return make_error(ErrorKind::NotFound,
                      fmt::format("the config profile ({}) could not be found in {} or {}", name,
                                  config.paths.config_file, config.paths.credentials_file),
                      "ProfileNotFound");
  }
  out.region = pick(overrides.region, {"AWS_REGION", "AWS_DEFAULT_REGION"}, env, profile, "region");
  out.endpoint_url = pick(overrides.endpoint_url, {"AWS_ENDPOINT_URL"}, env, profile, "endpoint_url");
  out.ca_bundle = pick(overrides.ca_bundle, {"AWS_CA_BUNDLE"}, env, profile, "ca_bundle");
  out.retry_mode = pick(std::nullopt, {"AWS_RETRY_MODE"}, env, profile, "retry_mode");
  if (out.retry_mode && *out.retry_mode != "legacy" && *out.retry_mode != "standard" &&
      *out.retry_mode != "adaptive") {
    return make_error(ErrorKind::InvalidRequest,
                      fmt::format("retry_mode '{}' is not one of legacy, standard, adaptive",
                                  *out.retry_mode),
                      "InvalidConfigError");
  }
  if (auto text = pick(std::nullopt, {"AWS_MAX_ATTEMPTS"}, env, profile, "max_attempts")) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || ptr != text->data() + text->size() || value < 1) {
      return make_error(ErrorKind::InvalidRequest,
                        fmt::format("max_attempts '{}' is not a positive integer", *text),
                        "InvalidConfigError");
    }
    out.max_attempts = value;
  }
  return out;
}

}  // namespace rampart::aws
