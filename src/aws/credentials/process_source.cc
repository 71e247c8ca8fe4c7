// posix_spawn (not fork) because the scanner is multi-threaded: the child gets its own process
// group so a timeout kills the shell and everything it started, and pipes are close-on-exec so
// concurrent spawns do not inherit each other's ends.
#include "aws/credentials/process_source.h"

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "aws/core/json.h"
#include "aws/credentials/fetch_util.h"

extern char** environ;  // NOLINT: POSIX

namespace rampart::aws {
namespace {

constexpr std::size_t kStderrExcerpt = 200;

Error process_error(ErrorKind kind, std::string message) {
  return make_error(kind, "credential_process: " + std::move(message), "CredentialRetrievalError");
}

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

// One printable line of stderr for the error message.
std::string stderr_excerpt(const std::string& err) {
  std::string out;
  for (char c : err) {
    if (out.size() >= kStderrExcerpt) break;
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  auto end = out.find_last_not_of(' ');
  return end == std::string::npos ? std::string{} : out.substr(0, end + 1);
}

}  // namespace

Result<Credentials> parse_credential_process_output(std::string_view output) {
  Json doc = Json::parse(output, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return process_error(ErrorKind::Parse, "the output is not a JSON object");
  }
  auto version = doc.find("Version");
  if (version == doc.end() || !version->is_number_integer() || version->get<int64_t>() != 1) {
    return process_error(ErrorKind::Parse,
                         "unsupported or missing Version in the output (supported: 1)");
  }
  auto creds = credentials_from_json(doc, "SessionToken", false, "credential_process");
  if (!creds) return creds.error();
  return creds;
}

Result<Credentials> run_credential_process(const std::string& command,
                                           const ProcessOptions& options) {
  int out_pipe[2];
  int err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    return process_error(ErrorKind::Internal, fmt::format("pipe: {}", std::strerror(errno)));
  }
  Fd out_read(out_pipe[0]);
  Fd out_write(out_pipe[1]);
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    return process_error(ErrorKind::Internal, fmt::format("pipe: {}", std::strerror(errno)));
  }
  Fd err_read(err_pipe[0]);
  Fd err_write(err_pipe[1]);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_write.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_write.get(), STDERR_FILENO);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);

  std::string sh = "/bin/sh";
  std::string dash_c = "-c";
  std::string cmd = command;
  char* argv[] = {sh.data(), dash_c.data(), cmd.data(), nullptr};
  pid_t pid = 0;
  int rc = posix_spawn(&pid, "/bin/sh", &actions, &attr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  out_write.reset();
  err_write.reset();
  if (rc != 0) {
    return process_error(ErrorKind::Internal, fmt::format("could not start /bin/sh: {}",
                                                          std::strerror(rc)));
  }

  std::string out;
  std::string err;
  bool timed_out = false;
  auto deadline = std::chrono::steady_clock::now() + options.timeout;
  bool out_open = true;
  bool err_open = true;
  while (out_open || err_open) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd fds[2] = {{out_open ? out_read.get() : -1, POLLIN, 0},
                     {err_open ? err_read.get() : -1, POLLIN, 0}};
    int n = ::poll(fds, 2, static_cast<int>(left.count()));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    char buf[4096];
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        (i == 0 ? out_open : err_open) = false;
        continue;
      }
      std::string& sink = i == 0 ? out : err;
      if (sink.size() < options.max_output) sink.append(buf, static_cast<std::size_t>(got));
    }
  }
  // The pipes may close before the process ends (it closed them itself): wait under the same
  // deadline.
  int status = 0;
  while (!timed_out) {
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid || (done < 0 && errno != EINTR)) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      timed_out = true;
      break;
    }
    ::usleep(2000);
  }
  if (timed_out) {
    ::kill(-pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (timed_out) {
    return process_error(ErrorKind::Timeout,
                         fmt::format("the command did not finish within {} ms",
                                     options.timeout.count()));
  }
  if (WIFSIGNALED(status)) {
    return process_error(ErrorKind::Internal,
                         fmt::format("the command was killed by signal {}", WTERMSIG(status)));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string excerpt = stderr_excerpt(err);
    return process_error(ErrorKind::AccessDenied,
                         fmt::format("the command exited with status {}{}", WEXITSTATUS(status),
                                     excerpt.empty() ? "" : ": " + excerpt));
  }
  return parse_credential_process_output(out);
}

}  // namespace rampart::aws
