// Loopback HTTP/1.1 test server (see loopback_server.h). Plain POSIX sockets; one acceptor
// polling the listener and a wake pipe, one thread per connection.
#include "aws/transport/testing/loopback_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace rampart::aws::testing {

const std::string* ServerRequest::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (iequals(k, name)) return &v;
  }
  return nullptr;
}

namespace {

std::string_view reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

// Reads one request from fd into `req`, using and refilling `buffer`. False on EOF/error.
bool read_request(int fd, std::string& buffer, ServerRequest& req) {
  char chunk[16384];
  size_t head_end = std::string::npos;
  while ((head_end = buffer.find("\r\n\r\n")) == std::string::npos) {
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<size_t>(n));
  }
  std::string_view head(buffer.data(), head_end);
  size_t line_end = head.find("\r\n");
  std::string_view request_line = head.substr(0, line_end);
  const size_t sp1 = request_line.find(' ');
  const size_t sp2 = request_line.rfind(' ');
  if (sp1 == std::string_view::npos || sp2 == sp1) return false;
  req.method = std::string(request_line.substr(0, sp1));
  req.target = std::string(request_line.substr(sp1 + 1, sp2 - sp1 - 1));
  req.headers.clear();
  size_t content_length = 0;
  while (line_end != std::string_view::npos && line_end < head.size()) {
    const size_t start = line_end + 2;
    line_end = head.find("\r\n", start);
    std::string_view line = head.substr(start, line_end == std::string_view::npos
                                                   ? std::string_view::npos
                                                   : line_end - start);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    req.headers.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
    if (iequals(req.headers.back().first, "Content-Length")) {
      content_length = std::strtoull(req.headers.back().second.c_str(), nullptr, 10);
    }
  }
  const size_t body_start = head_end + 4;
  while (buffer.size() < body_start + content_length) {
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<size_t>(n));
  }
  req.body = buffer.substr(body_start, content_length);
  buffer.erase(0, body_start + content_length);
  return true;
}

std::string response_head(const ServerReply& reply) {
  std::string out = "HTTP/1.1 " + std::to_string(reply.status) + " " +
                    std::string(reason_phrase(reply.status)) + "\r\n";
  bool has_length = false;
  for (const auto& [k, v] : reply.headers) {
    if (iequals(k, "Content-Length")) has_length = true;
    out += k + ": " + v + "\r\n";
  }
  if (!has_length) out += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n";
  out += "\r\n";
  return out;
}

}  // namespace

LoopbackServer::LoopbackServer(ServerHandler handler) : handler_(std::move(handler)) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 512) != 0) {
    std::abort();  // test support: no way to continue without a socket
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  if (::pipe2(wake_pipe_, O_CLOEXEC) != 0) std::abort();
  acceptor_ = std::thread([this] { accept_loop(); });
}

LoopbackServer::~LoopbackServer() { stop(); }

void LoopbackServer::stop() {
  std::vector<std::thread> workers;
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    stopping_ = true;
    for (int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);
  }
  stop_cv_.notify_all();
  const char byte = 'x';
  (void)!::write(wake_pipe_[1], &byte, 1);
  acceptor_.join();
  {
    std::lock_guard lock(mu_);
    workers.swap(workers_);
  }
  for (auto& w : workers) w.join();
  ::close(listen_fd_);
  ::close(wake_pipe_[0]);
  ::close(wake_pipe_[1]);
}

void LoopbackServer::accept_loop() {
  for (;;) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) continue;
    if (fds[1].revents != 0) return;
    if ((fds[0].revents & POLLIN) == 0) continue;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const int id = ++accepted_;
    std::lock_guard lock(mu_);
    if (stopping_) {
      ::close(fd);
      return;
    }
    open_fds_.push_back(fd);
    workers_.emplace_back([this, fd, id] { serve(fd, id); });
  }
}

bool LoopbackServer::wait_or_stop(std::chrono::milliseconds d) {
  std::unique_lock lock(mu_);
  return !stop_cv_.wait_for(lock, d, [this] { return stopping_; });
}

void LoopbackServer::close_connection(int fd, bool reset) {
  std::lock_guard lock(mu_);
  if (reset) {
    linger l{1, 0};  // close() now sends RST instead of FIN
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
  }
  ::close(fd);
  std::erase(open_fds_, fd);
}

void LoopbackServer::serve(int fd, int connection_id) {
  std::string buffer;
  bool reset = false;
  for (;;) {
    ServerRequest req;
    req.connection_id = connection_id;
    if (!read_request(fd, buffer, req)) break;
    ServerReply reply = handler_(req);
    ++served_;
    if (reply.delay.count() > 0 && !wait_or_stop(reply.delay)) break;
    if (reply.mode == ServerReply::Mode::Reset) {
      reset = true;
      break;
    }
    const std::string head = response_head(reply);
    if (reply.mode == ServerReply::Mode::Stall) {
      if (write_all(fd, head)) wait_or_stop(std::chrono::minutes(10));
      break;
    }
    if (reply.mode == ServerReply::Mode::Truncate) {
      write_all(fd, head + reply.body.substr(0, reply.body.size() / 2));
      break;
    }
    if (!write_all(fd, head + reply.body)) break;
    const std::string* conn = req.header("Connection");
    if (conn != nullptr && iequals(*conn, "close")) break;
  }
  close_connection(fd, reset);
}

}  // namespace rampart::aws::testing
