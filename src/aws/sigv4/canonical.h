// The pieces of a SigV4 canonical request, as pure functions over strings: the canonical URI
// (dot-segment removal, slash collapsing, double or single percent-encoding), the canonical
// query string and the canonical header block. signer.cc assembles them; the fuzzer and the
// unit tests call them one by one.
#pragma once

#include <string>
#include <string_view>

#include "aws/core/http.h"

namespace rampart::aws::sigv4 {

// RFC 3986 §5.2.4 dot-segment removal plus collapsing of empty segments ("//"), the way AWS
// normalizes paths for every service but S3. A trailing slash survives; "" becomes "/".
std::string normalize_uri_path(std::string_view path);

// The canonical URI line.
// - double_encode (all services but S3): `path` is the wire path; every byte outside the RFC
//   3986 unreserved set and '/' is percent-encoded again, so "%3A" becomes "%253A".
// - single encoding (S3): `path` is decoded once and encoded once, so the result is the object
//   key encoded exactly once whether the caller passed "a%20b" or "a b".
std::string canonical_uri(std::string_view path, bool normalize, bool double_encode);

// The canonical query string: split on '&', each key and value percent-decoded then
// re-encoded (RFC 3986, '+' kept literal and so encoded as %2B), pairs sorted by encoded key
// then encoded value, "key=value" joined with '&'. Empty segments are dropped; a key without
// '=' gets an empty value.
std::string canonical_query(std::string_view query);

// Header value as signed: leading/trailing whitespace trimmed and each inner run of
// whitespace (obs-fold line breaks included) collapsed into one space.
std::string canonical_header_value(std::string_view value);

// True for headers that never take part in a signature because proxies or the transport may
// add or rewrite them (user-agent, expect, connection, ...) or because they carry it
// (authorization).
bool is_unsigned_header(std::string_view lower_name);

struct CanonicalHeaders {
  std::string block;           // "name:value\n" per header, sorted by name
  std::string signed_headers;  // "host;x-amz-date"
};

// Lower-cases names, merges same-named headers in their order with ',', sorts by name and
// skips is_unsigned_header() names.
CanonicalHeaders canonicalize_headers(const Headers& headers);

}  // namespace rampart::aws::sigv4
