#include "aws/credentials/static_sources.h"

#include <fmt/format.h>

#include "aws/credentials/fetch_util.h"

namespace rampart::aws {

Result<std::optional<Credentials>> env_credentials(const Environment& env) {
  auto access_key = env.non_empty("AWS_ACCESS_KEY_ID");
  if (!access_key) return std::optional<Credentials>{};
  auto secret = env.non_empty("AWS_SECRET_ACCESS_KEY");
  if (!secret) {
    return make_error(ErrorKind::InvalidRequest,
                      "partial credentials in the environment: AWS_ACCESS_KEY_ID is set but "
                      "AWS_SECRET_ACCESS_KEY is not",
                      "PartialCredentialsError");
  }
  Credentials creds;
  creds.access_key_id = *access_key;
  creds.secret_access_key = *secret;
  creds.session_token =
      env.non_empty("AWS_SECURITY_TOKEN").value_or(env.non_empty("AWS_SESSION_TOKEN").value_or(""));
  if (auto exp = env.non_empty("AWS_CREDENTIAL_EXPIRATION")) {
    creds.expiration = parse_expiration(*exp);
    if (!creds.expiration) {
      return make_error(ErrorKind::Parse,
                        fmt::format("AWS_CREDENTIAL_EXPIRATION '{}' is not an ISO 8601 time", *exp),
                        "InvalidConfigError");
    }
  }
  creds.source = "env";
  return std::optional<Credentials>(std::move(creds));
}

Result<std::optional<Credentials>> profile_static_credentials(const Profile& profile,
                                                              const std::string& source) {
  const std::string* access_key = profile.get("aws_access_key_id");
  if (access_key == nullptr) return std::optional<Credentials>{};
  const std::string* secret = profile.get("aws_secret_access_key");
  if (secret == nullptr) {
    return make_error(ErrorKind::InvalidRequest,
                      fmt::format("partial credentials in {}: aws_access_key_id is set but "
                                  "aws_secret_access_key is not",
                                  source),
                      "PartialCredentialsError");
  }
  Credentials creds;
  creds.access_key_id = *access_key;
  creds.secret_access_key = *secret;
  if (const std::string* t = profile.get("aws_security_token")) {
    creds.session_token = *t;
  } else if (const std::string* t2 = profile.get("aws_session_token")) {
    creds.session_token = *t2;
  }
  creds.source = source;
  return std::optional<Credentials>(std::move(creds));
}

}  // namespace rampart::aws
