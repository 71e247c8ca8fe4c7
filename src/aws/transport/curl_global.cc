// One-time libcurl initialisation (see curl_global.h). The once-flag and the outcome are the
// only process-wide state, and they are written once under std::call_once.
#include "aws/transport/curl_global.h"

#include <mutex>

#include <curl/curl.h>

namespace rampart::aws {

Result<void> ensure_curl_global_init() {
  static std::once_flag once;
  static CURLcode outcome = CURLE_OK;
  std::call_once(once, [] { outcome = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (outcome != CURLE_OK) {
    return make_error(ErrorKind::Internal,
                      std::string("curl_global_init failed: ") + curl_easy_strerror(outcome));
  }
  return {};
}

}  // namespace rampart::aws
