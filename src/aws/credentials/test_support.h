// Test doubles shared by this folder's tests: a settable clock, a recording STS, a scripted
// HTTP transport and a temporary directory. Header-only, included by *_test.cc only.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "aws/core/clock.h"
#include "aws/core/transport.h"
#include "aws/credentials/sts_api.h"

namespace rampart::aws::testing {

using std::chrono::system_clock;

// 2024-01-01T00:00:00Z
inline constexpr std::chrono::seconds kEpoch{1704067200};

class FakeClock final : public Clock {
 public:
  system_clock::time_point now() const override {
    std::lock_guard lock(mu_);
    return now_;
  }
  std::chrono::steady_clock::time_point steady_now() const override {
    return std::chrono::steady_clock::time_point(now().time_since_epoch());
  }
  void sleep_for(std::chrono::nanoseconds d) const override {
    std::lock_guard lock(mu_);
    slept_ += d;
  }
  void advance(std::chrono::nanoseconds d) {
    std::lock_guard lock(mu_);
    now_ += std::chrono::duration_cast<system_clock::duration>(d);
  }
  std::chrono::nanoseconds slept() const {
    std::lock_guard lock(mu_);
    return slept_;
  }

 private:
  mutable std::mutex mu_;
  system_clock::time_point now_{kEpoch};
  mutable std::chrono::nanoseconds slept_{0};
};

inline Credentials make_creds(std::string id, std::string secret, std::string token = {},
                              std::optional<system_clock::time_point> exp = std::nullopt) {
  Credentials c;
  c.access_key_id = std::move(id);
  c.secret_access_key = std::move(secret);
  c.session_token = std::move(token);
  c.expiration = exp;
  return c;
}

// Records every call; answers with role-specific temporary credentials ("ASIA" + n) valid for
// one hour from the clock, or with a configured error.
class FakeSts final : public StsApi {
 public:
  struct AssumeCall {
    Credentials source;
    AssumeRoleRequest request;
  };
  explicit FakeSts(const Clock& clock) : clock_(clock) {}

  Result<Credentials> assume_role(const Credentials& source,
                                  const AssumeRoleRequest& request) override {
    std::lock_guard lock(mu_);
    assume_calls.push_back({source, request});
    if (fail) return make_error(ErrorKind::AccessDenied, "not authorized to assume", "AccessDenied");
    return issue();
  }
  Result<Credentials> assume_role_with_web_identity(
      const AssumeRoleWithWebIdentityRequest& request) override {
    std::lock_guard lock(mu_);
    web_calls.push_back(request);
    if (fail) return make_error(ErrorKind::AccessDenied, "bad token", "InvalidIdentityToken");
    return issue();
  }

  std::vector<AssumeCall> assume_calls;
  std::vector<AssumeRoleWithWebIdentityRequest> web_calls;
  bool fail = false;

 private:
  Credentials issue() {
    ++issued_;
    return make_creds("ASIAFAKE" + std::to_string(issued_), "roleSecret" + std::to_string(issued_),
                      "roleToken" + std::to_string(issued_), clock_.now() + std::chrono::hours(1));
  }
  const Clock& clock_;
  std::mutex mu_;
  int issued_ = 0;
};

// Answers requests from a queue of scripted responses (or a handler); records the requests.
class FakeTransport final : public HttpTransport {
 public:
  using Handler = std::function<Result<HttpResponse>(const HttpRequest&)>;

  Result<HttpResponse> send(const HttpRequest& request, const CallOptions& options) override {
    std::lock_guard lock(mu_);
    requests.push_back(request);
    call_options.push_back(options);
    if (handler) return handler(request);
    if (queue.empty()) return make_error(ErrorKind::Network, "connection refused");
    auto next = std::move(queue.front());
    queue.pop_front();
    return next;
  }
  void push(int status, std::string body) {
    queue.emplace_back(HttpResponse{status, {}, std::move(body)});
  }
  void push_error(ErrorKind kind) { queue.emplace_back(make_error(kind, "scripted failure")); }

  std::vector<HttpRequest> requests;
  std::vector<CallOptions> call_options;
  std::deque<Result<HttpResponse>> queue;
  Handler handler;

 private:
  std::mutex mu_;
};

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "rampart-creds-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string write(const std::string& name, const std::string& content) const {
    auto file = std::filesystem::path(path_) / name;
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }
  std::string path(const std::string& name) const {
    return (std::filesystem::path(path_) / name).string();
  }

 private:
  std::string path_;
};

}  // namespace rampart::aws::testing
