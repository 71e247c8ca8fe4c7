// Policy parsing: shapes AWS accepts and errors with JSON paths.
#include "engine/iam/policy.h"

#include <gtest/gtest.h>

namespace rampart::iam {
namespace {

Result<Policy> parse(const char* text) { return parse_policy_text(text, "t"); }

TEST(PolicyParse, StringOrArrayEverywhere) {
  auto p = parse(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*",
                    "Resource":["a","b"],"Condition":{"NumericLessThan":{"s3:max-keys":10},
                    "Bool":{"aws:SecureTransport":true}}}})");
  ASSERT_TRUE(p.ok()) << p.error().message;
  ASSERT_EQ(p->statements.size(), 1u);
  const auto& s = p->statements[0];
  EXPECT_EQ(s.actions, std::vector<std::string>{"s3:*"});
  EXPECT_EQ(s.resources.size(), 2u);
  ASSERT_EQ(s.conditions.size(), 2u);
  EXPECT_TRUE(p->variables_enabled());
}

TEST(PolicyParse, PrincipalForms) {
  auto p = parse(R"({"Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":["111111111111","*"],
                    "Service":"sns.amazonaws.com","CanonicalUser":"abc"},"Action":"*"}]})");
  ASSERT_TRUE(p.ok()) << p.error().message;
  const auto& s = p->statements[0];
  EXPECT_TRUE(s.not_principal);
  EXPECT_TRUE(s.principal.any);
  EXPECT_EQ(s.principal.aws, std::vector<std::string>{"111111111111"});
  EXPECT_EQ(s.principal.service, std::vector<std::string>{"sns.amazonaws.com"});
  EXPECT_FALSE(s.has_resource);
  EXPECT_FALSE(p->variables_enabled());  // no Version: variables are literal
}

TEST(PolicyParse, ConditionOperatorQualifiers) {
  Condition c;
  ASSERT_TRUE(parse_condition_operator("ForAllValues:StringLikeIfExists", c));
  EXPECT_EQ(c.op, CondOp::StringLike);
  EXPECT_EQ(c.set, SetOp::ForAllValues);
  EXPECT_TRUE(c.if_exists);
  EXPECT_FALSE(parse_condition_operator("StringSortOf", c));
  EXPECT_FALSE(parse_condition_operator("NullIfExists", c));
}

TEST(PolicyParse, ErrorsCarryThePath) {
  auto e1 = parse(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*"},
                     {"Effect":"Allow","Action":"*"},
                     {"Effect":"Allow","Action":"*","Condition":{"StringEquals":{"k":{"x":1}}}}]})");
  ASSERT_FALSE(e1.ok());
  EXPECT_EQ(e1.error().kind, ErrorKind::Parse);
  EXPECT_NE(e1.error().message.find("Statement[2].Condition.StringEquals.k"), std::string::npos)
      << e1.error().message;
  auto e2 = parse(R"({"Statement":[{"Effect":"Permit","Action":"*"}]})");
  ASSERT_FALSE(e2.ok());
  EXPECT_NE(e2.error().message.find("Statement[0].Effect"), std::string::npos);
  auto e3 = parse(R"({"Statement":[{"Effect":"Allow"}]})");
  ASSERT_FALSE(e3.ok());
  auto e4 = parse(R"({"Statement":[{"Effect":"Allow","Action":"*","Condition":{"StringEqualz":{}}}]})");
  ASSERT_FALSE(e4.ok());
  EXPECT_NE(e4.error().message.find("Statement[0].Condition.StringEqualz"), std::string::npos);
  EXPECT_FALSE(parse("not json").ok());
  EXPECT_FALSE(parse(R"({"Version":"2013-01-01","Statement":[]})").ok());
  EXPECT_FALSE(parse(R"({"Statement":[{"Effect":"Allow","Action":[1]}]})").ok());
}

TEST(PolicyParse, UrlEncodedDocument) {
  auto p = parse_policy_text("%7B%22Statement%22%3A%5B%5D%7D");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_TRUE(p->statements.empty());
}

}  // namespace
}  // namespace rampart::iam
