// credential_process: runs the profile's command through /bin/sh -c with no stdin, reads its
// stdout ({"Version":1,"AccessKeyId",...}) under a deadline, and never puts the output in an
// error message (it holds the secret).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "aws/core/credentials.h"
#include "aws/core/result.h"

namespace rampart::aws {

struct ProcessOptions {
  std::chrono::milliseconds timeout{60000};  // the whole run; then the process group is killed
  std::size_t max_output = 1 << 20;          // bytes of stdout kept
};

// Parses the process's stdout. Errors name the problem (bad JSON, Version, missing keys),
// never the content.
Result<Credentials> parse_credential_process_output(std::string_view output);

// Runs `command` and parses its output. Errors: non-zero exit (with a short stderr excerpt),
// Timeout, Parse.
Result<Credentials> run_credential_process(const std::string& command,
                                           const ProcessOptions& options = {});

}  // namespace rampart::aws
