// Where a serialized request goes: scheme, host (with an optional ":port") and a base path
// that every operation path is appended to (custom endpoints such as "https://host/custom").
#pragma once

#include <string>
#include <string_view>

#include "aws/core/result.h"

namespace rampart::aws {

struct RequestTarget {
  std::string scheme = "https";
  std::string host;         // "ec2.us-east-1.amazonaws.com" or "127.0.0.1:8080"
  std::string path_prefix;  // "" or "/custom" (no trailing '/')
};

// "https://example.com/custom/" -> {"https", "example.com", "/custom"}. Rejects URLs without
// a http/https scheme or host, and URLs with a query or fragment (InvalidRequest).
Result<RequestTarget> parse_endpoint_url(std::string_view url);

}  // namespace rampart::aws
