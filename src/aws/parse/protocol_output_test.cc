// botocore's protocol output suites (Smithy-derived output/*.json and legacy/output/*.json):
// each case builds its model from the suite's metadata + shapes + the case's operation, feeds
// the recorded HTTP response to the parser and compares with the expected parse (timestamps as
// epoch seconds, blobs decoded) or the expected error code, message and modeled fields.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aws/model/model_json.h"
#include "aws/parse/parse.h"
#include "aws/parse/parse_test_util.h"

namespace rampart::aws {
namespace {

using parse_test::TimeForm;

struct OutputCase {
  std::string file;  // relative to aws-protocols/, e.g. "output/query.json"
  std::size_t suite = 0;
  std::size_t index = 0;
  std::string id;    // the case id, or "s<suite>c<case>" for unnamed legacy cases
  std::string name;  // GoogleTest name
};

void PrintTo(const OutputCase& c, std::ostream* os) { *os << c.file << " " << c.id; }

const std::vector<std::string>& suite_files() {
  static const std::vector<std::string> kFiles = {
      "output/query.json",         "output/ec2.json",           "output/json.json",
      "output/json_1_0.json",      "output/json_1_0-query-compatible.json",
      "output/rest-json.json",     "output/rest-xml.json",      "legacy/output/query.json",
      "legacy/output/ec2.json",    "legacy/output/json.json",   "legacy/output/rest-json.json",
      "legacy/output/rest-xml.json",
  };
  return kFiles;
}

std::vector<OutputCase> load_cases() {
  std::vector<OutputCase> cases;
  for (const std::string& file : suite_files()) {
    Json suites = parse_test::read_json(parse_test::protocols_dir() + "/" + file);
    if (!suites.is_array()) {
      cases.push_back({file, 0, 0, "unreadable", parse_test::sanitize_name(file + "_unreadable")});
      continue;
    }
    std::string prefix = file.starts_with("legacy/") ? "legacy_" : "";
    std::string stem = std::filesystem::path(file).stem().string();
    for (std::size_t s = 0; s < suites.size(); ++s) {
      const Json& list = suites[s]["cases"];
      for (std::size_t c = 0; c < list.size(); ++c) {
        std::string id = list[c].value("id", "s" + std::to_string(s) + "c" + std::to_string(c));
        cases.push_back({file, s, c, id, parse_test::sanitize_name(prefix + stem + "_" + id)});
      }
    }
  }
  return cases;
}

// Two legacy-suite model forms rampart's model loader (src/aws/model) does not take, restated
// the way botocore resolves them: the "character" type is a one-character string, and a
// shape-level "location"/"locationName" applies to every member referring to that shape.
// No real service model uses either.
Json legacy_shapes(Json shapes) {
  for (auto& [name, def] : shapes.items()) {
    if (def.value("type", "") == "character") def["type"] = "string";
  }
  for (auto& [name, def] : shapes.items()) {
    if (!def.contains("members") || !def["members"].is_object()) continue;
    for (auto& [mname, ref] : def["members"].items()) {
      const Json& target = shapes.value(ref.value("shape", ""), Json::object());
      if (target.contains("location") && !ref.contains("location")) {
        ref["location"] = target["location"];
        if (target.contains("locationName") && !ref.contains("locationName")) {
          ref["locationName"] = target["locationName"];
        }
      }
    }
  }
  return shapes;
}

class ProtocolOutput : public ::testing::TestWithParam<OutputCase> {};

TEST_P(ProtocolOutput, Parses) {
  const OutputCase& tc = GetParam();
  if (std::string why = parse_test::skip_reason(tc.file, tc.id); !why.empty()) GTEST_SKIP() << why;
  Json suites = parse_test::read_json(parse_test::protocols_dir() + "/" + tc.file);
  ASSERT_TRUE(suites.is_array()) << "cannot read " << tc.file;
  const Json& suite = suites[tc.suite];
  const Json& c = suite["cases"][tc.index];

  Json service = {{"metadata", suite["metadata"]}, {"shapes", legacy_shapes(suite["shapes"])}};
  auto storage = load_model(service);
  ASSERT_TRUE(storage.ok()) << storage.error().describe();
  Json given = c["given"];
  if (!given.contains("name")) given["name"] = "OperationName";
  auto added = add_operation(**storage, given);
  ASSERT_TRUE(added.ok()) << added.error().describe();
  const ServiceModel& model = (*storage)->model;
  const Operation* op = model.find_operation(given["name"].get<std::string>());
  ASSERT_NE(op, nullptr);

  HttpResponse response;
  const Json& r = c["response"];
  response.status = r.value("status_code", 200);
  if (auto h = r.find("headers"); h != r.end() && h->is_object()) {
    for (auto it = h->begin(); it != h->end(); ++it) {
      response.headers.emplace_back(it.key(), it.value().get<std::string>());
    }
  }
  response.body = r.value("body", std::string());

  if (c.contains("error") || c.contains("errorCode")) {
    auto details = parse_error_response(model, *op, response);
    ASSERT_TRUE(details.has_value()) << "not recognized as an error";
    EXPECT_EQ(details->error.code, c.value("errorCode", std::string()));
    EXPECT_EQ(details->error.message, c.value("errorMessage", std::string()));
    EXPECT_EQ(details->error.http_status, response.status);
    EXPECT_EQ(details->error.kind, classify_aws_error(details->error.code, response.status));
    std::uint32_t shape = details->shape.empty() ? kNoShape : model.find_shape(details->shape);
    Json modeled = parse_test::normalize(model, shape, details->modeled, TimeForm::EpochSeconds, true);
    EXPECT_EQ(modeled, c.value("error", Json::object())) << "modeled error fields of " << details->shape;
    auto result = parse_response(model, *op, response);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, details->error.code);
    return;
  }

  auto result = parse_response(model, *op, response);
  ASSERT_TRUE(result.ok()) << result.error().describe();
  Json actual = parse_test::normalize(model, op->output.shape, *result, TimeForm::EpochSeconds, true);
  Json expected = c.value("result", Json::object());
  EXPECT_EQ(actual, expected) << "actual:   " << actual.dump() << "\nexpected: " << expected.dump();
}

INSTANTIATE_TEST_SUITE_P(Botocore, ProtocolOutput, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<OutputCase>& info) { return info.param.name; });

}  // namespace
}  // namespace rampart::aws
