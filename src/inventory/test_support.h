// Test helpers for src/inventory: a temporary directory removed at the end of the test, and
// compact Resource / CollectionError builders. Test code only.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <ostream>
#include <string>

#include "inventory/resource.h"

namespace rampart::inventory {

// gtest prints ScanStatus by name in failure messages.
inline void PrintTo(ScanStatus s, std::ostream* os) { *os << to_string(s); }

}  // namespace rampart::inventory

namespace rampart::inventory::testing {

class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "rampart-inv-" + std::to_string(::getpid()) + "-" +
                       (info != nullptr ? std::string(info->name()) : std::string("x"));
    for (char& c : name) {
      if (c == '/') c = '_';
    }
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline Resource make_resource(std::string type, std::string region, std::string id,
                              Json document = Json::object()) {
  Resource r;
  r.account = "123456789012";
  r.type = std::move(type);
  r.region = std::move(region);
  r.id = std::move(id);
  r.document = std::move(document);
  return r;
}

inline CollectionError make_error_row(std::string region, std::string service,
                                      std::string operation, std::string resource_id = "") {
  CollectionError e;
  e.account = "123456789012";
  e.region = std::move(region);
  e.service = std::move(service);
  e.operation = std::move(operation);
  e.resource_type = "ec2:instance";
  e.resource_id = std::move(resource_id);
  e.kind = ErrorKind::AccessDenied;
  e.code = "AccessDenied";
  e.message = "denied";
  return e;
}

inline Json unknown_entry(std::string operation) {
  return Json{{"operation", std::move(operation)}, {"kind", "AccessDenied"},
              {"code", "AccessDenied"}, {"message", "denied"}};
}

}  // namespace rampart::inventory::testing
