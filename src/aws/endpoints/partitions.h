// The endpoint data generated from botocore's endpoints.json (gen/partitions.cc, written by
// tools/gen_models.py): the partitions with their region regex, DNS suffix, hostname template
// and regions, and for each endpoint prefix rampart uses, per partition, the endpoints that
// differ from the template (global endpoints, credential-scope overrides).
#pragma once

#include <span>
#include <string_view>

namespace rampart::aws::endpoints {

struct Partition {
  std::string_view id;                        // "aws", "aws-cn", "aws-us-gov", ...
  std::string_view name;                      // "AWS Standard"
  std::string_view region_regex;              // as in endpoints.json, for messages
  std::string_view dns_suffix;                // "amazonaws.com"
  std::string_view hostname;                  // "{service}.{region}.{dnsSuffix}"
  std::span<const std::string_view> regions;  // real regions, sorted (no "aws-global")
  // region_regex is always ^HEAD\-\w+\-\d+$; these are the literal HEADs plus '-' it accepts
  // ("us-gov-"), so matching needs no std::regex (the generator checks the expansion).
  std::span<const std::string_view> region_prefixes;
};

// One endpoint of endpoints.json that the template does not produce.
struct EndpointOverride {
  std::string_view key;                 // region or pseudo-region ("aws-global")
  std::string_view hostname;            // empty: the template
  std::string_view credential_region;   // empty: the region itself
  std::string_view credential_service;  // empty: the model's signing name
};

struct ServiceEndpoints {
  std::string_view prefix;              // endpoint prefix ("iam", "s3-control", "monitoring")
  std::string_view partition;           // partition id
  bool regionalized = true;             // false: every region uses partition_endpoint
  std::string_view partition_endpoint;  // "aws-global"
  std::string_view hostname;            // service default template; empty: the partition's
  std::string_view credential_region;   // service default credential scope
  std::string_view credential_service;
  std::span<const EndpointOverride> endpoints;  // sorted by key
};

std::span<const Partition> partitions();                // endpoints.json order ("aws" first)
std::span<const ServiceEndpoints> service_endpoints();  // sorted by (prefix, partition)

}  // namespace rampart::aws::endpoints
