// The production HttpTransport: one libcurl multi handle driven by one event-loop thread and
// shared by every caller. Many transfers run at once over a keep-alive connection cache;
// send() blocks its caller, send_async() returns at once and calls back on the loop thread.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "aws/core/transport.h"

namespace rampart::aws {

struct TransportOptions {
  long max_connections = 64;       // idle connections kept for reuse (CURLMOPT_MAXCONNECTS)
  long max_host_connections = 0;   // per host:port, 0 = unlimited; extra transfers queue
  long max_total_connections = 0;  // overall, 0 = unlimited
  std::string no_proxy;            // CURLOPT_NOPROXY (e.g. "127.0.0.1"); empty: curl's default
};

class CurlTransport final : public HttpTransport {
 public:
  // Called exactly once per send_async, on the event-loop thread: keep it short, never block,
  // never call send() from it.
  using Callback = std::function<void(Result<HttpResponse>)>;

  explicit CurlTransport(TransportOptions options = {});
  // Fails in-flight and queued transfers with a Network error ("transport shut down") and
  // joins the loop thread.
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  Result<HttpResponse> send(const HttpRequest& request, const CallOptions& options) override;
  void send_async(HttpRequest request, CallOptions options, Callback done);

  // Transfers queued or running right now.
  std::size_t in_flight() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rampart::aws
