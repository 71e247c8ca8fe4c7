// Test-only helpers shared by the SigV4 suite tests: reading the shared vectors byte for byte,
// the skip list, GoogleTest-safe names and the suites' fixed inputs. Header-only so that it
// stays out of the rampart_aws_sigv4 library.
#pragma once

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "aws/core/credentials.h"
#include "aws/core/http.h"
#include "aws/core/timestamp.h"

namespace rampart::aws::sigv4::testutil {

inline std::filesystem::path suite_root() {
  return std::filesystem::path(RAMPART_SHARED_DIR) / "testdata" / "sigv4";
}

// Whole file, exact bytes; nullopt when it cannot be opened.
inline std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// GoogleTest parameter names allow only [A-Za-z0-9_].
inline std::string gtest_name(std::string_view name) {
  std::string out;
  for (char c : name) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

// testdata_skips.txt: "<suite>/<case> <reason...>" per line, '#' comments.
inline std::map<std::string, std::string> load_skips() {
  std::map<std::string, std::string> skips;
  auto text =
      read_file(std::filesystem::path(RAMPART_SOURCE_DIR) / "src/aws/sigv4/testdata_skips.txt");
  if (!text) return skips;
  std::istringstream in(*text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t sp = line.find_first_of(" \t");
    std::string id = line.substr(0, sp);
    std::string reason =
        sp == std::string::npos ? "" : line.substr(line.find_first_not_of(" \t", sp));
    skips[id] = reason;
  }
  return skips;
}

inline std::chrono::system_clock::time_point parse_time(std::string_view iso) {
  auto ts = parse_iso8601(iso);
  return std::chrono::system_clock::time_point(std::chrono::seconds(ts ? ts->seconds : 0));
}

// The documentation example keys every suite uses (see testdata/sigv4/README.md).
inline Credentials example_credentials() {
  Credentials c;
  c.access_key_id = "AKIDEXAMPLE";
  c.secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  return c;
}

// The request line a signed request would be written with.
inline std::string request_line(const HttpRequest& r) {
  return r.method + " " + r.path + (r.query.empty() ? "" : "?" + r.query) + " HTTP/1.1";
}

inline std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// Every header of `expected` is present in `actual` with the same (folded) value; returns the
// first mismatch, empty when all match.
inline std::string missing_header(const HttpRequest& expected, const HttpRequest& actual) {
  for (const auto& [name, value] : expected.headers) {
    bool found = false;
    for (const auto& [n, v] : actual.headers) {
      if (iequals(n, name) && v == value) found = true;
    }
    if (!found) return name + ": " + value;
  }
  return {};
}

}  // namespace rampart::aws::sigv4::testutil
