// The HTTP transport seam. The real one is libcurl multi (src/aws/transport); tests plug in
// stubs. Implementations are thread-safe: many threads may send at once.
#pragma once

#include <chrono>
#include <string>

#include "aws/core/http.h"
#include "aws/core/result.h"

namespace rampart::aws {

struct CallOptions {
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds total_timeout{60000};  // whole exchange, body included
  std::string ca_bundle;                           // AWS_CA_BUNDLE; empty: system store
  bool verify_tls = true;
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  // Blocks until a full response arrives (any status) or fails with Network / Timeout.
  virtual Result<HttpResponse> send(const HttpRequest& request, const CallOptions& options) = 0;
};

}  // namespace rampart::aws
