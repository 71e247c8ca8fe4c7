// Regression tier for the policy fuzzer: every seed of fuzz_corpus/engine_iam_policy_fuzz/ (and
// every crash the fuzzer finds, saved there) goes through the same path as policy_fuzz.cc --
// parse, then evaluate as identity, boundary and resource policy, then classify -- in the normal
// and sanitizer test builds, so no fuzz build is needed to keep them fixed. Valid seeds must
// parse; the malformed ones must be rejected with a Parse error, never crash.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/iam/evaluator.h"
#include "engine/iam/public_access.h"
#include "engine/iam/test_util.h"

namespace rampart::iam {
namespace {

struct Seed {
  std::string name;
  std::string text;
};
void PrintTo(const Seed& s, std::ostream* os) { *os << s.name; }

std::vector<Seed> load_seeds() {
  std::vector<Seed> out;
  const std::filesystem::path dir =
      std::string(RAMPART_SOURCE_DIR) + "/src/engine/iam/fuzz_corpus/engine_iam_policy_fuzz";
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back({e.path().filename().string(), ss.str()});
  }
  std::sort(out.begin(), out.end(), [](const Seed& a, const Seed& b) { return a.name < b.name; });
  return out;
}

// Seeds that are malformed on purpose: the parser must refuse them.
bool malformed(const std::string& name) {
  for (const char* m : {"truncated", "statement_string", "condition_array", "bad_operator"}) {
    if (name.rfind(m, 0) == 0) return true;
  }
  return false;
}

TEST(PolicyFuzzCorpus, HasSeeds) { EXPECT_GE(load_seeds().size(), 25u); }

class PolicyFuzzCorpusTest : public ::testing::TestWithParam<Seed> {};

TEST_P(PolicyFuzzCorpusTest, ParsesOrRejectsAndEvaluates) {
  const auto& seed = GetParam();
  auto policy = parse_policy_text(seed.text, "fuzz");
  if (malformed(seed.name)) {
    ASSERT_FALSE(policy.ok()) << seed.name << " should be rejected";
    EXPECT_EQ(policy.error().kind, ErrorKind::Parse);
    return;
  }
  ASSERT_TRUE(policy.ok()) << seed.name << ": " << policy.error().message;
  (void)public_statements(*policy);
  (void)external_access(*policy, "111111111111", {"222222222222"});
  for (const char* who : {"arn:aws:iam::111111111111:user/alice",
                          "arn:aws:sts::111111111111:assumed-role/app/s",
                          "arn:aws:iam::222222222222:role/r", "anonymous", "sns.amazonaws.com"}) {
    Request rq;
    rq.principal = *parse_request_principal(who);
    rq.action = "s3:GetObject";
    rq.resource = "arn:aws:s3:::bucket-a/a*b/c";
    rq.resource_account = "111111111111";
    rq.context.set("aws:username", "alice");
    rq.context.set("aws:SourceIp", "203.0.113.10");
    rq.context.set_multi("aws:TagKeys", {"env", "cost"});
    PolicySet as_identity;
    as_identity.identity.push_back(*policy);
    as_identity.permissions_boundary = *policy;
    const auto a = evaluate(rq, as_identity);
    PolicySet as_resource;
    as_resource.resource = *policy;
    const auto b = evaluate(rq, as_resource, EvalOptions{true});
    // Anonymous and service callers have no identity side: identity policies never allow them.
    if (!rq.principal.is_iam()) {
      EXPECT_NE(a.decision, Decision::Allow) << who;
    }
    (void)b;
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, PolicyFuzzCorpusTest, ::testing::ValuesIn(load_seeds()),
                         [](const auto& info) { return testing::sanitize(info.param.name); });

}  // namespace
}  // namespace rampart::iam
