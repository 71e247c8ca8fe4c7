// The STS calls the credential chain needs, as an interface: the real implementation (the STS
// client) is plugged in by the caller; tests plug in a recorder.
#pragma once

#include <optional>
#include <string>

#include "aws/core/credentials.h"
#include "aws/core/result.h"

namespace rampart::aws {

struct AssumeRoleRequest {
  std::string role_arn;
  std::string role_session_name;
  std::string external_id;                    // empty: not sent
  std::optional<int> duration_seconds;        // unset: STS default (1 hour)
  std::string region;                         // STS endpoint region; empty: global endpoint
};

struct AssumeRoleWithWebIdentityRequest {
  std::string role_arn;
  std::string role_session_name;
  std::string web_identity_token;             // the token file's content, read at each call
  std::optional<int> duration_seconds;
  std::string region;
};

class StsApi {
 public:
  virtual ~StsApi() = default;
  // Signed with `source`; the result carries an expiration.
  virtual Result<Credentials> assume_role(const Credentials& source,
                                          const AssumeRoleRequest& request) = 0;
  // Unsigned call authenticated by the token.
  virtual Result<Credentials> assume_role_with_web_identity(
      const AssumeRoleWithWebIdentityRequest& request) = 0;
};

}  // namespace rampart::aws
