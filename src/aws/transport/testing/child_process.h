// Runs a helper program (the fault-injecting proxy) for a test: spawns it with stdout on a
// pipe, reads its first output line (the port it listens on), and terminates it on destruction.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <sys/types.h>

namespace rampart::aws::testing {

class ChildProcess {
 public:
  ChildProcess() = default;
  ~ChildProcess();  // SIGTERM, then SIGKILL after 2 s; reaps the child
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Starts argv[0] (looked up in PATH). False when it could not be started.
  bool start(const std::vector<std::string>& argv);
  // The next line of the child's stdout, without the newline; empty on EOF or timeout.
  std::string read_line(std::chrono::milliseconds timeout);
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::string pending_;
};

}  // namespace rampart::aws::testing
