// libFuzzer target: random JSON parameters against operations of the botocore protocol input
// suites (all five protocols). The first input byte picks the operation, the rest is parsed
// as the parameter object. serialize_request must return a value or an Error, never crash,
// throw or trip the sanitizers. Not wired into CMake; from the repository root:
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc
//     src/aws/serialize/serialize_fuzz.cc
//     src/aws/serialize/{json_body,query_body,request_target,rest,scalars,serialize,xml_body}.cc
//     src/aws/model/{model,model_json}.cc
//     src/aws/core/{encoding,timestamp,error,http}.cc
//     -lpugixml -lfmt -lcrypto -o serialize_fuzz
//   RAMPART_SHARED=../shared ./serialize_fuzz -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "aws/model/model_json.h"
#include "aws/serialize/serialize.h"

#ifndef RAMPART_SHARED_DIR
#define RAMPART_SHARED_DIR "../shared"
#endif

namespace {

struct Target {
  std::unique_ptr<rampart::aws::ModelStorage> storage;
  const rampart::aws::Operation* op = nullptr;
};

std::vector<Target> load_targets() {
  std::vector<Target> out;
  const char* env = std::getenv("RAMPART_SHARED");
  const std::string dir =
      std::string(env != nullptr ? env : RAMPART_SHARED_DIR) + "/testdata/aws-protocols/input/";
  for (const char* file : {"query.json", "ec2.json", "json.json", "rest-json.json",
                           "rest-xml.json"}) {
    std::ifstream in(dir + file);
    std::stringstream ss;
    ss << in.rdbuf();
    rampart::Json suites = rampart::Json::parse(ss.str(), nullptr, false);
    if (!suites.is_array()) continue;
    for (const auto& suite : suites) {
      rampart::Json service = {{"metadata", suite.value("metadata", rampart::Json::object())},
                               {"shapes", suite.value("shapes", rampart::Json::object())}};
      for (const auto& c : suite.value("cases", rampart::Json::array())) {
        auto storage = rampart::aws::load_model(service);
        if (!storage.ok()) continue;
        const rampart::Json given = c.value("given", rampart::Json::object());
        if (!rampart::aws::add_operation(**storage, given).ok()) continue;
        Target t;
        t.storage = std::move(*storage);
        t.op = t.storage->model.find_operation(given.value("name", std::string()));
        if (t.op != nullptr) out.push_back(std::move(t));
      }
    }
  }
  return out;
}

const std::vector<Target>& targets() {
  static const std::vector<Target> kTargets = load_targets();
  return kTargets;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& all = targets();
  if (all.empty() || size < 1) return 0;
  const Target& t = all[data[0] % all.size()];
  rampart::Json params = rampart::Json::parse(reinterpret_cast<const char*>(data + 1),
                                              reinterpret_cast<const char*>(data + size),
                                              nullptr, false);
  if (params.is_discarded()) return 0;
  rampart::aws::SerializeOptions options;
  options.make_idempotency_token = [] {
    return std::string("00000000-0000-4000-8000-000000000000");
  };
  rampart::aws::RequestTarget target{"https", "example.com", "/base"};
  auto req = rampart::aws::serialize_request(t.storage->model, *t.op, params, target, options);
  if (req.ok()) {
    // Touch the result so the whole request is materialized.
    volatile std::size_t n = req->url().size() + req->body.size() + req->headers.size();
    (void)n;
  }
  return 0;
}
