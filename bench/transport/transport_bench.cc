// Requests per second through CurlTransport (one multi handle, one loop thread) against a
// loopback keep-alive server with a small fixed response, at 1, 16 and 128 requests in flight;
// and, as the same-run baseline, a plain blocking curl_easy_perform loop (1 in flight).
#include <benchmark/benchmark.h>
#include <curl/curl.h>

#include <condition_variable>
#include <mutex>

#include "aws/transport/curl_global.h"
#include "aws/transport/curl_transport.h"
#include "aws/transport/testing/loopback_server.h"

namespace {

using rampart::aws::CallOptions;
using rampart::aws::CurlTransport;
using rampart::aws::HttpRequest;
using rampart::aws::HttpResponse;
using rampart::aws::TransportOptions;
using rampart::aws::testing::LoopbackServer;
using rampart::aws::testing::ServerReply;
using rampart::aws::testing::ServerRequest;

ServerReply small_reply(const ServerRequest&) {
  ServerReply r;
  r.headers = {{"Content-Type", "text/xml"}, {"x-amzn-RequestId", "bench"}};
  r.body = "<DescribeResponse><RequestId>bench</RequestId></DescribeResponse>";
  return r;
}

void BM_CurlTransport(benchmark::State& state) {
  const auto window = static_cast<int>(state.range(0));
  LoopbackServer server(&small_reply);
  TransportOptions opts;
  opts.no_proxy = "127.0.0.1";
  opts.max_connections = 256;
  CurlTransport transport(opts);
  HttpRequest req;
  req.scheme = "http";
  req.host = server.host();
  req.path = "/bench";
  CallOptions call;

  std::mutex mu;
  std::condition_variable cv;
  int outstanding = 0;
  std::int64_t failures = 0;
  for (auto _ : state) {
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return outstanding < window; });
      ++outstanding;
    }
    transport.send_async(req, call, [&](rampart::Result<HttpResponse> r) {
      std::lock_guard lock(mu);
      if (!r.ok() || r->status != 200) ++failures;
      --outstanding;
      cv.notify_all();
    });
  }
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return outstanding == 0; });
  state.SetItemsProcessed(state.iterations());
  state.counters["connections"] = server.connections_accepted();
  state.counters["failures"] = static_cast<double>(failures);
  if (failures > 0) state.SkipWithError("requests failed");
}
BENCHMARK(BM_CurlTransport)->Arg(1)->Arg(16)->Arg(128)->UseRealTime()->MinTime(2.0);

size_t discard(char*, size_t size, size_t n, void*) { return size * n; }

void BM_BlockingCurlEasy(benchmark::State& state) {
  (void)rampart::aws::ensure_curl_global_init();
  LoopbackServer server(&small_reply);
  CURL* easy = curl_easy_init();
  const std::string url = "http://" + server.host() + "/bench";
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &discard);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_NOPROXY, "127.0.0.1");
  std::int64_t failures = 0;
  for (auto _ : state) {
    long status = 0;
    if (curl_easy_perform(easy) != CURLE_OK) ++failures;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    if (status != 200) ++failures;
  }
  curl_easy_cleanup(easy);
  state.SetItemsProcessed(state.iterations());
  state.counters["connections"] = server.connections_accepted();
  if (failures > 0) state.SkipWithError("requests failed");
}
BENCHMARK(BM_BlockingCurlEasy)->UseRealTime()->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
