// The libcurl-multi transport (see curl_transport.h). Threading: callers only touch the
// mutex-guarded submission queue and curl_multi_wakeup(); every curl handle is created,
// configured, driven and freed on the loop thread, so libcurl needs no locking of its own.
// Easy handles are pooled (curl_easy_reset keeps nothing request-specific); connections live
// in the multi handle's cache and are reused across transfers.
#include "aws/transport/curl_transport.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include <curl/curl.h>

#include "aws/transport/curl_global.h"
#include "aws/transport/curl_transfer.h"

namespace rampart::aws {

namespace {
constexpr std::size_t kMaxPooledHandles = 256;
constexpr int kPollMs = 1000;

Error shutdown_error() {
  return make_error(ErrorKind::Network, "transport shut down before the response",
                    "TransportShutdown");
}
}  // namespace

struct CurlTransport::Impl {
  TransportOptions options;
  CURLM* multi = nullptr;
  std::optional<Error> init_error;

  std::mutex mu;
  std::deque<std::unique_ptr<CurlTransfer>> submitted;  // guarded by mu
  bool stopping = false;                                 // guarded by mu
  std::atomic<std::size_t> in_flight{0};

  // Loop-thread only.
  std::unordered_map<CURL*, std::unique_ptr<CurlTransfer>> running;
  std::vector<CURL*> pool;

  std::thread loop;

  explicit Impl(TransportOptions o) : options(std::move(o)) {}

  void complete(std::unique_ptr<CurlTransfer> t, Result<HttpResponse> result) {
    TransportCallback done = std::move(t->done);
    release_handle(t->easy);
    t->easy = nullptr;
    t.reset();
    --in_flight;
    try {
      done(std::move(result));
    } catch (...) {
      // A throwing callback must not take the loop (and every other caller) down with it.
    }
  }

  CURL* acquire_handle() {
    if (!pool.empty()) {
      CURL* e = pool.back();
      pool.pop_back();
      return e;
    }
    return curl_easy_init();
  }

  void release_handle(CURL* e) {
    if (e == nullptr) return;
    if (pool.size() < kMaxPooledHandles) {
      curl_easy_reset(e);
      pool.push_back(e);
    } else {
      curl_easy_cleanup(e);
    }
  }

  void start(std::unique_ptr<CurlTransfer> t) {
    t->easy = acquire_handle();
    if (t->easy == nullptr) {
      complete(std::move(t), make_error(ErrorKind::Internal, "curl_easy_init failed"));
      return;
    }
    if (auto ok = configure_transfer(*t, options.no_proxy); !ok) {
      complete(std::move(t), ok.error());
      return;
    }
    if (CURLMcode mc = curl_multi_add_handle(multi, t->easy); mc != CURLM_OK) {
      complete(std::move(t), make_error(ErrorKind::Internal,
                                        std::string("curl_multi_add_handle: ") +
                                            curl_multi_strerror(mc)));
      return;
    }
    CURL* key = t->easy;
    running.emplace(key, std::move(t));
  }

  void reap() {
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      CURL* e = msg->easy_handle;
      const CURLcode code = msg->data.result;
      auto it = running.find(e);
      curl_multi_remove_handle(multi, e);
      if (it == running.end()) continue;
      std::unique_ptr<CurlTransfer> t = std::move(it->second);
      running.erase(it);
      Result<HttpResponse> result = finish_transfer(*t, code);
      complete(std::move(t), std::move(result));
    }
  }

  void run() {
    for (;;) {
      std::deque<std::unique_ptr<CurlTransfer>> batch;
      {
        std::lock_guard lock(mu);
        if (stopping) break;
        batch.swap(submitted);
      }
      for (auto& t : batch) start(std::move(t));
      int still_running = 0;
      curl_multi_perform(multi, &still_running);
      reap();
      curl_multi_poll(multi, nullptr, 0, kPollMs, nullptr);
    }
    // Shutdown: fail everything still queued or on the wire.
    for (auto& [e, t] : running) {
      curl_multi_remove_handle(multi, e);
      complete(std::move(t), shutdown_error());
    }
    running.clear();
    std::deque<std::unique_ptr<CurlTransfer>> rest;
    {
      std::lock_guard lock(mu);
      rest.swap(submitted);
    }
    for (auto& t : rest) complete(std::move(t), shutdown_error());
    for (CURL* e : pool) curl_easy_cleanup(e);
    pool.clear();
  }
};

CurlTransport::CurlTransport(TransportOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {
  if (auto ok = ensure_curl_global_init(); !ok) {
    impl_->init_error = ok.error();
    return;
  }
  impl_->multi = curl_multi_init();
  if (impl_->multi == nullptr) {
    impl_->init_error = make_error(ErrorKind::Internal, "curl_multi_init failed");
    return;
  }
  curl_multi_setopt(impl_->multi, CURLMOPT_MAXCONNECTS, impl_->options.max_connections);
  curl_multi_setopt(impl_->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
                    impl_->options.max_host_connections);
  curl_multi_setopt(impl_->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                    impl_->options.max_total_connections);
  curl_multi_setopt(impl_->multi, CURLMOPT_PIPELINING, static_cast<long>(CURLPIPE_NOTHING));
  impl_->loop = std::thread([impl = impl_.get()] { impl->run(); });
}

CurlTransport::~CurlTransport() {
  if (impl_->loop.joinable()) {
    {
      std::lock_guard lock(impl_->mu);
      impl_->stopping = true;
    }
    curl_multi_wakeup(impl_->multi);
    impl_->loop.join();
  }
  if (impl_->multi != nullptr) curl_multi_cleanup(impl_->multi);
}

void CurlTransport::send_async(HttpRequest request, CallOptions options, Callback done) {
  if (impl_->init_error) {
    done(*impl_->init_error);
    return;
  }
  auto t = std::make_unique<CurlTransfer>();
  t->request = std::move(request);
  t->options = std::move(options);
  t->done = std::move(done);
  {
    std::unique_lock lock(impl_->mu);
    if (impl_->stopping) {
      lock.unlock();
      t->done(shutdown_error());
      return;
    }
    ++impl_->in_flight;
    impl_->submitted.push_back(std::move(t));
  }
  curl_multi_wakeup(impl_->multi);
}

Result<HttpResponse> CurlTransport::send(const HttpRequest& request, const CallOptions& options) {
  if (std::this_thread::get_id() == impl_->loop.get_id()) {
    return make_error(ErrorKind::Internal, "CurlTransport::send called from a transport callback");
  }
  std::mutex mu;
  std::condition_variable cv;
  std::optional<Result<HttpResponse>> out;
  send_async(request, options, [&](Result<HttpResponse> r) {
    std::lock_guard lock(mu);
    out.emplace(std::move(r));
    cv.notify_one();  // under the lock: the waiter's stack frame must outlive this call
  });
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return out.has_value(); });
  return std::move(*out);
}

std::size_t CurlTransport::in_flight() const { return impl_->in_flight.load(); }

}  // namespace rampart::aws
