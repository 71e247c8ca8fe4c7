// The closed set of error kinds every AWS call (and every parser) reports, plus the AWS code,
// message and request id. Retry and "could not assess" decisions read the kind only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rampart {

enum class ErrorKind : std::uint8_t {
  AccessDenied,        // not authorized (IAM, SCP, bucket policy, ...)
  Throttling,          // rate exceeded; retryable
  OptInRequired,       // region or service not enabled / not subscribed for this account
  NotFound,            // the resource or configuration does not exist
  ExpiredCredentials,  // token expired or invalid signature because of stale credentials
  Network,             // connection refused/reset, DNS, TLS
  Timeout,             // a deadline passed
  ServiceUnavailable,  // 5xx and transient service errors
  InvalidRequest,      // the request was rejected as malformed (4xx validation errors)
  Parse,               // a response or input file we could not read
  Internal,            // a bug or an unexpected state in rampart
};

std::string_view to_string(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::Internal;
  std::string code;        // AWS error code ("AccessDenied", "Throttling", ...) or ours
  std::string message;     // human-readable; never contains secrets
  std::string request_id;  // x-amzn-RequestId / RequestId element, where AWS sent one
  int http_status = 0;     // 0 when no HTTP response was received

  // "AccessDenied (403 AccessDeniedException): User is not authorized [request 1234]"
  std::string describe() const;
};

inline Error make_error(ErrorKind kind, std::string message, std::string code = {}) {
  return Error{kind, std::move(code), std::move(message), {}, 0};
}

// Maps an AWS error code and HTTP status to an ErrorKind. Codes are matched case-sensitively
// as AWS sends them; unknown codes fall back on the status (5xx -> ServiceUnavailable,
// 403 -> AccessDenied, 404 -> NotFound, other 4xx -> InvalidRequest).
ErrorKind classify_aws_error(std::string_view code, int http_status);

// Throttling per the AWS "standard" retry mode's list of throttling codes.
bool is_throttling_code(std::string_view code);
// Transient (non-throttling) codes the standard retry mode retries.
bool is_transient_code(std::string_view code);

}  // namespace rampart
