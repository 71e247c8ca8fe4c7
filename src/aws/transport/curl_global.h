// curl_global_init must run once per process before any other libcurl call and is not
// thread-safe itself; every libcurl user in rampart calls ensure_curl_global_init() first.
#pragma once

#include "aws/core/result.h"

namespace rampart::aws {

// Runs curl_global_init(CURL_GLOBAL_DEFAULT) exactly once (std::call_once); later calls return
// the first call's outcome. Never calls curl_global_cleanup: other users may still need it and
// the OS reclaims it at exit.
Result<void> ensure_curl_global_init();

}  // namespace rampart::aws
