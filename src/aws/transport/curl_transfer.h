// One HTTP exchange on a libcurl easy handle: builds the handle from an HttpRequest exactly as
// the signer saw it (no added Accept/Content-Type/Expect, body sent verbatim, no redirects,
// path not normalised), collects the final response's headers in order, and maps CURLcode
// failures onto rampart's ErrorKind.
#pragma once

#include <functional>
#include <string>

#include <curl/curl.h>

#include "aws/core/http.h"
#include "aws/core/result.h"
#include "aws/core/transport.h"

namespace rampart::aws {

using TransportCallback = std::function<void(Result<HttpResponse>)>;

struct CurlTransfer {
  HttpRequest request;
  CallOptions options;
  TransportCallback done;
  CURL* easy = nullptr;              // owned by the transport's handle pool, not by us
  curl_slist* header_list = nullptr;
  HttpResponse response;
  char error_buffer[CURL_ERROR_SIZE] = {};

  CurlTransfer() = default;
  CurlTransfer(const CurlTransfer&) = delete;
  CurlTransfer& operator=(const CurlTransfer&) = delete;
  ~CurlTransfer();
};

// Configures `t.easy` (already reset) for `t.request`; InvalidRequest for a request curl must
// not send (bad header bytes, Content-Length that disagrees with the body, unknown scheme).
Result<void> configure_transfer(CurlTransfer& t, const std::string& no_proxy);

// The outcome once curl reports the transfer done with `code`.
Result<HttpResponse> finish_transfer(CurlTransfer& t, CURLcode code);

// ErrorKind for a transfer-level curl failure (Timeout, Network, InvalidRequest, Internal).
ErrorKind classify_curl_error(CURLcode code);
// "CURLE_COULDNT_CONNECT" for the common codes, "CURLE_<n>" otherwise.
std::string curl_code_name(CURLcode code);

}  // namespace rampart::aws
