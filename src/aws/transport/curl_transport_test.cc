// Transport tests against a loopback server started by each test: exact request bytes
// (headers, body, no curl-added headers), response headers in order, keep-alive reuse, many
// concurrent senders, and the failure mapping (refused, timeout, truncated, reset, shutdown).
#include "aws/transport/curl_transport.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "aws/transport/testing/loopback_server.h"

namespace rampart::aws {
namespace {

using testing::LoopbackServer;
using testing::ServerReply;
using testing::ServerRequest;
using std::chrono::milliseconds;
using Mode = ServerReply::Mode;

TransportOptions loopback_options() {
  TransportOptions o;
  o.no_proxy = "127.0.0.1";
  return o;
}

HttpRequest make_request(const LoopbackServer& server, std::string method, std::string path) {
  HttpRequest r;
  r.method = std::move(method);
  r.scheme = "http";
  r.host = server.host();
  r.path = std::move(path);
  return r;
}

CallOptions quick(milliseconds total = milliseconds(5000)) {
  CallOptions o;
  o.connect_timeout = milliseconds(2000);
  o.total_timeout = total;
  return o;
}

// The server side records what arrived.
struct Recorder {
  std::mutex mu;
  std::vector<ServerRequest> seen;
  void add(const ServerRequest& r) {
    std::lock_guard lock(mu);
    seen.push_back(r);
  }
};

TEST(CurlTransport, GetRoundTripWithHeadersInOrder) {
  Recorder rec;
  LoopbackServer server([&](const ServerRequest& r) {
    rec.add(r);
    ServerReply reply;
    reply.status = 200;
    reply.headers = {{"x-amzn-RequestId", "req-1"}, {"X-B", "two"}, {"X-A", "one"},
                     {"Content-Type", "text/xml"}};
    reply.body = "<ok/>";
    return reply;
  });
  CurlTransport transport(loopback_options());
  HttpRequest req = make_request(server, "GET", "/a/b%2Fc/../d");
  req.query = "Action=DescribeThings&Version=1";
  req.headers = {{"X-Amz-Date", "20240101T000000Z"}, {"Authorization", "AWS4 sig"},
                 {"X-Empty", ""}};
  Result<HttpResponse> res = transport.send(req, quick());
  ASSERT_TRUE(res.ok()) << res.error().describe();
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "<ok/>");
  ASSERT_GE(res->headers.size(), 4u);
  EXPECT_EQ(res->headers[0], (std::pair<std::string, std::string>{"x-amzn-RequestId", "req-1"}));
  EXPECT_EQ(res->headers[1].first, "X-B");
  EXPECT_EQ(res->headers[2].first, "X-A");
  ASSERT_NE(res->header("content-type"), nullptr);

  ASSERT_EQ(rec.seen.size(), 1u);
  const ServerRequest& got = rec.seen[0];
  EXPECT_EQ(got.method, "GET");
  EXPECT_EQ(got.target, "/a/b%2Fc/../d?Action=DescribeThings&Version=1");  // not normalised
  ASSERT_NE(got.header("X-Amz-Date"), nullptr);
  EXPECT_EQ(*got.header("Authorization"), "AWS4 sig");
  ASSERT_NE(got.header("X-Empty"), nullptr);
  EXPECT_EQ(*got.header("X-Empty"), "");
  EXPECT_EQ(got.header("Accept"), nullptr);
  EXPECT_EQ(got.header("Content-Type"), nullptr);
  EXPECT_EQ(got.header("User-Agent"), nullptr);
  EXPECT_EQ(got.header("Accept-Encoding"), nullptr);
  EXPECT_EQ(got.header("Content-Length"), nullptr);
}

TEST(CurlTransport, PostSendsBodyExactlyWithoutExpectOrDefaultContentType) {
  Recorder rec;
  LoopbackServer server([&](const ServerRequest& r) {
    rec.add(r);
    ServerReply reply;
    reply.body = "echo:" + r.body;
    return reply;
  });
  CurlTransport transport(loopback_options());
  // A body large enough that curl would normally ask for 100-continue.
  std::string body(2 * 1024 * 1024, 'a');
  body[7] = '\0';
  body += "&Action=X";
  HttpRequest req = make_request(server, "POST", "/");
  req.headers = {{"Content-Type", "application/x-amz-json-1.1"},
                 {"Content-Length", std::to_string(body.size())}};
  req.body = body;
  Result<HttpResponse> res = transport.send(req, quick());
  ASSERT_TRUE(res.ok()) << res.error().describe();
  EXPECT_EQ(res->body, "echo:" + body);

  HttpRequest empty = make_request(server, "POST", "/empty");
  ASSERT_TRUE(transport.send(empty, quick()).ok());
  HttpRequest put = make_request(server, "PUT", "/put");
  put.body = "xyz";
  ASSERT_TRUE(transport.send(put, quick()).ok());
  HttpRequest del = make_request(server, "DELETE", "/del");
  ASSERT_TRUE(transport.send(del, quick()).ok());

  ASSERT_EQ(rec.seen.size(), 4u);
  EXPECT_EQ(rec.seen[0].body, body);
  EXPECT_EQ(*rec.seen[0].header("Content-Type"), "application/x-amz-json-1.1");
  EXPECT_EQ(*rec.seen[0].header("Content-Length"), std::to_string(body.size()));
  EXPECT_EQ(rec.seen[0].header("Expect"), nullptr);
  EXPECT_EQ(rec.seen[1].method, "POST");
  ASSERT_NE(rec.seen[1].header("Content-Length"), nullptr);
  EXPECT_EQ(*rec.seen[1].header("Content-Length"), "0");
  EXPECT_EQ(rec.seen[1].header("Content-Type"), nullptr);  // curl's form default removed
  EXPECT_EQ(rec.seen[2].method, "PUT");
  EXPECT_EQ(rec.seen[2].body, "xyz");
  EXPECT_EQ(rec.seen[3].method, "DELETE");
  EXPECT_EQ(rec.seen[3].body, "");
}

TEST(CurlTransport, RejectsInconsistentOrUnsafeRequests) {
  LoopbackServer server([](const ServerRequest&) { return ServerReply{}; });
  CurlTransport transport(loopback_options());
  HttpRequest bad_len = make_request(server, "POST", "/");
  bad_len.body = "abc";
  bad_len.headers = {{"Content-Length", "5"}};
  auto r1 = transport.send(bad_len, quick());
  ASSERT_FALSE(r1.ok());
  EXPECT_EQ(r1.error().kind, ErrorKind::InvalidRequest);
  HttpRequest injected = make_request(server, "GET", "/");
  injected.headers = {{"X-Evil", "a\r\nHost: other"}};
  auto r2 = transport.send(injected, quick());
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().kind, ErrorKind::InvalidRequest);
  EXPECT_EQ(server.requests_served(), 0);
}

TEST(CurlTransport, NoRedirectsFollowed) {
  LoopbackServer server([](const ServerRequest& r) {
    ServerReply reply;
    if (r.target == "/from") {
      reply.status = 301;
      reply.headers = {{"Location", "/to"}};
    }
    return reply;
  });
  CurlTransport transport(loopback_options());
  auto res = transport.send(make_request(server, "GET", "/from"), quick());
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->status, 301);
  EXPECT_EQ(server.requests_served(), 1);
}

TEST(CurlTransport, ReusesKeepAliveConnections) {
  LoopbackServer server([](const ServerRequest&) {
    ServerReply reply;
    reply.body = "x";
    return reply;
  });
  CurlTransport transport(loopback_options());
  for (int i = 0; i < 20; ++i) {
    auto res = transport.send(make_request(server, "GET", "/" + std::to_string(i)), quick());
    ASSERT_TRUE(res.ok()) << res.error().describe();
  }
  EXPECT_EQ(server.requests_served(), 20);
  EXPECT_EQ(server.connections_accepted(), 1);
}

TEST(CurlTransport, ManyConcurrentSendsFromSeveralThreads) {
  LoopbackServer server([](const ServerRequest& r) {
    ServerReply reply;
    reply.body = r.target;
    reply.delay = milliseconds(20);  // keep them overlapping
    return reply;
  });
  TransportOptions opts = loopback_options();
  opts.max_connections = 128;
  CurlTransport transport(opts);
  constexpr int kThreads = 8;
  constexpr int kPerThread = 16;  // 128 sends, all in flight together
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::vector<std::thread> inner;
      for (int i = 0; i < kPerThread; ++i) {
        inner.emplace_back([&, t, i] {
          const std::string path = "/t" + std::to_string(t) + "/" + std::to_string(i);
          auto res = transport.send(make_request(server, "GET", path), quick());
          if (res.ok() && res->status == 200 && res->body == path) ++ok;
        });
      }
      for (auto& th : inner) th.join();
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), kThreads * kPerThread);
  EXPECT_EQ(server.requests_served(), kThreads * kPerThread);
  EXPECT_LE(server.connections_accepted(), kThreads * kPerThread);
  EXPECT_EQ(transport.in_flight(), 0u);

  // A second wave reuses the cached connections instead of opening new ones.
  const int before = server.connections_accepted();
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(transport.send(make_request(server, "GET", "/"), quick()).ok());
  EXPECT_EQ(server.connections_accepted(), before);
}

TEST(CurlTransport, SendAsyncCallsBackOncePerRequest) {
  LoopbackServer server([](const ServerRequest& r) {
    ServerReply reply;
    reply.body = r.target;
    return reply;
  });
  CurlTransport transport(loopback_options());
  std::mutex mu;
  std::condition_variable cv;
  std::multiset<std::string> bodies;
  constexpr int kN = 50;
  for (int i = 0; i < kN; ++i) {
    transport.send_async(make_request(server, "GET", "/" + std::to_string(i)), quick(),
                         [&](Result<HttpResponse> r) {
                           std::lock_guard lock(mu);
                           bodies.insert(r.ok() ? r->body : "error");
                           cv.notify_all();
                         });
  }
  std::unique_lock lock(mu);
  ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return bodies.size() == kN; }));
  for (int i = 0; i < kN; ++i) EXPECT_EQ(bodies.count("/" + std::to_string(i)), 1u);
}

int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);  // bound, never listened: connecting is refused
  return ntohs(addr.sin_port);
}

TEST(CurlTransport, ConnectionRefusedIsNetwork) {
  CurlTransport transport(loopback_options());
  HttpRequest req;
  req.scheme = "http";
  req.host = "127.0.0.1:" + std::to_string(closed_port());
  auto res = transport.send(req, quick());
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, ErrorKind::Network);
  EXPECT_EQ(res.error().code, "CURLE_COULDNT_CONNECT");
  EXPECT_FALSE(res.error().message.empty());
}

TEST(CurlTransport, SlowServerTimesOutWithinDeadline) {
  LoopbackServer server([](const ServerRequest&) {
    ServerReply reply;
    reply.delay = milliseconds(10000);
    return reply;
  });
  CurlTransport transport(loopback_options());
  const auto start = std::chrono::steady_clock::now();
  auto res = transport.send(make_request(server, "GET", "/slow"), quick(milliseconds(300)));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, ErrorKind::Timeout);
  EXPECT_GE(elapsed, milliseconds(290));
  EXPECT_LT(elapsed, milliseconds(300 + 400));
}

TEST(CurlTransport, StalledBodyTimesOut) {
  LoopbackServer server([](const ServerRequest&) {
    ServerReply reply;
    reply.body = std::string(1000, 'b');
    reply.mode = Mode::Stall;
    return reply;
  });
  CurlTransport transport(loopback_options());
  const auto start = std::chrono::steady_clock::now();
  auto res = transport.send(make_request(server, "GET", "/"), quick(milliseconds(300)));
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, ErrorKind::Timeout);
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(700));
}

TEST(CurlTransport, TruncatedBodyIsNetwork) {
  LoopbackServer server([](const ServerRequest&) {
    ServerReply reply;
    reply.body = std::string(1000, 'b');
    reply.mode = Mode::Truncate;
    return reply;
  });
  CurlTransport transport(loopback_options());
  auto res = transport.send(make_request(server, "GET", "/"), quick());
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, ErrorKind::Network);
  EXPECT_EQ(res.error().code, "CURLE_PARTIAL_FILE");
}

TEST(CurlTransport, ResetIsNetwork) {
  LoopbackServer server([](const ServerRequest&) {
    ServerReply reply;
    reply.mode = Mode::Reset;
    return reply;
  });
  CurlTransport transport(loopback_options());
  auto res = transport.send(make_request(server, "POST", "/"), quick());
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, ErrorKind::Network);
}

TEST(CurlTransport, ShutdownFailsInFlightTransfers) {
  LoopbackServer server([](const ServerRequest&) {
    ServerReply reply;
    reply.delay = milliseconds(30000);
    return reply;
  });
  std::mutex mu;
  std::vector<Error> errors;
  auto transport = std::make_unique<CurlTransport>(loopback_options());
  for (int i = 0; i < 5; ++i) {
    transport->send_async(make_request(server, "GET", "/"), quick(milliseconds(60000)),
                          [&](Result<HttpResponse> r) {
                            std::lock_guard lock(mu);
                            errors.push_back(r.ok() ? Error{} : r.error());
                          });
  }
  while (server.requests_served() < 5) std::this_thread::sleep_for(milliseconds(5));
  const auto start = std::chrono::steady_clock::now();
  transport.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(2000));
  ASSERT_EQ(errors.size(), 5u);
  for (const Error& e : errors) {
    EXPECT_EQ(e.kind, ErrorKind::Network);
    EXPECT_EQ(e.code, "TransportShutdown");
  }
}

}  // namespace
}  // namespace rampart::aws
