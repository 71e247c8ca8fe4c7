// AWS credentials as the signer consumes them. Secrets never reach a log or an error message:
// print redacted() instead.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace rampart::aws {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty for long-term keys
  std::optional<std::chrono::system_clock::time_point> expiration;  // temporary credentials
  std::string source;  // where they came from: "env", "profile default", "assume-role ...", ...

  bool empty() const { return access_key_id.empty() || secret_access_key.empty(); }
  // "AKIA****WXYZ from profile default"
  std::string redacted() const;
};

}  // namespace rampart::aws
