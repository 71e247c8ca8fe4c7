// Byte encodings and digests the AWS protocols need: base64, hex, RFC 3986 percent-encoding,
// SHA-256 and HMAC-SHA256 (OpenSSL).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rampart::aws {

std::string base64_encode(std::string_view bytes);
// nullopt on characters outside the base64 alphabet or bad padding.
std::optional<std::string> base64_decode(std::string_view text);

std::string hex_encode(std::string_view bytes);

// RFC 3986 unreserved characters (A-Z a-z 0-9 - _ . ~) pass; everything else becomes %XX
// (upper-case hex). '/' passes when keep_slash is true (URI paths).
std::string uri_encode(std::string_view text, bool keep_slash = false);
// Decodes %XX; '+' stays '+' unless plus_is_space (form bodies).
std::string uri_decode(std::string_view text, bool plus_is_space = false);

std::string sha256(std::string_view bytes);  // raw 32 bytes
std::string sha256_hex(std::string_view bytes);
std::string hmac_sha256(std::string_view key, std::string_view data);  // raw 32 bytes
std::string md5_base64(std::string_view bytes);  // Content-MD5

}  // namespace rampart::aws
