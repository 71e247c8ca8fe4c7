#include "aws/credentials/environment.h"

#include <cstdlib>
#include <memory>

namespace rampart::aws {

Environment Environment::from_map(std::map<std::string, std::string> vars) {
  auto shared = std::make_shared<const std::map<std::string, std::string>>(std::move(vars));
  return Environment([shared](const std::string& name) -> std::optional<std::string> {
    auto it = shared->find(name);
    if (it == shared->end()) return std::nullopt;
    return it->second;
  });
}

Environment Environment::process() {
  return Environment([](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe): read-only
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  });
}

std::optional<std::string> Environment::non_empty(const std::string& name) const {
  auto value = get(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

}  // namespace rampart::aws
