// Resolves the URL, signing region and signing name of a service in a region, the way
// botocore does for rampart's services: the partition hostname template from endpoints.json,
// its global endpoints (IAM, Organizations, S3 us-east-1, optional global STS) and credential
// scope overrides, and the configured endpoint overrides (--endpoint-url, then
// AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL). FIPS and dual-stack are not supported.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aws/core/result.h"
#include "aws/model/model.h"

namespace rampart::aws::endpoints {

// Reads one environment variable; std::nullopt when unset. Injected so that resolution is a
// pure function of its inputs (tests pass a map; the CLI passes system_environment()).
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

// getenv-backed lookup, for the CLI edge.
EnvLookup system_environment();

struct EndpointConfig {
  std::string endpoint_url;  // the --endpoint-url flag; empty: not given
  EnvLookup env;             // empty: no environment (only endpoint_url and the defaults)
  // botocore sts_regional_endpoints: "regional" (default) or "legacy" (sts.amazonaws.com for
  // the legacy regions). Empty: AWS_STS_REGIONAL_ENDPOINTS, else "regional".
  std::string sts_regional_endpoints;
  // botocore s3 us_east_1_regional_endpoint: "legacy" (default, s3.amazonaws.com) or
  // "regional". Empty: AWS_S3_US_EAST_1_REGIONAL_ENDPOINT, else "legacy".
  std::string s3_us_east_1_regional_endpoint;
};

struct ResolvedEndpoint {
  std::string url;             // scheme://host[:port][/path], no trailing '/'
  std::string signing_region;  // SigV4 credential scope region
  std::string signing_name;    // SigV4 credential scope service
  std::string partition;       // "aws", "aws-cn", "aws-us-gov", ...
};

// Fails with ErrorKind::InvalidRequest on an empty or malformed region, a malformed endpoint
// URL (flag or environment) or an invalid sts/s3 endpoint setting. A well-formed region that
// matches no partition resolves in "aws" with the template, as botocore does.
Result<ResolvedEndpoint> resolve_endpoint(const ServiceModel& model, std::string_view region,
                                          const EndpointConfig& config);

// "AWS_ENDPOINT_URL_" + the serviceId upper-cased, spaces as '_' ("CLOUDWATCH_LOGS").
std::string service_endpoint_env_name(const ServiceModel& model);

// The regions endpoints.json lists for a partition, sorted; empty for an unknown partition.
std::vector<std::string> partition_regions(std::string_view partition);

// The partition of a region: listed regions first, then each partition's region regex, else
// "aws". Empty when region is not a valid region name.
std::string_view partition_of(std::string_view region);

}  // namespace rampart::aws::endpoints
