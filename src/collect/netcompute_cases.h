// Data-driven collector tests for the EC2, Auto Scaling, ELB, ELBv2 and ACM collectors (test
// code only). A case (src/collect/testdata/<service>/cases.json) names a recording — responses
// captured from moto with `rampart api` — plus optional overrides (a canned error or response
// replacing the recorded one, to exercise failures), and what the collector must emit:
//
//   {"name": "...", "recording": "lab-us-east-1.json",
//    "overrides": [{"service", "operation", "params"?, "response" | "error": {kind, code,
//    message}}], "expect": {"counts": {"ec2:vpc": 2},                    exact, per listed type
//               "resources": [{"type", "id", "arn"?, "name"?, "tags"?,
//                              "known": {"/json/pointer": value},   non-null and equal
//                              "absent": ["/json/pointer"],         null or missing
//                              "unknown": {"Attribute": "Operation"}}],
//               "errors": [{"operation", "resource_type", "resource_id", "code"}]}}  exact set
//
// An override without "params" replaces every recorded response of that operation.
#pragma once

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "collect/collector.h"
#include "collect/testing/fake_task.h"

// Own namespace: other case readers in this test binary (recorded_case.h) define helpers of the
// same names, and two inline definitions of one name would break the one-definition rule.
namespace rampart::collect::testing::netcompute {

struct RecordedCase {
  std::string service;
  std::string name;
  Json spec;
};

// Shown by GoogleTest instead of the object's bytes.
inline void PrintTo(const RecordedCase& c, std::ostream* os) { *os << c.service << "/" << c.name; }

inline std::filesystem::path testdata_dir(std::string_view service) {
  return std::filesystem::path(RAMPART_SOURCE_DIR) / "src/collect/testdata" / std::string(service);
}

inline Json read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return Json::parse(text.str(), nullptr, false);
}

// Every case of testdata/<service>/cases.json (one unparsable file yields one failing case).
inline std::vector<RecordedCase> load_cases(std::string_view service) {
  Json cases = read_json_file(testdata_dir(service) / "cases.json");
  if (!cases.is_array())
    return {RecordedCase{std::string(service), "unreadable_cases_json", Json()}};
  std::vector<RecordedCase> out;
  for (const Json& c : cases) out.push_back({std::string(service), c.value("name", "unnamed"), c});
  return out;
}

inline std::string case_name(const ::testing::TestParamInfo<RecordedCase>& info) {
  std::string name = info.param.name;
  for (char& ch : name) {
    if (std::isalnum(static_cast<unsigned char>(ch)) == 0) ch = '_';
  }
  return name;
}

inline ErrorKind kind_from_string(const std::string& text) {
  for (int k = 0; k <= static_cast<int>(ErrorKind::Internal); ++k) {
    if (to_string(static_cast<ErrorKind>(k)) == text) return static_cast<ErrorKind>(k);
  }
  return ErrorKind::Internal;
}

inline void add_canned(FakeTask& task, const Json& entry) {
  std::optional<Json> params;
  if (entry.contains("params")) params = entry["params"];
  std::string service = entry.value("service", "");
  std::string operation = entry.value("operation", "");
  if (entry.contains("error")) {
    const Json& e = entry["error"];
    task.fail(service, operation,
              make_error(kind_from_string(e.value("kind", "")), e.value("message", ""),
                         e.value("code", "")),
              params);
  } else {
    task.respond(service, operation, entry.value("response", Json()), params);
  }
}

inline const CollectorSpec* find_collector(std::string_view service) {
  for (const CollectorSpec* spec : all_collectors()) {
    if (spec->service == service) return spec;
  }
  return nullptr;
}

inline void check_resource(const FakeTask& task, const Json& want) {
  std::string type = want.value("type", "");
  std::string id = want.value("id", "");
  SCOPED_TRACE(type + " " + id);
  const inventory::Resource* r = task.resource(type, id);
  ASSERT_NE(r, nullptr) << "not emitted";
  EXPECT_EQ(r->account, "123456789012");
  if (want.contains("region")) {
    EXPECT_EQ(r->region, want["region"].get<std::string>());
  }
  if (want.contains("arn")) {
    EXPECT_EQ(r->arn, want["arn"].get<std::string>());
  }
  if (want.contains("name")) {
    EXPECT_EQ(r->name, want["name"].get<std::string>());
  }
  if (want.contains("tags")) {
    EXPECT_EQ(r->tags, want["tags"]);
  }
  const Json known = want.value("known", Json::object());
  for (const auto& [pointer, value] : known.items()) {
    Json::json_pointer p(pointer);
    ASSERT_TRUE(r->document.contains(p)) << pointer << " missing";
    EXPECT_FALSE(r->document[p].is_null()) << pointer;
    EXPECT_EQ(r->document[p], value) << pointer;
  }
  const Json absent = want.value("absent", Json::array());
  for (const Json& pointer : absent) {
    Json::json_pointer p(pointer.get<std::string>());
    EXPECT_TRUE(!r->document.contains(p) || r->document[p].is_null()) << pointer;
    EXPECT_FALSE(r->unknown.contains(p.to_string().substr(1))) << pointer << " is unknown";
  }
  const Json unknown = want.value("unknown", Json::object());
  for (const auto& [attribute, operation] : unknown.items()) {
    ASSERT_TRUE(r->unknown.contains(attribute)) << attribute << " not unknown";
    EXPECT_EQ(r->unknown[attribute].value("operation", ""), operation.get<std::string>());
    EXPECT_FALSE(r->document.contains(attribute)) << attribute << " unknown but also in document";
  }
}

// The errors recorded, as comparable JSON, sorted.
inline std::vector<Json> error_rows(const std::vector<inventory::CollectionError>& errors) {
  std::vector<Json> out;
  for (const auto& e : errors) {
    out.push_back({{"operation", e.operation},
                   {"resource_type", e.resource_type},
                   {"resource_id", e.resource_id},
                   {"code", e.code}});
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Runs the service's collector (looked up in the generated table) over the case's recording.
inline void run_case(const RecordedCase& c) {
  ASSERT_TRUE(c.spec.is_object()) << "testdata/" << c.service << "/cases.json is unreadable";
  const CollectorSpec* spec = find_collector(c.service);
  ASSERT_NE(spec, nullptr) << "kCollector_" << c.service << " is not in all_collectors()";
  Json recording = read_json_file(testdata_dir(c.service) / c.spec.value("recording", ""));
  ASSERT_TRUE(recording.is_object()) << "recording unreadable";
  FakeTask task(recording.value("account", ""), recording.value("region", ""));
  const Json overrides = c.spec.value("overrides", Json::array());
  for (const Json& o : overrides) add_canned(task, o);
  for (const Json& r : recording["responses"]) {
    bool replaced = std::any_of(overrides.begin(), overrides.end(), [&](const Json& o) {
      return !o.contains("params") && o["service"] == r["service"] &&
             o["operation"] == r["operation"];
    });
    if (!replaced) add_canned(task, r);
  }
  spec->collect(task);

  const Json& expect = c.spec["expect"];
  const Json counts = expect.value("counts", Json::object());
  for (const auto& [type, count] : counts.items()) {
    auto n = std::count_if(task.emitted.begin(), task.emitted.end(),
                           [&](const inventory::Resource& r) { return r.type == type; });
    EXPECT_EQ(n, count.get<long>()) << type;
  }
  const Json resources = expect.value("resources", Json::array());
  for (const Json& want : resources) check_resource(task, want);
  const Json errors = expect.value("errors", Json::array());
  std::vector<Json> want_errors(errors.begin(), errors.end());
  std::sort(want_errors.begin(), want_errors.end());
  EXPECT_EQ(Json(error_rows(task.errors)), Json(want_errors));
  for (const auto& r : task.emitted) {
    EXPECT_FALSE(r.id.empty()) << r.type << " emitted without id";
    EXPECT_EQ(r.region, recording.value("region", "")) << r.type << " " << r.id;
  }
}

}  // namespace rampart::collect::testing::netcompute
