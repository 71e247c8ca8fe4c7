// ECS / EKS Pod Identity container credentials: a GET to the agent's endpoint, as botocore's
// ContainerProvider. AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is appended to
// http://169.254.170.2; AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, a loopback address,
// or one of the ECS/EKS agent hosts. The Authorization header comes from
// AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (re-read at each fetch) or
// AWS_CONTAINER_AUTHORIZATION_TOKEN.
#pragma once

#include <chrono>
#include <optional>

#include "aws/core/clock.h"
#include "aws/core/result.h"
#include "aws/core/transport.h"
#include "aws/credentials/environment.h"
#include "aws/credentials/provider.h"

namespace rampart::aws {

struct ContainerOptions {
  std::chrono::milliseconds timeout{2000};     // botocore TIMEOUT_SECONDS
  int attempts = 3;                            // botocore RETRY_ATTEMPTS
  std::chrono::milliseconds retry_sleep{1000};  // botocore SLEEP_TIME
};

// True when either URI variable is set (the source applies).
bool container_credentials_configured(const Environment& env);

// A fetcher for the configured endpoint; errors for a malformed or disallowed URI. `http` and
// `clock` must outlive the fetcher.
Result<CredentialFetcher> container_fetcher(const Environment& env, HttpTransport& http,
                                            const Clock& clock, ContainerOptions options = {});

}  // namespace rampart::aws
