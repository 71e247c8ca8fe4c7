// The transport and the retry strategy against tests/tools/fault_proxy.py placed in front of
// a loopback server: throttling bursts recovered within the attempt budget, AWS error bodies in
// each protocol's format, rules replaced mid-run, and connection-level faults.
#include <chrono>
#include <cctype>
#include <cstdlib>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "aws/core/json.h"
#include "aws/retry/standard_retry.h"
#include "aws/transport/curl_transport.h"
#include "aws/transport/testing/child_process.h"
#include "aws/transport/testing/loopback_server.h"

namespace rampart::aws {
namespace {

using std::chrono::milliseconds;
using testing::ChildProcess;
using testing::LoopbackServer;
using testing::ServerReply;
using testing::ServerRequest;

const char* kProxy = RAMPART_SOURCE_DIR "/tests/tools/fault_proxy.py";

// Upstream loopback server + the proxy in front of it.
class ProxyRig {
 public:
  explicit ProxyRig(const std::vector<std::string>& rules)
      : upstream_([](const ServerRequest& r) {
          ServerReply reply;
          reply.headers = {{"Content-Type", "text/plain"}};
          reply.body = "upstream:" + r.target;
          return reply;
        }) {
    std::vector<std::string> argv = {"python3", kProxy, "--upstream",
                                     "http://" + upstream_.host(), "--seed", "7"};
    for (const auto& r : rules) {
      argv.push_back("--rule");
      argv.push_back(r);
    }
    if (proc_.start(argv)) port_ = std::atoi(proc_.read_line(milliseconds(10000)).c_str());
  }
  bool ok() const { return port_ > 0; }
  std::string host() const { return "127.0.0.1:" + std::to_string(port_); }
  LoopbackServer& upstream() { return upstream_; }

 private:
  LoopbackServer upstream_;
  ChildProcess proc_;
  int port_ = 0;
};

TransportOptions loopback_options() {
  TransportOptions o;
  o.no_proxy = "127.0.0.1";
  return o;
}

CallOptions quick(milliseconds total = milliseconds(5000)) {
  CallOptions o;
  o.total_timeout = total;
  return o;
}

// An EC2 query-protocol call, signed-looking so the proxy sees service "ec2".
HttpRequest ec2_call(const std::string& host, const std::string& action) {
  HttpRequest r;
  r.method = "POST";
  r.scheme = "http";
  r.host = host;
  r.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"},
               {"Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/ec2/aws4_request, "
                "SignedHeaders=host;x-amz-date, Signature=00"}};
  r.body = "Action=" + action + "&Version=2016-11-15";
  return r;
}

// Status + error code of an AWS error response (XML <Code>, JSON __type, x-amzn-ErrorType).
std::string error_code_of(const HttpResponse& resp) {
  if (const std::string* t = resp.header("x-amzn-ErrorType")) return t->substr(0, t->find(':'));
  const size_t open = resp.body.find("<Code>");
  const size_t close = resp.body.find("</Code>");
  if (open != std::string::npos && close != std::string::npos && close > open) {
    return resp.body.substr(open + 6, close - open - 6);
  }
  Json j = Json::parse(resp.body, nullptr, false);
  if (j.is_object() && j.contains("__type")) {
    std::string type = j["__type"].get<std::string>();
    return type.substr(type.find('#') + 1);
  }
  return {};
}

Result<HttpResponse> as_result(Result<HttpResponse> r) {
  if (!r.ok() || r->status < 300) return r;
  const std::string code = error_code_of(*r);
  Error e = make_error(classify_aws_error(code, r->status), "status " + std::to_string(r->status), code);
  e.http_status = r->status;
  return e;
}

// The small retry loop a client runs: send, classify, ask the strategy, back off.
struct CallOutcome {
  Result<HttpResponse> result;
  int attempts;
};
CallOutcome call_with_retry(CurlTransport& t, StandardRetryStrategy& strategy,
                            const HttpRequest& req, bool refresh_on_expiry = false) {
  RetryState state = strategy.begin();
  for (int attempt = 1;; ++attempt) {
    Result<HttpResponse> r = as_result(t.send(req, quick()));
    if (r.ok()) {
      strategy.on_success(state);
      return {std::move(r), attempt};
    }
    const bool refreshed = refresh_on_expiry && r.error().kind == ErrorKind::ExpiredCredentials;
    RetryDecision d = strategy.on_error(state, r.error(), refreshed);
    if (!d.retry) return {std::move(r), attempt};
    std::this_thread::sleep_for(d.delay);
  }
}

Json stats(CurlTransport& t, const std::string& host) {
  HttpRequest r;
  r.scheme = "http";
  r.host = host;
  r.path = "/__fault/stats";
  auto res = t.send(r, quick());
  if (!res.ok()) return {};
  return Json::parse(res->body, nullptr, false);
}

RetryOptions fast_retry() {
  RetryOptions o;
  o.base_delay = milliseconds(20);
  return o;
}

TEST(FaultProxy, ThrottlingBurstRecoveredWithinAttemptBudget) {
  ProxyRig rig({R"({"name": "burst", "match": {"operation": "DescribeInstances", "service": "ec2"},
                    "when": {"count": 2}, "action": {"type": "error", "code": "RequestLimitExceeded"}})"});
  ASSERT_TRUE(rig.ok());
  CurlTransport transport(loopback_options());
  StandardRetryStrategy strategy(fast_retry());
  CallOutcome out = call_with_retry(transport, strategy, ec2_call(rig.host(), "DescribeInstances"));
  ASSERT_TRUE(out.result.ok()) << out.result.error().describe();
  EXPECT_EQ(out.attempts, 3);
  EXPECT_EQ(out.result->body, "upstream:/");
  EXPECT_EQ(strategy.quota().available(), 495);  // 2 retries at 5, the last one refunded
  // Other operations were never throttled.
  CallOutcome other = call_with_retry(transport, strategy, ec2_call(rig.host(), "DescribeVpcs"));
  ASSERT_TRUE(other.result.ok());
  EXPECT_EQ(other.attempts, 1);
  Json s = stats(transport, rig.host());
  ASSERT_TRUE(s.is_object());
  EXPECT_EQ(s["rules"][0]["hits"], 2);
  EXPECT_EQ(s["rules"][0]["matches"], 3);
  EXPECT_EQ(s["forwarded"], 2);
}

TEST(FaultProxy, BurstLongerThanBudgetSurfacesThrottling) {
  ProxyRig rig({R"({"match": {"operation": "DescribeInstances"}, "when": {"count": 10},
                    "action": {"type": "error", "code": "RequestLimitExceeded"}})"});
  ASSERT_TRUE(rig.ok());
  CurlTransport transport(loopback_options());
  StandardRetryStrategy strategy(fast_retry());
  CallOutcome out = call_with_retry(transport, strategy, ec2_call(rig.host(), "DescribeInstances"));
  ASSERT_FALSE(out.result.ok());
  EXPECT_EQ(out.attempts, 3);
  EXPECT_EQ(out.result.error().kind, ErrorKind::Throttling);
  EXPECT_EQ(out.result.error().code, "RequestLimitExceeded");
  EXPECT_EQ(out.result.error().http_status, 400);
}

TEST(FaultProxy, RulesReplacedMidRunExpiredTokenFromNowOn) {
  ProxyRig rig({});
  ASSERT_TRUE(rig.ok());
  CurlTransport transport(loopback_options());
  StandardRetryStrategy strategy(fast_retry());
  ASSERT_TRUE(call_with_retry(transport, strategy, ec2_call(rig.host(), "DescribeVpcs")).result.ok());

  HttpRequest replace;
  replace.method = "POST";
  replace.scheme = "http";
  replace.host = rig.host();
  replace.path = "/__fault/rules";
  replace.body = R"({"rules": [{"name": "expired", "action": {"type": "error", "code": "RequestExpired"}}]})";
  auto replaced = transport.send(replace, quick());
  ASSERT_TRUE(replaced.ok());
  ASSERT_EQ(replaced->status, 200) << replaced->body;

  CallOutcome out = call_with_retry(transport, strategy, ec2_call(rig.host(), "DescribeVpcs"),
                                    /*refresh_on_expiry=*/true);
  ASSERT_FALSE(out.result.ok());
  EXPECT_EQ(out.result.error().kind, ErrorKind::ExpiredCredentials);
  EXPECT_EQ(out.attempts, 2);  // retried exactly once after the (pretend) refresh
  EXPECT_EQ(stats(transport, rig.host())["rules"][0]["hits"], 2);
}

struct ProtocolCase {
  std::string protocol;
  std::string code;
  int status;
  ErrorKind kind;
};

class FaultProxyProtocol : public ::testing::TestWithParam<ProtocolCase> {};

TEST_P(FaultProxyProtocol, ErrorBodyCarriesTheCode) {
  const ProtocolCase& c = GetParam();
  ProxyRig rig({R"({"action": {"type": "error", "protocol": ")" + c.protocol + R"(", "code": ")" +
                c.code + R"("}})"});
  ASSERT_TRUE(rig.ok());
  CurlTransport transport(loopback_options());
  auto res = transport.send(ec2_call(rig.host(), "Anything"), quick());
  ASSERT_TRUE(res.ok()) << res.error().describe();
  EXPECT_EQ(res->status, c.status);
  EXPECT_EQ(error_code_of(*res), c.code) << res->body;
  EXPECT_EQ(classify_aws_error(error_code_of(*res), res->status), c.kind);
}

INSTANTIATE_TEST_SUITE_P(
    Protocols, FaultProxyProtocol,
    ::testing::Values(ProtocolCase{"query", "Throttling", 400, ErrorKind::Throttling},
                      ProtocolCase{"ec2", "RequestLimitExceeded", 400, ErrorKind::Throttling},
                      ProtocolCase{"json", "ThrottlingException", 400, ErrorKind::Throttling},
                      ProtocolCase{"rest-json", "TooManyRequestsException", 429,
                                   ErrorKind::Throttling},
                      ProtocolCase{"s3", "SlowDown", 503, ErrorKind::Throttling},
                      ProtocolCase{"query", "AccessDenied", 403, ErrorKind::AccessDenied},
                      ProtocolCase{"query", "ExpiredToken", 400, ErrorKind::ExpiredCredentials},
                      ProtocolCase{"json", "ServiceUnavailableException", 503,
                                   ErrorKind::ServiceUnavailable}),
    [](const ::testing::TestParamInfo<ProtocolCase>& info) {
      std::string name = info.param.protocol + "_" + info.param.code;
      for (char& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return name;
    });

TEST(FaultProxy, ConnectionFaultsMapToNetworkAndTimeout) {
  ProxyRig rig({R"({"match": {"operation": "Reset"}, "action": {"type": "reset"}})",
                R"({"match": {"operation": "Truncate"}, "action": {"type": "truncate"}})",
                R"({"match": {"operation": "Stall"}, "action": {"type": "stall"}})",
                R"({"match": {"operation": "Slow"}, "action": {"type": "forward", "delay_ms": 3000}})",
                R"({"match": {"operation": "Flaky"}, "when": {"nth": [1]}, "action": {"type": "status", "status": 500}})"});
  ASSERT_TRUE(rig.ok());
  CurlTransport transport(loopback_options());
  auto reset = transport.send(ec2_call(rig.host(), "Reset"), quick());
  ASSERT_FALSE(reset.ok());
  EXPECT_EQ(reset.error().kind, ErrorKind::Network);
  auto truncated = transport.send(ec2_call(rig.host(), "Truncate"), quick());
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().kind, ErrorKind::Network);
  auto stalled = transport.send(ec2_call(rig.host(), "Stall"), quick(milliseconds(400)));
  ASSERT_FALSE(stalled.ok());
  EXPECT_EQ(stalled.error().kind, ErrorKind::Timeout);
  auto slow = transport.send(ec2_call(rig.host(), "Slow"), quick(milliseconds(400)));
  ASSERT_FALSE(slow.ok());
  EXPECT_EQ(slow.error().kind, ErrorKind::Timeout);
  StandardRetryStrategy strategy(fast_retry());
  CallOutcome flaky = call_with_retry(transport, strategy, ec2_call(rig.host(), "Flaky"));
  ASSERT_TRUE(flaky.result.ok());
  EXPECT_EQ(flaky.attempts, 2);
}

// Which of 20 matching calls fired, as a 0/1 string.
std::string firing_pattern(const std::string& rule) {
  ProxyRig rig({rule});
  if (!rig.ok()) return "proxy failed";
  CurlTransport transport(loopback_options());
  std::string pattern;
  for (int i = 0; i < 20; ++i) {
    auto r = transport.send(ec2_call(rig.host(), "DescribeVpcs"), quick());
    pattern += (r.ok() && r->status == 503) ? '1' : '0';
  }
  return pattern;
}

TEST(FaultProxy, WhenClauseSelectsMatches) {
  const std::string every = firing_pattern(
      R"({"when": {"after": 2, "every": 3}, "action": {"type": "status", "status": 503}})");
  EXPECT_EQ(every, "00001001001001001001");
  const std::string nth = firing_pattern(
      R"({"when": {"nth": [1, 5, 20]}, "action": {"type": "status", "status": 503}})");
  EXPECT_EQ(nth, "10001000000000000001");
  // Probability draws are seeded: the same rule and seed fire on the same calls.
  const std::string rule =
      R"({"when": {"probability": 0.5}, "action": {"type": "status", "status": 503}})";
  const std::string first = firing_pattern(rule);
  EXPECT_EQ(first, firing_pattern(rule));
  EXPECT_NE(first.find('1'), std::string::npos);
  EXPECT_NE(first.find('0'), std::string::npos);
}

}  // namespace
}  // namespace rampart::aws
