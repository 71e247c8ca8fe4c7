// The botocore protocol input suites (Smithy-derived and legacy) run against
// serialize_request: one GoogleTest case per suite case. Each case's model is built from the
// suite's metadata and shapes plus the case's "given" operation. Skipped cases and their
// reasons live in protocol_input_skips.json (botocore's own ignore list plus features a
// read-only client never sends).
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "aws/model/model_json.h"
#include "aws/serialize/protocol_compare.h"
#include "aws/serialize/serialize.h"

namespace rampart::aws {
namespace {

constexpr const char* kTokenForTests = "00000000-0000-4000-8000-000000000000";

struct Case {
  std::string file;  // "input/rest-json.json"
  std::string key;   // case id, or "<suite description>#<case index>" for legacy cases
  std::string name;  // GoogleTest name
  Json suite;        // metadata, shapes, clientEndpoint (cases removed)
  Json data;
};

// Keeps GoogleTest from printing the case as raw bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << c.file << " " << c.key; }

Json read_json(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return Json::parse(ss.str(), nullptr, false);
}

std::string sanitize(std::string_view s) {
  std::string out;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (ok) {
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

const std::vector<std::string>& suite_files() {
  static const std::vector<std::string> kFiles = {
      "input/query.json",          "input/ec2.json",
      "input/json.json",           "input/json_1_0.json",
      "input/json_1_0-query-compatible.json",
      "input/rest-json.json",      "input/rest-xml.json",
      "legacy/input/query.json",   "legacy/input/ec2.json",
      "legacy/input/json.json",    "legacy/input/rest-json.json",
      "legacy/input/rest-xml.json",
  };
  return kFiles;
}

std::vector<Case> load_cases() {
  std::vector<Case> cases;
  const std::string dir = std::string(RAMPART_SHARED_DIR) + "/testdata/aws-protocols/";
  for (const std::string& file : suite_files()) {
    Json suites = read_json(dir + file);
    if (!suites.is_array()) {
      ADD_FAILURE() << "cannot read " << dir + file;
      continue;
    }
    // "input/rest-json.json" -> "rest_json", "legacy/input/ec2.json" -> "legacy_ec2".
    std::string prefix = sanitize(file.substr(0, file.size() - 5));
    if (auto at = prefix.find("input_"); at != std::string::npos) prefix.erase(at, 6);
    for (std::size_t s = 0; s < suites.size(); ++s) {
      Json suite = suites[s];
      Json list = suite["cases"];
      suite.erase("cases");
      for (std::size_t c = 0; c < list.size(); ++c) {
        Case k;
        k.file = file;
        std::string id = list[c].value("id", std::string());
        k.key = !id.empty() ? id
                            : suite.value("description", std::string()) + "#" + std::to_string(c);
        k.name = prefix + "_" + sanitize(!id.empty() ? id : "s" + std::to_string(s) + "_c" +
                                                               std::to_string(c) + "_" + k.key);
        k.suite = suite;
        k.data = list[c];
        cases.push_back(std::move(k));
      }
    }
  }
  return cases;
}

const Json& skips() {
  static const Json kSkips =
      read_json(std::string(RAMPART_SOURCE_DIR) + "/src/aws/serialize/protocol_input_skips.json");
  return kSkips;
}

class ProtocolInput : public ::testing::TestWithParam<Case> {};

void expect_body(std::string_view protocol, const std::string& expected,
                 const std::string& actual) {
  using namespace rampart::aws::testing;
  if (protocol == "query" || protocol == "ec2") {
    EXPECT_EQ(form_tree(expected).dump(1), form_tree(actual).dump(1)) << "raw body: " << actual;
    return;
  }
  if (expected.empty() || actual.empty()) {
    EXPECT_EQ(expected, actual);
    return;
  }
  if (protocol == "rest-xml") {
    Json e = xml_tree(expected);
    Json a = xml_tree(actual);
    if (!e.is_null()) {
      EXPECT_EQ(e.dump(1), a.dump(1)) << "raw body: " << actual;
      return;
    }
  } else {
    Json e = Json::parse(expected, nullptr, false);
    Json a = Json::parse(actual, nullptr, false);
    if (!e.is_discarded()) {
      EXPECT_EQ(e.dump(1), a.dump(1)) << "raw body: " << actual;
      return;
    }
  }
  EXPECT_EQ(expected, actual);
}

TEST_P(ProtocolInput, Serializes) {
  const Case& c = GetParam();
  if (auto f = skips().find(c.file); f != skips().end()) {
    if (auto s = f->find(c.key); s != f->end()) GTEST_SKIP() << s->get<std::string>();
  }
  Json service = {{"metadata", c.suite["metadata"]}, {"shapes", c.suite["shapes"]}};
  auto storage = load_model(service);
  ASSERT_TRUE(storage.ok()) << storage.error().describe();
  const Json& given = c.data["given"];
  auto added = add_operation(**storage, given);
  ASSERT_TRUE(added.ok()) << added.error().describe();
  const ServiceModel& model = (*storage)->model;
  const Operation* op = model.find_operation(given["name"].get<std::string>());
  ASSERT_NE(op, nullptr);

  auto target = parse_endpoint_url(c.suite.value("clientEndpoint", "https://example.com"));
  ASSERT_TRUE(target.ok()) << target.error().describe();
  SerializeOptions options;
  options.make_idempotency_token = [] { return std::string(kTokenForTests); };
  auto req = serialize_request(model, *op, c.data.value("params", Json::object()), *target,
                               options);
  ASSERT_TRUE(req.ok()) << req.error().describe();

  const Json& want = c.data["serialized"];
  const std::string protocol = c.suite["metadata"]["protocol"].get<std::string>();
  if (want.contains("method")) {
    EXPECT_EQ(req->method, want["method"].get<std::string>());
  }
  std::string uri = want.value("uri", "/");
  auto q = uri.find('?');
  EXPECT_EQ(req->path, uri.substr(0, q));
  EXPECT_EQ(testing::canonical_query(q == std::string::npos ? "" : uri.substr(q + 1)),
            testing::canonical_query(req->query))
      << "query: " << req->query;
  if (want.contains("body")) expect_body(protocol, want["body"].get<std::string>(), req->body);

  const Json headers = want.value("headers", Json::object());
  for (const auto& [name, value] : headers.items()) {
    const std::string* got = req->header(name);
    ASSERT_NE(got, nullptr) << "missing header " << name;
    std::string expected = value.get<std::string>();
    // botocore sends the form content type with its charset; the Smithy files omit it.
    if ((protocol == "query" || protocol == "ec2") && iequals(name, "Content-Type") &&
        expected == "application/x-www-form-urlencoded") {
      expected += "; charset=utf-8";
    }
    EXPECT_EQ(*got, expected) << "header " << name;
  }
  const Json forbidden = want.value("forbidHeaders", Json::array());
  for (const auto& name : forbidden) {
    EXPECT_EQ(req->header(name.get<std::string>()), nullptr) << "forbidden header " << name;
  }
  const Json required = want.value("requireHeaders", Json::array());
  for (const auto& name : required) {
    // Content-Length is computed by the transport from the body, not by the serializer.
    if (iequals(name.get<std::string>(), "Content-Length")) continue;
    EXPECT_NE(req->header(name.get<std::string>()), nullptr) << "required header " << name;
  }
  if (want.contains("host")) {
    // Smithy writes a custom endpoint's base path into "host" ("example.com/custom").
    std::string host = want["host"].get<std::string>();
    auto slash = host.find('/');
    EXPECT_EQ(req->host, host.substr(0, slash));
    if (slash != std::string::npos) {
      EXPECT_EQ(req->path.rfind(host.substr(slash), 0), 0u);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Botocore, ProtocolInput, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name + "_" + std::to_string(info.index);
                         });

// Every entry of the skip file names a case that exists, so stale skips do not pile up.
TEST(ProtocolInputSkips, NameExistingCases) {
  std::set<std::pair<std::string, std::string>> known;
  for (const Case& c : load_cases()) known.emplace(c.file, c.key);
  ASSERT_TRUE(skips().is_object());
  for (const auto& [file, cases] : skips().items()) {
    for (const auto& [key, reason] : cases.items()) {
      EXPECT_TRUE(known.count({file, key})) << file << ": " << key;
      EXPECT_FALSE(reason.get<std::string>().empty()) << file << ": " << key;
    }
  }
}

}  // namespace
}  // namespace rampart::aws
