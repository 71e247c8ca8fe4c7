// IAMSpy's account exports (shared/testdata/iam/iamspy) answer the questions of its manifest:
// can-i, who-can and the batch who-can, each its own test. "existential" cases ask whether
// some request context would allow; "strict" ones treat unsupplied keys as absent.
#include <gtest/gtest.h>

#include "engine/iam/case_file.h"
#include "engine/iam/gaad.h"
#include "engine/iam/test_util.h"

namespace rampart::iam {
namespace {

using testing::iam_data;
using testing::sanitize;

struct SpyCase {
  std::string kind;  // can_i, who_can, who_can_batch_resource
  Json data;
};
void PrintTo(const SpyCase& c, std::ostream* os) { *os << c.data.value("id", ""); }

std::vector<SpyCase> load_cases() {
  std::vector<SpyCase> out;
  auto m = read_json_file(iam_data("iamspy/expected.json"));
  if (!m) return out;
  for (const char* kind : {"can_i", "who_can", "who_can_batch_resource"}) {
    for (const auto& c : m->value(kind, Json::array())) out.push_back({kind, c});
  }
  return out;
}

Result<Environment> load_env(const Json& inputs) {
  Environment env;
  for (const auto& f : inputs.value("gaads", Json::array())) {
    auto j = read_json_file(iam_data("iamspy/" + f.get<std::string>()));
    if (!j) return j.error();
    auto g = parse_gaad(*j);
    if (!g) return g.error();
    env.entities.insert(env.entities.end(), g->begin(), g->end());
  }
  for (const auto& f : inputs.value("resource_policies", Json::array())) {
    auto j = read_json_file(iam_data("iamspy/" + f.get<std::string>()));
    if (!j) return j.error();
    auto r = parse_resource_policies(*j);
    if (!r) return r.error();
    env.resource_policies.insert(env.resource_policies.end(), r->begin(), r->end());
  }
  for (const auto& f : inputs.value("scps", Json::array())) {
    auto j = read_json_file(iam_data("iamspy/" + f.get<std::string>()));
    if (!j) return j.error();
    env.org_trees.push_back(*j);
  }
  return env;
}

TEST(IamSpyManifest, HasAllQuestions) { EXPECT_EQ(load_cases().size(), 39u); }

class IamSpyTest : public ::testing::TestWithParam<SpyCase> {};

TEST_P(IamSpyTest, AnswersLikeAws) {
  const auto& c = GetParam().data;
  const auto& kind = GetParam().kind;
  auto env = load_env(c.at("inputs"));
  ASSERT_TRUE(env.ok()) << env.error().message;
  EvalOptions opt;
  opt.existential = c.value("mode", "") == "existential";
  if (kind == "can_i") {
    const auto& rq = c.at("request");
    const auto ctx = RequestContext::from_json(rq.value("context", Json::object()));
    const auto e = can_i(*env, rq.value("principal", ""), rq.value("action", ""),
                         rq.value("resource", ""), ctx, opt);
    EXPECT_EQ(std::string(to_string(e.decision)), c.value("expected", "")) << e.reason;
    if (c.contains("expected_strict")) {
      const auto s = can_i(*env, rq.value("principal", ""), rq.value("action", ""),
                           rq.value("resource", ""), ctx, EvalOptions{});
      EXPECT_EQ(std::string(to_string(s.decision)), c.value("expected_strict", "")) << s.reason;
    }
  } else if (kind == "who_can") {
    const auto ctx = RequestContext::from_json(c.value("context", Json::object()));
    auto expected = c.at("expected_principals").get<std::vector<std::string>>();
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(who_can(*env, c.value("action", ""), c.value("resource", ""), ctx, opt), expected);
  } else {
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& r : c.at("resources")) {
      for (const auto& p : who_can(*env, c.value("action", ""), r.get<std::string>(), {}, opt)) {
        got.emplace_back(p, r.get<std::string>());
      }
    }
    std::vector<std::pair<std::string, std::string>> expected;
    for (const auto& pr : c.at("expected_pairs")) expected.emplace_back(pr[0], pr[1]);
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(got, expected);
  }
}

INSTANTIATE_TEST_SUITE_P(Manifest, IamSpyTest, ::testing::ValuesIn(load_cases()),
                         [](const auto& info) { return sanitize(info.param.data.value("id", "")); });

}  // namespace
}  // namespace rampart::iam
