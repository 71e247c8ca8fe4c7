// Test code only: data-driven collector tests. A case file
// `src/collect/testdata/<service>/<case>.json` holds canned responses — recorded from the
// seeded emulator with `rampart api ... --paginate`, trimmed — and what the collector must
// emit from them:
//
//   {"collector": "s3", "account": "123456789012", "region": "us-east-1",
//    "base": "recorded.json",             // optional: a sibling file whose "responses" follow
//    "responses": [{"service", "operation", "params"?, "response"}            // a success
//                  | {"service", "operation", "params"?, "error": {"code", "status"}}],
//    "expect": {
//      "counts": {"s3:bucket": 2},        // exact number emitted per type (listed types)
//      "total": 3,                        // optional: exact number of resources emitted
//      "resources": [{"type", "id", "region"?, "arn"?, "name"?, "tags"?,
//                     "document": {"/json/pointer": expected value},
//                     "absent": ["/pointer"],          // present and null
//                     "missing": ["/pointer"],         // not in the document at all
//                     "unknown": {"Attribute": "ErrorCode"}, "known": ["Attribute"]}],
//      "not_emitted": [{"type", "id"}],
//      "errors": [{"operation", "resource_id", "code"}]}}   // exactly these errors
//
// Responses listed first win over those of the base file (FakeTask returns the first match),
// so a case can turn one recorded call into a failure. Files without "expect" are only bases.
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

// The helpers live in their own namespace: other case readers of this test binary
// (netcompute_cases.h) define same-named helpers in collect::testing, and two inline
// definitions of one name would break the one-definition rule.
namespace rampart::collect::testing {
namespace recorded {

struct RecordedCase {
  std::string name;  // the file stem, sanitized for a test name
  std::filesystem::path path;
};

// Shows a case by its file in gtest messages.
inline void PrintTo(const RecordedCase& c, std::ostream* os) { *os << c.path.string(); }

inline Json read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return Json::parse(text.str(), nullptr, false);
}

// Every case file of testdata/<service>/ (files with an "expect" member), sorted.
inline std::vector<RecordedCase> load_recorded_cases(const std::string& service) {
  std::vector<RecordedCase> cases;
  const std::filesystem::path dir =
      std::filesystem::path(RAMPART_SOURCE_DIR) / "src/collect/testdata" / service;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".json") continue;
    Json doc = read_json_file(entry.path());
    if (!doc.is_object() || !doc.contains("expect")) continue;
    std::string name = entry.path().stem().string();
    for (char& c : name) {
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    cases.push_back({name, entry.path()});
  }
  std::sort(cases.begin(), cases.end(),
            [](const RecordedCase& a, const RecordedCase& b) { return a.name < b.name; });
  return cases;
}

inline void add_responses(FakeTask& task, const Json& responses) {
  for (const Json& r : responses) {
    std::optional<Json> params;
    if (r.contains("params")) params = r["params"];
    if (r.contains("error")) {
      const Json& e = r["error"];
      const std::string code = e.value("code", "");
      const int status = e.value("status", 400);
      Error err{classify_aws_error(code, status), code, e.value("message", code), "", status};
      task.fail(r.value("service", ""), r.value("operation", ""), err, params);
    } else {
      task.respond(r.value("service", ""), r.value("operation", ""), r.value("response", Json()),
                   params);
    }
  }
}

inline const CollectorSpec* find_collector(std::string_view service) {
  for (const CollectorSpec* spec : all_collectors()) {
    if (spec->service == service) return spec;
  }
  return nullptr;
}

inline void check_resource(const FakeTask& task, const Json& want) {
  const std::string type = want.value("type", "");
  const std::string id = want.value("id", "");
  SCOPED_TRACE(type + " " + id);
  const inventory::Resource* r = task.resource(type, id);
  ASSERT_NE(r, nullptr) << "not emitted";
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
  EXPECT_EQ(r->account, task.account());
  const Json document = want.value("document", Json::object());
  for (const auto& [pointer, value] : document.items()) {
    const Json::json_pointer p(pointer);
    ASSERT_TRUE(r->document.contains(p)) << pointer << " missing in " << r->document.dump();
    EXPECT_EQ(r->document.at(p), value) << pointer;
  }
  for (const Json& pointer : want.value("absent", Json::array())) {
    const Json::json_pointer p(pointer.get<std::string>());
    ASSERT_TRUE(r->document.contains(p)) << pointer << " should be present and null";
    EXPECT_TRUE(r->document.at(p).is_null()) << pointer;
  }
  for (const Json& pointer : want.value("missing", Json::array())) {
    EXPECT_FALSE(r->document.contains(Json::json_pointer(pointer.get<std::string>()))) << pointer;
  }
  const Json unknown = want.value("unknown", Json::object());
  for (const auto& [attribute, code] : unknown.items()) {
    ASSERT_TRUE(r->unknown.contains(attribute)) << attribute << " should be unknown";
    EXPECT_EQ(r->unknown[attribute].value("code", ""), code.get<std::string>()) << attribute;
    EXPECT_FALSE(r->document.contains(attribute) && !r->document[attribute].is_null())
        << attribute << " is unknown yet has a value";
  }
  for (const Json& attribute : want.value("known", Json::array())) {
    EXPECT_FALSE(r->unknown.contains(attribute.get<std::string>())) << attribute;
  }
}

// Runs the case's collector on a FakeTask loaded with the case's responses and checks
// everything "expect" lists.
inline void run_recorded_case(const RecordedCase& c) {
  const Json doc = read_json_file(c.path);
  ASSERT_TRUE(doc.is_object()) << c.path << " is not JSON";
  FakeTask task(doc.value("account", "123456789012"), doc.value("region", "us-east-1"));
  add_responses(task, doc.value("responses", Json::array()));
  if (doc.contains("base")) {
    const Json base = read_json_file(c.path.parent_path() / doc["base"].get<std::string>());
    ASSERT_TRUE(base.is_object()) << "base of " << c.path;
    add_responses(task, base.value("responses", Json::array()));
  }
  const CollectorSpec* spec = find_collector(doc.value("collector", ""));
  ASSERT_NE(spec, nullptr) << "no collector " << doc.value("collector", "");
  spec->collect(task);

  const Json& expect = doc["expect"];
  const Json counts = expect.value("counts", Json::object());
  for (const auto& [type, count] : counts.items()) {
    std::size_t n = 0;
    for (const auto& r : task.emitted) n += r.type == type ? 1 : 0;
    EXPECT_EQ(n, count.get<std::size_t>()) << "count of " << type;
  }
  if (expect.contains("total")) {
    EXPECT_EQ(task.emitted.size(), expect["total"].get<std::size_t>());
  }
  for (const Json& want : expect.value("resources", Json::array())) check_resource(task, want);
  for (const Json& gone : expect.value("not_emitted", Json::array())) {
    EXPECT_EQ(task.resource(gone.value("type", ""), gone.value("id", "")), nullptr)
        << gone.dump();
  }
  if (expect.contains("errors")) {
    std::vector<std::string> got;
    std::vector<std::string> want;
    for (const auto& e : task.errors) got.push_back(e.operation + "|" + e.resource_id + "|" + e.code);
    for (const Json& e : expect["errors"]) {
      want.push_back(e.value("operation", "") + "|" + e.value("resource_id", "") + "|" +
                     e.value("code", ""));
    }
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    EXPECT_EQ(got, want);
  }
}

}  // namespace recorded

using recorded::add_responses;
using recorded::check_resource;
using recorded::find_collector;
using recorded::load_recorded_cases;
using recorded::read_json_file;
using recorded::RecordedCase;
using recorded::run_recorded_case;

}  // namespace rampart::collect::testing
