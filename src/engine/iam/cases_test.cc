// Every case of shared/testdata/iam/cases/*.json as its own test: authorization decisions and
// S3 public classification, expected answers taken from the files (AWS documentation).
#include <gtest/gtest.h>

#include "engine/iam/case_file.h"
#include "engine/iam/evaluator.h"
#include "engine/iam/public_access.h"
#include "engine/iam/test_util.h"

namespace rampart::iam {
namespace {

using testing::iam_data;
using testing::sanitize;

std::vector<AuthorizationCase> load_authorization() {
  auto f = read_case_file(iam_data("cases/authorization.json"));
  if (!f) return {};
  return f->authorization;
}

std::vector<PublicCase> load_public() {
  auto f = read_case_file(iam_data("cases/public-classification.json"));
  if (!f) return {};
  return f->public_classification;
}

TEST(IamCaseFiles, LoadAndAreNonEmpty) {
  auto a = read_case_file(iam_data("cases/authorization.json"));
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->authorization.size(), 118u);
  auto p = read_case_file(iam_data("cases/public-classification.json"));
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->public_classification.size(), 22u);
}

}  // namespace
void PrintTo(const AuthorizationCase& c, std::ostream* os) { *os << c.id; }
void PrintTo(const PublicCase& c, std::ostream* os) { *os << c.id; }
namespace {

class AuthorizationCaseTest : public ::testing::TestWithParam<AuthorizationCase> {};

TEST_P(AuthorizationCaseTest, DecidesAsAwsDoes) {
  const auto& c = GetParam();
  const auto e = evaluate(c.request, c.policies);
  EXPECT_EQ(to_string(e.decision), to_string(c.expected))
      << c.id << ": " << e.reason << (e.deciding ? " @ " + e.deciding->describe() : "");
}

INSTANTIATE_TEST_SUITE_P(Cases, AuthorizationCaseTest, ::testing::ValuesIn(load_authorization()),
                         [](const auto& info) { return sanitize(info.param.id); });

class PublicCaseTest : public ::testing::TestWithParam<PublicCase> {};

TEST_P(PublicCaseTest, ClassifiesAsS3Does) {
  const auto& c = GetParam();
  EXPECT_EQ(is_policy_public(c.policy), c.expected_public) << c.id;
}

INSTANTIATE_TEST_SUITE_P(Cases, PublicCaseTest, ::testing::ValuesIn(load_public()),
                         [](const auto& info) { return sanitize(info.param.id); });

}  // namespace
}  // namespace rampart::iam
