// Wildcard matching the way IAM does it: '*' = any run of characters, '?' = exactly one.
// Actions ("service:Name") match case-insensitively; ARNs match case-sensitively, segment by
// segment (partition, service, region, account), with the resource part free to span ':' and
// '/'. A Pattern may mark characters as literal: ${*} and ${?} policy variables produce a '*'
// or '?' that must match itself.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rampart::iam {

struct Pattern {
  std::string text;
  std::vector<bool> literal;  // empty, or one flag per byte of text
};

bool glob_match(std::string_view pattern, std::string_view text, bool ignore_case = false);
bool glob_match(const Pattern& pattern, std::string_view text, bool ignore_case = false);

// "s3:Get*" vs "s3:GetObject": case-insensitive; "*" matches any action.
bool action_matches(std::string_view pattern, std::string_view action);

// Resource/ARN-condition matching: "*" matches anything; otherwise the first five ':'-separated
// segments match one by one and the rest (the resource part) as one glob.
bool arn_matches(const Pattern& pattern, std::string_view arn);
bool arn_matches(std::string_view pattern, std::string_view arn);

struct Arn {
  std::string partition, service, region, account, resource;
};
// Splits "arn:partition:service:region:account:resource"; false when it is not an ARN.
bool parse_arn(std::string_view text, Arn& out);

bool has_wildcard(std::string_view text);

}  // namespace rampart::iam
