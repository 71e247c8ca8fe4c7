// Credentials read directly from configuration: environment variables and the static keys of a
// profile (credentials file or config file). botocore's EnvProvider, SharedCredentialProvider
// and ConfigProvider.
#pragma once

#include <optional>
#include <string>

#include "aws/core/credentials.h"
#include "aws/core/result.h"
#include "aws/credentials/environment.h"
#include "aws/credentials/shared_config.h"

namespace rampart::aws {

// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, token from AWS_SECURITY_TOKEN then
// AWS_SESSION_TOKEN, optional AWS_CREDENTIAL_EXPIRATION (ISO 8601). nullopt when
// AWS_ACCESS_KEY_ID is unset or empty; an error when it is set without a secret.
Result<std::optional<Credentials>> env_credentials(const Environment& env);

// aws_access_key_id / aws_secret_access_key / aws_security_token|aws_session_token of a
// profile. nullopt when the profile has no aws_access_key_id; an error when the secret is
// missing. `source` is stored in Credentials::source.
Result<std::optional<Credentials>> profile_static_credentials(const Profile& profile,
                                                              const std::string& source);

}  // namespace rampart::aws
