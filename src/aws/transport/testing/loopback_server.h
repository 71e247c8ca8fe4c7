// A small HTTP/1.1 server on 127.0.0.1 for transport tests and benchmarks (test support code,
// never linked into rampart itself). Thread per connection, keep-alive, Content-Length bodies.
// A handler chooses each reply, including misbehaviour: reset the connection, truncate the
// body, stall after the headers, or delay. Counts accepted connections so tests can verify
// keep-alive reuse.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "aws/core/http.h"

namespace rampart::aws::testing {

struct ServerRequest {
  std::string method;
  std::string target;  // path + "?" + query, as received
  Headers headers;     // in order, as received
  std::string body;
  int connection_id = 0;  // 1-based accept order of the connection it came on

  const std::string* header(std::string_view name) const;
};

struct ServerReply {
  enum class Mode {
    Normal,    // status line, headers, Content-Length, body
    Reset,     // read the request, then close with RST and send nothing
    Truncate,  // announce the full Content-Length, send half the body, close
    Stall,     // send the headers, then nothing until the server stops
  };
  int status = 200;
  Headers headers;
  std::string body;
  Mode mode = Mode::Normal;
  std::chrono::milliseconds delay{0};  // wait before answering
};

using ServerHandler = std::function<ServerReply(const ServerRequest&)>;

class LoopbackServer {
 public:
  // Listens on 127.0.0.1 on a free port; serving starts at once.
  explicit LoopbackServer(ServerHandler handler);
  ~LoopbackServer();  // stop()
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  int port() const { return port_; }
  std::string host() const { return "127.0.0.1:" + std::to_string(port_); }
  int connections_accepted() const { return accepted_.load(); }
  int requests_served() const { return served_.load(); }
  // Closes the listener and every connection, wakes stalled replies, joins all threads.
  void stop();

 private:
  void accept_loop();
  void serve(int fd, int connection_id);
  bool wait_or_stop(std::chrono::milliseconds d);  // false when stopping
  void close_connection(int fd, bool reset);

  ServerHandler handler_;
  int listen_fd_ = -1;
  int wake_pipe_[2] = {-1, -1};
  int port_ = 0;
  std::atomic<int> accepted_{0};
  std::atomic<int> served_{0};

  std::mutex mu_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;               // guarded by mu_
  std::vector<int> open_fds_;           // guarded by mu_
  std::vector<std::thread> workers_;    // guarded by mu_
  std::thread acceptor_;
};

}  // namespace rampart::aws::testing
