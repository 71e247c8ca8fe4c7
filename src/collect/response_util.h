// Small helpers the S3, RDS, IAM, KMS, Secrets Manager and account collectors share: policy
// documents AWS returns as JSON strings, and per-resource calls that page (RDS
// DescribeDBParameters, IAM ListAccessKeys) where every page must be read before the attribute
// is known.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "collect/collector.h"

namespace rampart::collect {

// A policy document AWS returns as a JSON string (S3 GetBucketPolicy, KMS GetKeyPolicy, Secrets
// Manager GetResourcePolicy) parsed into JSON; a string that is not JSON is kept as the string,
// and null stays null (absent).
Json parse_embedded_json(const Json& value);

// `response[member]`, or null (absent) when the response has no such member.
Json member_or_null(const Json& response, std::string_view member);

struct PageSpec {
  std::string_view list_key;   // the array every page contributes ("Parameters")
  std::string_view token_in;   // request member carrying the token ("Marker")
  std::string_view token_out;  // response member holding the next token ("Marker")
};

// task.describe() over every page: concatenates `list_key` from each page into the first
// page's response (the token member removed). On failure of any page the attribute is unknown
// (or absent) exactly as describe() left it and nullopt is returned. Bounded to 10,000 pages.
std::optional<Json> describe_all_pages(CollectTask& task, inventory::Resource& resource,
                                       std::string_view service, std::string_view operation,
                                       Json params, std::string_view attribute, PageSpec pages,
                                       std::string_view absent_code = {},
                                       std::string_view region = {});

// task.describe() with at most one "not configured" code (empty: none).
std::optional<Json> describe_one(CollectTask& task, inventory::Resource& resource,
                                 std::string_view service, std::string_view operation,
                                 const Json& params, std::string_view attribute,
                                 std::string_view absent_code = {}, std::string_view region = {});

}  // namespace rampart::collect
