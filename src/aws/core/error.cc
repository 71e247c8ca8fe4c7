// Error kinds and the AWS error code -> kind table. The code lists follow botocore's
// _retry.json ("standard" mode) and the services' documented error codes.
#include "aws/core/error.h"

#include <array>
#include <string_view>

#include <fmt/format.h>

namespace rampart {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::AccessDenied: return "AccessDenied";
    case ErrorKind::Throttling: return "Throttling";
    case ErrorKind::OptInRequired: return "OptInRequired";
    case ErrorKind::NotFound: return "NotFound";
    case ErrorKind::ExpiredCredentials: return "ExpiredCredentials";
    case ErrorKind::Network: return "Network";
    case ErrorKind::Timeout: return "Timeout";
    case ErrorKind::ServiceUnavailable: return "ServiceUnavailable";
    case ErrorKind::InvalidRequest: return "InvalidRequest";
    case ErrorKind::Parse: return "Parse";
    case ErrorKind::Internal: return "Internal";
  }
  return "Internal";
}

std::string Error::describe() const {
  std::string out(to_string(kind));
  if (http_status != 0 || !code.empty()) {
    out += " (";
    if (http_status != 0) out += std::to_string(http_status);
    if (http_status != 0 && !code.empty()) out += ' ';
    out += code;
    out += ')';
  }
  if (!message.empty()) out += ": " + message;
  if (!request_id.empty()) out += " [request " + request_id + "]";
  return out;
}

namespace {

using namespace std::string_view_literals;

constexpr std::array kThrottlingCodes = {
    "Throttling"sv,
    "ThrottlingException"sv,
    "ThrottledException"sv,
    "RequestThrottledException"sv,
    "TooManyRequestsException"sv,
    "ProvisionedThroughputExceededException"sv,
    "TransactionInProgressException"sv,
    "RequestLimitExceeded"sv,
    "BandwidthLimitExceeded"sv,
    "LimitExceededException"sv,
    "RequestThrottled"sv,
    "SlowDown"sv,
    "PriorRequestNotComplete"sv,
    "EC2ThrottledException"sv,
};

constexpr std::array kTransientCodes = {
    "RequestTimeout"sv,
    "RequestTimeoutException"sv,
    "PriorRequestNotComplete"sv,
    "InternalError"sv,
    "InternalFailure"sv,
    "InternalServerError"sv,
    "InternalServiceError"sv,
    "InternalException"sv,
    "ServiceUnavailable"sv,
    "ServiceUnavailableException"sv,
    "ServiceException"sv,
    "Unavailable"sv,
};

constexpr std::array kAccessDeniedCodes = {
    "AccessDenied"sv,
    "AccessDeniedException"sv,
    "UnauthorizedOperation"sv,
    "UnauthorizedAccess"sv,
    "AuthorizationError"sv,
    "AuthorizationErrorException"sv,
    "NotAuthorized"sv,
    "Forbidden"sv,
    "ForbiddenException"sv,
    "AccessDeniedForDependencyException"sv,
    "AWSOrganizationsNotInUseException"sv,
    "InvalidClientTokenId"sv,
    "UnrecognizedClientException"sv,
    "SignatureDoesNotMatch"sv,
    "IncompleteSignature"sv,
    "MissingAuthenticationToken"sv,
    "InvalidAccessKeyId"sv,
    "AuthFailure"sv,
};

constexpr std::array kExpiredCodes = {
    "ExpiredToken"sv,
    "ExpiredTokenException"sv,
    "RequestExpired"sv,
    "TokenRefreshRequired"sv,
    "InvalidToken"sv,
    };

constexpr std::array kOptInCodes = {
    "OptInRequired"sv,
    "SubscriptionRequiredException"sv,
    "NotSubscribedException"sv,
    "InvalidRegion"sv,
    "UnsupportedOperation"sv,
    "UnrecognizedRegion"sv,
};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& codes, std::string_view code) {
  for (std::string_view c : codes) {
    if (c == code) return true;
  }
  return false;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

bool is_throttling_code(std::string_view code) { return contains(kThrottlingCodes, code); }
bool is_transient_code(std::string_view code) { return contains(kTransientCodes, code); }

ErrorKind classify_aws_error(std::string_view code, int http_status) {
  if (is_throttling_code(code) || http_status == 429) return ErrorKind::Throttling;
  if (contains(kExpiredCodes, code)) return ErrorKind::ExpiredCredentials;
  if (contains(kAccessDeniedCodes, code)) return ErrorKind::AccessDenied;
  if (contains(kOptInCodes, code)) return ErrorKind::OptInRequired;
  if (is_transient_code(code)) return ErrorKind::ServiceUnavailable;
  // Most services name missing things "...NotFound", "NoSuch...", "...NotFoundException".
  if (code.starts_with("NoSuch") || ends_with(code, "NotFound") ||
      ends_with(code, "NotFoundException") || ends_with(code, "NotFoundFault") ||
      code.find(".NotFound") != std::string_view::npos || code == "ResourceNotFoundException") {
    return ErrorKind::NotFound;
  }
  if (http_status >= 500) return ErrorKind::ServiceUnavailable;
  if (http_status == 403) return ErrorKind::AccessDenied;
  if (http_status == 404) return ErrorKind::NotFound;
  if (http_status >= 400) return ErrorKind::InvalidRequest;
  return ErrorKind::Internal;
}

}  // namespace rampart
