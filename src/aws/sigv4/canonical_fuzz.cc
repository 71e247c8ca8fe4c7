// libFuzzer target: arbitrary bytes -> parse_raw_http_request -> every canonicalization path
// (normalized and S3-style URI, query, headers), both signing modes, and the log redaction.
// Built only with -DRAMPART_FUZZ=ON under clang (-fsanitize=fuzzer); crashes found become
// regression cases in canonical_test.cc / raw_request_test.cc.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aws/sigv4/canonical.h"
#include "aws/sigv4/raw_request.h"
#include "aws/sigv4/redact.h"
#include "aws/sigv4/signer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rampart::aws;  // NOLINT: fuzzer entry point, local scope only
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = sigv4::parse_raw_http_request(text);
  if (!parsed.ok()) return 0;
  const HttpRequest& request = parsed.value();

  sigv4::SigningParams params;
  params.region = "us-east-1";
  params.service = "service";
  params.time = std::chrono::system_clock::time_point(std::chrono::seconds(1440938160));
  (void)sigv4::canonical_request(request, params);
  params.normalize_path = false;
  params.double_encode_path = false;
  (void)sigv4::canonical_request(request, params);

  // Idempotence of the canonical forms: canonicalizing a canonical query changes nothing.
  const std::string query = sigv4::canonical_query(request.query);
  if (sigv4::canonical_query(query) != query) __builtin_trap();
  const std::string path = sigv4::normalize_uri_path(request.path);
  if (sigv4::normalize_uri_path(path) != path) __builtin_trap();

  Credentials credentials;
  credentials.access_key_id = "AKIDEXAMPLE";
  credentials.secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  credentials.session_token = "token";
  HttpRequest header_signed = request;
  (void)sigv4::sign_headers(header_signed, credentials, params);
  (void)sigv4::redact_for_log(header_signed);
  HttpRequest query_signed = request;
  (void)sigv4::presign_query(query_signed, credentials, params);
  (void)sigv4::redact_for_log(query_signed);
  return 0;
}
