// The inventory's values: a resource as collected (AWS field names kept), a collection error,
// and a scan's header. Reading an attribute is tri-state (STYLE.md §5):
//   known   - the attribute is in `document` with a non-null value;
//   absent  - AWS said "not configured" (stored as JSON null) or omitted the member;
//   unknown - the call that reads it failed: `unknown[attribute]` names the error.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "aws/core/error.h"
#include "aws/core/json.h"

namespace rampart::inventory {

inline constexpr std::string_view kGlobalRegion = "global";  // IAM, Organizations, S3 buckets list

struct Resource {
  std::string account;
  std::string region;  // "us-east-1", or kGlobalRegion for account-wide resources
  std::string type;    // "<service>:<resource>" as AWS CloudFormation-ish names: "ec2:instance",
                       // "s3:bucket", "iam:user", "rds:db-instance", "account:password-policy"
  std::string id;      // unique within (account, region, type): the AWS id ("i-0abc", bucket name)
  std::string arn;     // empty when AWS has none for it
  std::string name;    // Name tag or AWS name; display only
  Json tags = Json::object();      // {"Key": "Value"}
  Json document = Json::object();  // merged AWS fields, AWS's member names
  // attribute (top-level member of document) -> {"operation", "kind", "code", "message"}
  Json unknown = Json::object();
};

// One call that could not be read. resource_id empty: a list call (the whole resource_type in
// that region is unknown).
struct CollectionError {
  std::string account;
  std::string region;
  std::string service;        // botocore id: "ec2", "s3", ...
  std::string operation;      // "DescribeInstances"
  std::string resource_type;  // the type the call feeds ("ec2:instance")
  std::string resource_id;    // empty for list calls
  ErrorKind kind = ErrorKind::Internal;
  std::string code;
  std::string message;
};

enum class ScanStatus : std::uint8_t { Running, Complete, Incomplete };

struct ScanInfo {
  std::int64_t id = 0;
  std::string account;
  std::string started;   // ISO 8601 UTC
  std::string finished;  // empty while running / when interrupted
  std::string rampart_version;
  std::vector<std::string> regions;
  Json options = Json::object();  // the scan's command-line choices (services, profile name, ...)
  ScanStatus status = ScanStatus::Running;
};

std::string_view to_string(ScanStatus s);

}  // namespace rampart::inventory
