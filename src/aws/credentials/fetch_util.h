// Small helpers shared by the credential sources: URL splitting for the metadata endpoints and
// the JSON credential documents IMDS, ECS and credential_process return.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "aws/core/credentials.h"
#include "aws/core/json.h"
#include "aws/core/result.h"

namespace rampart::aws {

struct Url {
  std::string scheme;    // lower-case
  std::string host;      // as in the URL, with ":port" and IPv6 brackets ("[::1]:80")
  std::string hostname;  // without port or brackets ("::1")
  std::string path;      // "/" when empty
  std::string query;     // without '?'
};

std::optional<Url> parse_url(std::string_view text);

// True for 127.0.0.0/8, ::1 and IPv4-mapped loopback (botocore's ip_address(...).is_loopback).
bool is_loopback_address(std::string_view hostname);

// Reads AccessKeyId / SecretAccessKey / <token_key> / Expiration from a JSON object. The error
// names missing fields only, never values. `what` names the source for messages.
Result<Credentials> credentials_from_json(const Json& doc, std::string_view token_key,
                                          bool require_token_and_expiration, std::string_view what);

// ISO 8601 -> time_point; nullopt when unparsable.
std::optional<std::chrono::system_clock::time_point> parse_expiration(std::string_view text);

}  // namespace rampart::aws
