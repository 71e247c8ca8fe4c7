// The AWS shared config (~/.aws/config) and credentials (~/.aws/credentials) files as profiles,
// mapped the way botocore's session does: in the config file "[default]" and
// "[profile NAME]" are profiles (other sections such as "[sso-session x]" are not); in the
// credentials file every "[NAME]" is a profile. The merged view overlays the credentials file
// on the config file key by key, so credentials-file keys win.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aws/core/result.h"
#include "aws/credentials/environment.h"
#include "aws/credentials/ini.h"

namespace rampart::aws {

struct Profile {
  std::string name;
  std::map<std::string, IniEntry> entries;  // keys lower-case

  // The value of key, or nullptr when absent (an empty value is present).
  const std::string* get(std::string_view key) const;
  bool has(std::string_view key) const { return get(key) != nullptr; }
};

using ProfileMap = std::map<std::string, Profile, std::less<>>;

struct SharedConfigPaths {
  std::string config_file;       // AWS_CONFIG_FILE, default ~/.aws/config
  std::string credentials_file;  // AWS_SHARED_CREDENTIALS_FILE, default ~/.aws/credentials
};

struct SharedConfig {
  SharedConfigPaths paths;
  ProfileMap config_profiles;       // from the config file only
  ProfileMap credentials_profiles;  // from the credentials file only
  ProfileMap profiles;              // merged view (botocore's session.full_config["profiles"])

  const Profile* profile(std::string_view name) const;  // merged; nullptr when absent
};

// File locations from the environment; "~" expands to $HOME.
SharedConfigPaths shared_config_paths(const Environment& env);

// Reads both files; a missing file is empty, a malformed one is an error naming file:line.
Result<SharedConfig> load_shared_config(const SharedConfigPaths& paths);

// Builds the profile maps from already parsed files (either may be absent).
SharedConfig make_shared_config(SharedConfigPaths paths, const std::optional<IniFile>& config,
                                const std::optional<IniFile>& credentials);

// Python's shlex.split (POSIX mode) as botocore applies it to "[profile NAME]" headers;
// nullopt on an unbalanced quote.
std::optional<std::vector<std::string>> shlex_split(std::string_view text);

}  // namespace rampart::aws
