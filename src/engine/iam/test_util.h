// Helpers shared by the data-driven tests: the shared test-data root and GoogleTest-safe names.
#pragma once

#include <cctype>
#include <cstdlib>
#include <string>

namespace rampart::iam::testing {

inline std::string shared_dir() {
  if (const char* env = std::getenv("RAMPART_SHARED")) return env;
#ifdef RAMPART_SHARED_DIR
  return RAMPART_SHARED_DIR;
#else
  return "../shared";
#endif
}

inline std::string iam_data(const std::string& rel) { return shared_dir() + "/testdata/iam/" + rel; }

// GoogleTest parameter names allow only [A-Za-z0-9_].
inline std::string sanitize(const std::string& s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out.empty() ? std::string("unnamed") : out;
}

}  // namespace rampart::iam::testing
