// Every condition operator family, qualifiers, absent keys and policy variables in values.
#include "engine/iam/conditions.h"

#include <gtest/gtest.h>

namespace rampart::iam {
namespace {

Condition cond(const char* op, const char* key, std::vector<std::string> values) {
  Condition c;
  EXPECT_TRUE(parse_condition_operator(op, c)) << op;
  c.key = RequestContext::normalize(key);
  c.values = std::move(values);
  return c;
}

bool eval(const char* op, const char* key, std::vector<std::string> values,
          const RequestContext& ctx, bool vars = true) {
  return condition_matches(cond(op, key, std::move(values)), ctx, vars);
}

RequestContext one(const char* k, const char* v) {
  RequestContext c;
  c.set(k, v);
  return c;
}

TEST(Conditions, StringFamily) {
  const auto ctx = one("aws:PrincipalTag/team", "blue");
  EXPECT_TRUE(eval("StringEquals", "aws:PrincipalTag/team", {"red", "blue"}, ctx));
  EXPECT_FALSE(eval("StringEquals", "aws:PrincipalTag/team", {"Blue"}, ctx));
  EXPECT_TRUE(eval("StringNotEquals", "aws:PrincipalTag/team", {"red"}, ctx));
  EXPECT_FALSE(eval("StringNotEquals", "aws:PrincipalTag/team", {"red", "blue"}, ctx));
  EXPECT_TRUE(eval("StringEqualsIgnoreCase", "aws:PrincipalTag/team", {"BLUE"}, ctx));
  EXPECT_FALSE(eval("StringNotEqualsIgnoreCase", "aws:PrincipalTag/team", {"BLUE"}, ctx));
  EXPECT_TRUE(eval("StringLike", "aws:PrincipalTag/team", {"b?u*"}, ctx));
  EXPECT_TRUE(eval("StringNotLike", "aws:PrincipalTag/team", {"r*"}, ctx));
  // Key names are case-insensitive.
  EXPECT_TRUE(eval("StringEquals", "AWS:PRINCIPALTAG/TEAM", {"blue"}, ctx));
}

TEST(Conditions, NumericFamily) {
  const auto ctx = one("s3:max-keys", "50");
  EXPECT_TRUE(eval("NumericEquals", "s3:max-keys", {"50"}, ctx));
  EXPECT_TRUE(eval("NumericNotEquals", "s3:max-keys", {"10"}, ctx));
  EXPECT_FALSE(eval("NumericLessThanEquals", "s3:max-keys", {"10"}, ctx));
  EXPECT_TRUE(eval("NumericLessThan", "s3:max-keys", {"50.5"}, ctx));
  EXPECT_TRUE(eval("NumericGreaterThan", "s3:max-keys", {"10"}, ctx));
  EXPECT_TRUE(eval("NumericGreaterThanEquals", "s3:max-keys", {"50"}, ctx));
  EXPECT_FALSE(eval("NumericEquals", "s3:max-keys", {"fifty"}, ctx));
}

TEST(Conditions, DateFamilyIsoAndEpoch) {
  const auto ctx = one("aws:CurrentTime", "2024-06-01T12:00:00Z");
  EXPECT_TRUE(eval("DateGreaterThan", "aws:CurrentTime", {"2020-01-01T00:00:00Z"}, ctx));
  EXPECT_FALSE(eval("DateLessThan", "aws:CurrentTime", {"2020-01-01T00:00:00Z"}, ctx));
  EXPECT_TRUE(eval("DateLessThanEquals", "aws:CurrentTime", {"1717243200"}, ctx));  // same instant
  EXPECT_TRUE(eval("DateEquals", "aws:CurrentTime", {"1717243200"}, ctx));
  EXPECT_TRUE(eval("DateNotEquals", "aws:CurrentTime", {"2024-06-01T12:00:01Z"}, ctx));
  EXPECT_TRUE(eval("DateGreaterThanEquals", "aws:CurrentTime", {"2024-06-01"}, ctx));
}

TEST(Conditions, BoolAndBinary) {
  EXPECT_TRUE(eval("Bool", "aws:SecureTransport", {"true"}, one("aws:SecureTransport", "TRUE")));
  EXPECT_FALSE(eval("Bool", "aws:SecureTransport", {"true"}, one("aws:SecureTransport", "false")));
  EXPECT_TRUE(eval("BinaryEquals", "k", {"QmluYXJ5"}, one("k", "QmluYXJ5")));
  EXPECT_FALSE(eval("BinaryEquals", "k", {"QmluYXJ5"}, one("k", "QmluYXJ6")));
}

TEST(Conditions, IpAddressV4AndV6) {
  EXPECT_TRUE(eval("IpAddress", "aws:SourceIp", {"203.0.113.0/24"}, one("aws:SourceIp", "203.0.113.77")));
  EXPECT_FALSE(eval("IpAddress", "aws:SourceIp", {"203.0.113.0/24"}, one("aws:SourceIp", "198.51.100.5")));
  EXPECT_TRUE(eval("IpAddress", "aws:SourceIp", {"2001:db8::/32"}, one("aws:SourceIp", "2001:db8:abcd::5")));
  EXPECT_FALSE(eval("IpAddress", "aws:SourceIp", {"2001:db8::/32"}, one("aws:SourceIp", "203.0.113.1")));
  EXPECT_TRUE(eval("NotIpAddress", "aws:SourceIp", {"10.0.0.0/8"}, one("aws:SourceIp", "11.0.0.1")));
  EXPECT_TRUE(eval("IpAddress", "aws:SourceIp", {"203.0.113.9"}, one("aws:SourceIp", "203.0.113.9")));
  EXPECT_FALSE(parse_cidr("300.1.1.1/8"));
  EXPECT_FALSE(parse_cidr("10.0.0.0/33"));
}

TEST(Conditions, ArnFamily) {
  const auto ctx = one("aws:SourceArn", "arn:aws:sns:us-east-1:111111111111:topic1");
  EXPECT_TRUE(eval("ArnLike", "aws:SourceArn", {"arn:aws:sns:us-east-1:111111111111:*"}, ctx));
  EXPECT_FALSE(eval("ArnLike", "aws:SourceArn", {"arn:aws:sns:us-east-1:222222222222:*"}, ctx));
  EXPECT_TRUE(eval("ArnEquals", "aws:SourceArn", {"arn:aws:sns:*:111111111111:topic1"}, ctx));
  EXPECT_TRUE(eval("ArnNotEquals", "aws:SourceArn", {"arn:aws:sns:us-east-1:1:t"}, ctx));
  EXPECT_FALSE(eval("ArnNotLike", "aws:SourceArn", {"arn:aws:sns:*"}, ctx));
}

TEST(Conditions, NullTestsPresence) {
  RequestContext empty;
  EXPECT_TRUE(eval("Null", "aws:TokenIssueTime", {"true"}, empty));
  EXPECT_FALSE(eval("Null", "aws:TokenIssueTime", {"false"}, empty));
  EXPECT_TRUE(eval("Null", "aws:TokenIssueTime", {"false"}, one("aws:TokenIssueTime", "x")));
}

TEST(Conditions, AbsentKeyRules) {
  RequestContext empty;
  EXPECT_FALSE(eval("StringEquals", "k", {"v"}, empty));
  EXPECT_TRUE(eval("StringNotEquals", "k", {"v"}, empty));
  EXPECT_TRUE(eval("NotIpAddress", "aws:SourceIp", {"10.0.0.0/8"}, empty));
  EXPECT_TRUE(eval("StringEqualsIfExists", "k", {"v"}, empty));
  EXPECT_TRUE(eval("BoolIfExists", "aws:MultiFactorAuthPresent", {"false"}, empty));
  EXPECT_FALSE(eval("Bool", "aws:MultiFactorAuthPresent", {"false"}, empty));
  EXPECT_TRUE(eval("ForAllValues:StringEquals", "aws:TagKeys", {"a"}, empty));
  EXPECT_FALSE(eval("ForAnyValue:StringEquals", "aws:TagKeys", {"a"}, empty));
  // IfExists with the key present still has to match.
  EXPECT_FALSE(eval("StringLikeIfExists", "ec2:InstanceType", {"t2.*"}, one("ec2:InstanceType", "m5.large")));
  // The existential reading overrides the absent-key rule.
  EXPECT_TRUE(condition_matches(cond("StringEquals", "k", {"v"}), empty, true, ConditionMode{true}));
}

TEST(Conditions, SetQualifiers) {
  RequestContext ctx;
  ctx.set_multi("aws:TagKeys", {"env", "cost"});
  EXPECT_TRUE(eval("ForAnyValue:StringEquals", "aws:TagKeys", {"env", "owner"}, ctx));
  EXPECT_FALSE(eval("ForAllValues:StringEquals", "aws:TagKeys", {"env", "owner"}, ctx));
  EXPECT_TRUE(eval("ForAllValues:StringEquals", "aws:TagKeys", {"env", "cost", "x"}, ctx));
  EXPECT_TRUE(eval("ForAnyValue:StringNotEquals", "aws:TagKeys", {"env"}, ctx));
  EXPECT_FALSE(eval("ForAllValues:StringNotEquals", "aws:TagKeys", {"env"}, ctx));
  EXPECT_TRUE(eval("ForAllValues:StringLike", "aws:TagKeys", {"*o*", "e*"}, ctx));
  // A single-valued key under ForAllValues is a one-element set.
  EXPECT_TRUE(eval("ForAllValues:StringEquals", "aws:PrincipalOrgId", {"o-a", "o-b"}, one("aws:PrincipalOrgID", "o-a")));
  EXPECT_FALSE(eval("ForAllValues:StringEquals", "aws:PrincipalOrgId", {"o-a"}, one("aws:PrincipalOrgID", "o-z")));
}

TEST(Conditions, KeysAndOperatorsAreAnded) {
  RequestContext ctx;
  ctx.set("aws:SourceIp", "203.0.113.10");
  ctx.set("aws:SecureTransport", "false");
  std::vector<Condition> cs{cond("IpAddress", "aws:SourceIp", {"203.0.113.0/24"}),
                            cond("Bool", "aws:SecureTransport", {"true"})};
  EXPECT_FALSE(conditions_match(cs, ctx, true));
  cs.pop_back();
  EXPECT_TRUE(conditions_match(cs, ctx, true));
}

TEST(Conditions, VariablesInValuesOnlyWithVersion2012) {
  RequestContext ctx;
  ctx.set("aws:username", "alice");
  ctx.set("s3:prefix", "alice/docs/");
  EXPECT_TRUE(eval("StringLike", "s3:prefix", {"${aws:username}/*"}, ctx, true));
  EXPECT_FALSE(eval("StringLike", "s3:prefix", {"${aws:username}/*"}, ctx, false));
}

}  // namespace
}  // namespace rampart::iam
