// The environment-variable seam: credential and config resolution read variables through an
// Environment so tests inject a map and never touch the process environment.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace rampart::aws {

class Environment {
 public:
  using Lookup = std::function<std::optional<std::string>(const std::string& name)>;

  explicit Environment(Lookup lookup) : lookup_(std::move(lookup)) {}
  // A fixed set of variables (tests, or a snapshot).
  static Environment from_map(std::map<std::string, std::string> vars);
  // The real process environment, read at each lookup.
  static Environment process();

  // nullopt when the variable is unset; an empty string when set to "".
  std::optional<std::string> get(const std::string& name) const { return lookup_(name); }
  bool has(const std::string& name) const { return get(name).has_value(); }
  // The value when set and non-empty, else nullopt (how most AWS variables are read).
  std::optional<std::string> non_empty(const std::string& name) const;

 private:
  Lookup lookup_;
};

}  // namespace rampart::aws
