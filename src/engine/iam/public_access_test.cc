// S3 "is it public" edge cases beyond the shared cases, Block Public Access, external access.
#include "engine/iam/public_access.h"

#include <gtest/gtest.h>

namespace rampart::iam {
namespace {

Policy pol(const char* text) {
  auto p = parse_policy_text(text, "resource");
  EXPECT_TRUE(p.ok()) << p.error().message;
  return p.ok() ? *p : Policy{};
}

TEST(PublicAccess, NegatedOrIfExistsConditionsDoNotRestrict) {
  EXPECT_TRUE(is_policy_public(pol(R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
      "Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}}]})")));
  EXPECT_TRUE(is_policy_public(pol(R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
      "Resource":"*","Condition":{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1"}}}]})")));
  EXPECT_FALSE(is_policy_public(pol(R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
      "Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}}]})")));
}

TEST(PublicAccess, SourceIpBreadth) {
  auto with_ip = [](const char* cidr) {
    return std::string(R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":")") +
           cidr + R"("}}}]})";
  };
  EXPECT_TRUE(is_policy_public(pol(with_ip("0.0.0.0/1").c_str())));
  EXPECT_TRUE(is_policy_public(pol(with_ip("12.0.0.0/7").c_str())));
  EXPECT_FALSE(is_policy_public(pol(with_ip("12.0.0.0/8").c_str())));
  EXPECT_FALSE(is_policy_public(pol(with_ip("2001:db8::/32").c_str())));
  EXPECT_TRUE(is_policy_public(pol(with_ip("::/0").c_str())));
}

TEST(PublicAccess, UserIdPatternAndVariables) {
  EXPECT_FALSE(is_policy_public(pol(R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*",
      "Resource":"*","Condition":{"StringLike":{"aws:userid":"AROAEXAMPLEID:*"}}}]})")));
  EXPECT_TRUE(is_policy_public(pol(R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*",
      "Resource":"*","Condition":{"StringLike":{"aws:userid":"*:alice"}}}]})")));
  EXPECT_TRUE(is_policy_public(pol(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*",
      "Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"${aws:PrincipalAccount}"}}}]})")));
  EXPECT_TRUE(is_policy_public(pol(R"({"Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"111111111111"},
      "Action":"s3:*","Resource":"*"}]})")));
}

TEST(PublicAccess, BlockPublicAccessApplied) {
  const auto p = pol(R"({"Statement":[{"Sid":"a","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]})");
  auto e = s3_exposure(&p, {}, {});
  EXPECT_TRUE(e.policy_public);
  EXPECT_TRUE(e.publicly_accessible);
  EXPECT_EQ(e.public_statements, std::vector<std::size_t>{0});
  BlockPublicAccess bpa;
  bpa.restrict_public_buckets = true;
  e = s3_exposure(&p, {}, bpa);
  EXPECT_TRUE(e.policy_public);
  EXPECT_FALSE(e.publicly_accessible);
  const std::vector<AclGrant> acl{{"http://acs.amazonaws.com/groups/global/AllUsers", "READ"}};
  e = s3_exposure(nullptr, acl, {});
  EXPECT_TRUE(e.acl_public);
  EXPECT_TRUE(e.publicly_accessible);
  bpa.ignore_public_acls = true;
  EXPECT_FALSE(s3_exposure(nullptr, acl, bpa).publicly_accessible);
}

TEST(PublicAccess, ExternalAccounts) {
  const auto p = pol(R"({"Statement":[
      {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::222222222222:root","111111111111",
        "arn:aws:iam::333333333333:role/x"]},"Action":"s3:GetObject","Resource":"*"},
      {"Effect":"Deny","Principal":{"AWS":"444444444444"},"Action":"*","Resource":"*"},
      {"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"*"}]})");
  auto x = external_access(p, "111111111111", {"222222222222"});
  EXPECT_FALSE(x.anyone);
  EXPECT_EQ(x.accounts, std::vector<std::string>{"333333333333"});
  x = external_access(p, "111111111111", {});
  EXPECT_EQ(x.accounts, (std::vector<std::string>{"222222222222", "333333333333"}));
  const auto open = pol(R"({"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]})");
  EXPECT_TRUE(external_access(open, "111111111111", {}).anyone);
}

}  // namespace
}  // namespace rampart::iam
