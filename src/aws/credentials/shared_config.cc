#include "aws/credentials/shared_config.h"

#include <utility>

namespace rampart::aws {
namespace {

std::string expand_home(const std::string& path, const Environment& env) {
  if (path == "~" || path.starts_with("~/")) {
    auto home = env.non_empty("HOME");
    if (home) return *home + path.substr(1);
  }
  return path;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

}  // namespace

const std::string* Profile::get(std::string_view key) const {
  auto it = entries.find(std::string(key));
  return it == entries.end() ? nullptr : &it->second.value;
}

const Profile* SharedConfig::profile(std::string_view name) const {
  auto it = profiles.find(name);
  return it == profiles.end() ? nullptr : &it->second;
}

SharedConfigPaths shared_config_paths(const Environment& env) {
  SharedConfigPaths paths;
  paths.config_file = expand_home(env.non_empty("AWS_CONFIG_FILE").value_or("~/.aws/config"), env);
  paths.credentials_file = expand_home(
      env.non_empty("AWS_SHARED_CREDENTIALS_FILE").value_or("~/.aws/credentials"), env);
  return paths;
}

std::optional<std::vector<std::string>> shlex_split(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (is_space(c)) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else if (c == '\'') {
      auto end = text.find('\'', i + 1);
      if (end == std::string_view::npos) return std::nullopt;
      word.append(text.substr(i + 1, end - i - 1));
      in_word = true;
      i = end;
    } else if (c == '"') {
      in_word = true;
      bool closed = false;
      for (++i; i < text.size(); ++i) {
        if (text[i] == '"') {
          closed = true;
          break;
        }
        // Inside double quotes a backslash escapes only '"' and '\'.
        if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '\\')) ++i;
        word += text[i];
      }
      if (!closed) return std::nullopt;
    } else if (c == '\\') {
      if (i + 1 >= text.size()) return std::nullopt;  // shlex: "No escaped character"
      word += text[++i];
      in_word = true;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

SharedConfig make_shared_config(SharedConfigPaths paths, const std::optional<IniFile>& config,
                                const std::optional<IniFile>& credentials) {
  SharedConfig out;
  out.paths = std::move(paths);
  if (config) {
    // File order: a later "[profile default]" replaces an earlier "[default]" (dict semantics).
    for (const auto& section : config->sections) {
      std::string name;
      if (section.name == "default") {
        name = "default";
      } else if (section.name.starts_with("profile")) {
        auto parts = shlex_split(section.name);
        if (!parts || parts->size() != 2) continue;
        name = (*parts)[1];
      } else {
        continue;
      }
      out.config_profiles[name] = Profile{name, section.entries};
    }
  }
  if (credentials) {
    for (const auto& section : credentials->sections) {
      out.credentials_profiles[section.name] = Profile{section.name, section.entries};
    }
  }
  out.profiles = out.config_profiles;
  for (const auto& [name, creds] : out.credentials_profiles) {
    auto& merged = out.profiles[name];
    merged.name = name;
    for (const auto& [key, entry] : creds.entries) merged.entries[key] = entry;
  }
  return out;
}

Result<SharedConfig> load_shared_config(const SharedConfigPaths& paths) {
  auto config = read_ini_file(paths.config_file);
  if (!config) return config.error();
  auto credentials = read_ini_file(paths.credentials_file);
  if (!credentials) return credentials.error();
  return make_shared_config(paths, *config, *credentials);
}

}  // namespace rampart::aws
