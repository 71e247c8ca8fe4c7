// EC2 instance-profile credentials from the instance metadata service, IMDSv2 first as botocore:
// PUT /latest/api/token (X-aws-ec2-metadata-token-ttl-seconds: 21600), then GET
// /latest/meta-data/iam/security-credentials/ for the role name and .../<role> for the keys,
// each with X-aws-ec2-metadata-token. When the token PUT answers 403/404/405 or times out the
// GETs go without a token (IMDSv1), unless AWS_EC2_METADATA_V1_DISABLED=true.
// Short timeouts: a laptop has no IMDS and the chain must not hang on it.
#pragma once

#include <chrono>
#include <string>

#include "aws/core/clock.h"
#include "aws/core/result.h"
#include "aws/core/transport.h"
#include "aws/credentials/environment.h"
#include "aws/credentials/provider.h"
#include "aws/credentials/shared_config.h"

namespace rampart::aws {

struct ImdsOptions {
  std::string endpoint = "http://169.254.169.254";
  std::chrono::milliseconds timeout{1000};  // connect and total, per request
  int attempts = 2;                         // one attempt plus one retry
  bool v1_disabled = false;
};

// AWS_EC2_METADATA_DISABLED=true (case-insensitive).
bool imds_disabled(const Environment& env);

// Options from AWS_EC2_METADATA_SERVICE_ENDPOINT / _ENDPOINT_MODE (IPv6), the profile's
// ec2_metadata_service_endpoint / _mode, AWS_METADATA_SERVICE_TIMEOUT (seconds),
// AWS_METADATA_SERVICE_NUM_ATTEMPTS and AWS_EC2_METADATA_V1_DISABLED. `profile` may be null.
ImdsOptions imds_options(const Environment& env, const Profile* profile);

// `http` must outlive the fetcher.
CredentialFetcher imds_fetcher(HttpTransport& http, ImdsOptions options);

}  // namespace rampart::aws
