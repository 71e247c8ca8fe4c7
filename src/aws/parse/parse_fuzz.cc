// libFuzzer target: arbitrary bytes as the body of XML (query, ec2, rest-xml) and JSON (json,
// rest-json) responses, as a success (200) and as an error (400, 503), through models that use
// nested structures, wrapped and flattened lists, maps, unions, documents, attributes, headers
// and every scalar type. The parser must never crash, hang or leak; any outcome is fine.
// Not wired into CMake; build with e.g.
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc src/aws/parse/parse_fuzz.cc \
//     src/aws/parse/{errors,json_reader,parse,rest_reader,scalar,xml_reader}.cc \
//     src/aws/model/{model,model_json}.cc src/aws/core/{encoding,error,http,timestamp}.cc \
//     -lpugixml -lfmt -lcrypto -o parse_fuzz
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "aws/model/model_json.h"
#include "aws/parse/parse.h"

namespace {

using rampart::Json;
using namespace rampart::aws;

const Json& shapes() {
  static const Json kShapes = Json::parse(R"({
    "Out": {"type": "structure", "members": {
      "Str": {"shape": "Str"}, "Int": {"shape": "Int", "locationName": "int"},
      "Long": {"shape": "Long"}, "Dbl": {"shape": "Dbl"}, "Bool": {"shape": "Bool"},
      "Time": {"shape": "Time"}, "Blob": {"shape": "Blob"},
      "List": {"shape": "List"}, "Flat": {"shape": "FlatList", "flattened": true},
      "Map": {"shape": "Map"}, "FlatMap": {"shape": "Map", "flattened": true},
      "Nested": {"shape": "Out"}, "Choice": {"shape": "Union"}, "Doc": {"shape": "Doc"},
      "Attr": {"shape": "Str", "xmlAttribute": true, "locationName": "xsi:type"},
      "Hdr": {"shape": "Int", "location": "header", "locationName": "x-int"},
      "Hdrs": {"shape": "HeaderMap", "location": "headers", "locationName": "x-meta-"},
      "Status": {"shape": "Int", "location": "statusCode"}}},
    "Err": {"type": "structure", "exception": true, "error": {"code": "Bad"},
            "members": {"Message": {"shape": "Str"}, "Detail": {"shape": "Out"}}},
    "Str": {"type": "string"}, "Int": {"type": "integer"}, "Long": {"type": "long"},
    "Dbl": {"type": "double"}, "Bool": {"type": "boolean"}, "Time": {"type": "timestamp"},
    "Blob": {"type": "blob"}, "Doc": {"type": "structure", "document": true, "members": {}},
    "List": {"type": "list", "member": {"shape": "Out", "locationName": "item"}},
    "FlatList": {"type": "list", "member": {"shape": "Time"}},
    "Map": {"type": "map", "key": {"shape": "Str"}, "value": {"shape": "List"}},
    "HeaderMap": {"type": "map", "key": {"shape": "Str"}, "value": {"shape": "Str"}},
    "Union": {"type": "structure", "union": true, "members": {"A": {"shape": "Str"}, "B": {"shape": "List"}}}
  })");
  return kShapes;
}

struct Target {
  std::unique_ptr<ModelStorage> storage;
  const Operation* op = nullptr;
};

std::vector<Target> make_targets() {
  std::vector<Target> targets;
  for (const char* protocol : {"query", "ec2", "json", "rest-json", "rest-xml"}) {
    Json service = {{"metadata", {{"protocol", protocol}}}, {"shapes", shapes()}};
    auto loaded = load_model(service);
    if (!loaded.ok()) continue;
    Target t;
    t.storage = std::move(*loaded);
    Json op = {{"name", "Op"}, {"output", {{"shape", "Out"}, {"resultWrapper", "OpResult"}}},
               {"errors", {{{"shape", "Err"}}}}};
    if (!add_operation(*t.storage, op).ok()) continue;
    t.op = t.storage->model.find_operation("Op");
    if (t.op != nullptr) targets.push_back(std::move(t));
  }
  return targets;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<Target> kTargets = make_targets();
  HttpResponse response;
  response.body.assign(reinterpret_cast<const char*>(data), size);
  response.headers = {{"x-int", "12"}, {"x-meta-a", "b"}, {"x-amzn-query-error", "Bad;Sender"}};
  for (const Target& t : kTargets) {
    for (int status : {200, 400, 503}) {
      response.status = status;
      auto result = parse_response(t.storage->model, *t.op, response);
      if (result.ok() && !result->is_object()) __builtin_trap();  // a success is always an object
      (void)parse_error_response(t.storage->model, *t.op, response);
    }
  }
  return 0;
}
