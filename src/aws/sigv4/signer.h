// AWS Signature Version 4 (AWS4-HMAC-SHA256): signs an HttpRequest in place, either with an
// Authorization header or as a presigned URL (X-Amz-* query parameters). The signing time is
// an input (SigningParams::time, usually clock.now()), never read from the system, so tests
// and replays are deterministic. Derived signing keys are memoised in a caller-owned
// SigningKeyCache: a long scan signs millions of requests with a handful of keys.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "aws/core/clock.h"
#include "aws/core/credentials.h"
#include "aws/core/http.h"
#include "aws/core/result.h"

namespace rampart::aws::sigv4 {

inline constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";
inline constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";

struct SigningParams {
  std::string region;   // "us-east-1"
  std::string service;  // signing name: "ec2", "s3", "iam", ...
  std::chrono::system_clock::time_point time;
  bool unsigned_payload = false;       // payload hash "UNSIGNED-PAYLOAD" instead of sha256(body)
  bool sign_body = false;              // add x-amz-content-sha256 (S3 requires it; header signing)
  bool normalize_path = true;          // remove dot segments and "//" (false for S3)
  bool double_encode_path = true;      // encode the wire path again (false for S3)
  bool omit_session_token = false;     // add X-Amz-Security-Token after signing, unsigned
  std::chrono::seconds expires{3600};  // presigned URLs only; 1 s .. 7 days

  // The settings S3 needs: no normalization, single encoding, x-amz-content-sha256. For a
  // presigned S3 URL also set unsigned_payload.
  static SigningParams s3(std::string region, std::chrono::system_clock::time_point time);
  static SigningParams at(std::string region, std::string service, const Clock& clock);
};

// The intermediate values of one signature; the test suites compare all of them.
struct SigningDetails {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;       // lower-case hex
  std::string signed_headers;  // "host;x-amz-date"
  std::string scope;           // "20150830/us-east-1/service/aws4_request"
};

// Thread-safe memo of derived signing keys per (secret, date, region, service). Owned by the
// client that signs (no process-wide state); bounded, it is cleared when it grows past
// max_entries (keys change daily, so it only ever holds a few).
class SigningKeyCache {
 public:
  explicit SigningKeyCache(std::size_t max_entries = 64) : max_entries_(max_entries) {}
  std::string get(std::string_view secret, std::string_view date, std::string_view region,
                  std::string_view service);
  std::size_t size() const;

 private:
  std::size_t max_entries_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::string> keys_;
};

// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
std::string derive_signing_key(std::string_view secret, std::string_view date,
                               std::string_view region, std::string_view service);

// "20150830T123600Z" and "20150830" for a time point (UTC, whole seconds).
std::string amz_date(std::chrono::system_clock::time_point t);
std::string amz_day(std::chrono::system_clock::time_point t);

// The payload hash line: the x-amz-content-sha256 header when the request carries one (S3
// precomputed or streaming values), else UNSIGNED-PAYLOAD when asked, else sha256(body).
std::string payload_hash(const HttpRequest& request, const SigningParams& params);

// The canonical request of `request` exactly as it stands: nothing is added, so the caller
// (sign_headers / presign_query) has already put Host, X-Amz-Date, ... in place.
std::string canonical_request(const HttpRequest& request, const SigningParams& params);

// "AWS4-HMAC-SHA256\n<amz date>\n<scope>\n<hex sha256 of canonical request>".
std::string string_to_sign(std::string_view canonical_request, const SigningParams& params);

// Authorization-header signing. Adds Host (from request.host) when absent, X-Amz-Date,
// X-Amz-Security-Token (signed unless omit_session_token), x-amz-content-sha256 when
// sign_body, then Authorization; any earlier Authorization is replaced.
Result<SigningDetails> sign_headers(HttpRequest& request, const Credentials& credentials,
                                    const SigningParams& params, SigningKeyCache* cache = nullptr);

// Presigned URL: appends X-Amz-Algorithm, -Credential, -Date, -SignedHeaders, -Expires,
// -Security-Token and -Signature to request.query (after the caller's parameters, which keep
// their order and encoding). Headers are signed too (Host is added when absent).
Result<SigningDetails> presign_query(HttpRequest& request, const Credentials& credentials,
                                     const SigningParams& params, SigningKeyCache* cache = nullptr);

}  // namespace rampart::aws::sigv4
