// Deterministic large AWS response bodies for the parse benchmark, generated at run time (never
// checked in): an EC2 DescribeInstances XML page shaped like the recorded wire responses in
// shared/testdata/aws-responses/ec2, and a Secrets Manager ListSecrets JSON page (json 1.1
// protocol: nested structures, a map of lists, six epoch timestamps per item).
#pragma once

#include <cstddef>
#include <string>

namespace rampart::bench {

struct Corpus {
  std::string body;
  std::size_t items = 0;  // instances (EC2) or secrets (Secrets Manager) in the body
};

// At least `min_bytes` of DescribeInstancesResponse XML: reservations of 1-4 instances with
// varied ids, tags, block devices, network interfaces, security groups.
Corpus make_ec2_describe_instances(std::size_t min_bytes);

// At least `min_bytes` of ListSecrets JSON: {"SecretList": [...], "NextToken": "..."}.
Corpus make_secrets_list(std::size_t min_bytes);

}  // namespace rampart::bench
