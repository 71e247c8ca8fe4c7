// Parses raw HTTP/1.1 request text (the SigV4 test suites' request.txt / .req files, and
// fuzzer input) into an HttpRequest.
#pragma once

#include <string_view>

#include "aws/core/http.h"
#include "aws/core/result.h"

namespace rampart::aws::sigv4 {

// "METHOD <target> HTTP/1.1", header lines "Name:value", a blank line, then the body.
// - Lines end in "\n" or "\r\n"; the last line may lack one.
// - The target is split at the first '?' into path and query, both kept byte for byte: the
//   suites write some paths unencoded ("/example space/", raw UTF-8), which the signer then
//   encodes. A target containing spaces is allowed (the version is the last word).
// - A line starting with a space or tab continues the previous header (obs-fold); it is
//   joined with one space. Repeated headers stay separate entries, in order.
// - request.host is the first Host header's value; scheme is "https".
// Errors (kind Parse): empty input, no method or target, a header line without ':' or with an
// empty name, a continuation line before any header.
Result<HttpRequest> parse_raw_http_request(std::string_view text);

}  // namespace rampart::aws::sigv4
