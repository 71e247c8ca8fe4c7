// A printable form of an HttpRequest for --debug logs, with every secret the signer put in it
// masked: the Authorization signature, X-Amz-Security-Token (header or query), X-Amz-Signature
// and the access key id inside Authorization's Credential= and X-Amz-Credential.
#pragma once

#include <string>

#include "aws/core/http.h"

namespace rampart::aws::sigv4 {

// "GET https://host/path?query\nName: value\n...\n[body: N bytes]". The body itself is never
// printed (request bodies can carry secrets too).
std::string redact_for_log(const HttpRequest& request);

}  // namespace rampart::aws::sigv4
