// GAAD ingestion (groups, managed policies, boundaries) and "who can" on a small snapshot.
#include "engine/iam/gaad.h"

#include <gtest/gtest.h>

namespace rampart::iam {
namespace {

const char* kGaad = R"({
 "UserDetailList":[
  {"UserName":"alice","UserId":"AIDAALICE","Arn":"arn:aws:iam::111111111111:user/alice","GroupList":["readers"],
   "UserPolicyList":[],"AttachedManagedPolicies":[]},
  {"UserName":"bob","UserId":"AIDABOB","Arn":"arn:aws:iam::111111111111:user/bob","GroupList":[],
   "UserPolicyList":[{"PolicyName":"p","PolicyDocument":"%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22kms%3ADecrypt%22%2C%22Resource%22%3A%22*%22%7D%5D%7D"}],
   "AttachedManagedPolicies":[{"PolicyName":"Admin","PolicyArn":"arn:aws:iam::111111111111:policy/Admin"}],
   "PermissionsBoundary":{"PermissionsBoundaryType":"Policy","PermissionsBoundaryArn":"arn:aws:iam::111111111111:policy/KmsOnly"}}],
 "GroupDetailList":[{"GroupName":"readers","GroupPolicyList":[],
   "AttachedManagedPolicies":[{"PolicyName":"S3Read","PolicyArn":"arn:aws:iam::111111111111:policy/S3Read"}]}],
 "RoleDetailList":[],
 "Policies":[
  {"PolicyName":"S3Read","Arn":"arn:aws:iam::111111111111:policy/S3Read","DefaultVersionId":"v2","PolicyVersionList":[
    {"VersionId":"v1","IsDefaultVersion":false,"Document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}},
    {"VersionId":"v2","IsDefaultVersion":true,"Document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}}]},
  {"PolicyName":"Admin","Arn":"arn:aws:iam::111111111111:policy/Admin","DefaultVersionId":"v1","PolicyVersionList":[
    {"VersionId":"v1","IsDefaultVersion":true,"Document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]},
  {"PolicyName":"KmsOnly","Arn":"arn:aws:iam::111111111111:policy/KmsOnly","DefaultVersionId":"v1","PolicyVersionList":[
    {"VersionId":"v1","IsDefaultVersion":true,"Document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}}]}]
})";

Environment env() {
  Environment e;
  auto g = parse_gaad(Json::parse(kGaad));
  EXPECT_TRUE(g.ok()) << g.error().message;
  if (g) e.entities = *g;
  auto rp = parse_resource_policies(Json::parse(R"([{"Resource":"arn:aws:kms:us-east-1:111111111111:key/k1","Account":"111111111111",
    "Policy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"kms:*","Resource":"*"}]}}])"));
  EXPECT_TRUE(rp.ok());
  if (rp) e.resource_policies = *rp;
  return e;
}

TEST(Gaad, ResolvesGroupsManagedDefaultVersionsAndBoundaries) {
  const auto e = env();
  ASSERT_EQ(e.entities.size(), 2u);
  const auto* alice = find_entity(e, "arn:aws:iam::111111111111:user/alice");
  ASSERT_NE(alice, nullptr);
  ASSERT_EQ(alice->policies.size(), 1u);  // via the group, default version v2 only
  const auto* bob = find_entity(e, "arn:aws:iam::111111111111:user/bob");
  ASSERT_NE(bob, nullptr);
  EXPECT_EQ(bob->policies.size(), 2u);
  EXPECT_TRUE(bob->permissions_boundary.has_value());
}

TEST(Gaad, WhoCanReadTheBucket) {
  const auto e = env();
  // bob is admin by policy but his boundary only allows kms.
  EXPECT_EQ(who_can(e, "s3:GetObject", "arn:aws:s3:::b/x", {}),
            std::vector<std::string>{"arn:aws:iam::111111111111:user/alice"});
  EXPECT_TRUE(who_can(e, "s3:PutObject", "arn:aws:s3:::b/x", {}).empty());
}

TEST(Gaad, WhoCanDecryptWithTheKey) {
  const auto e = env();
  EXPECT_EQ(who_can(e, "kms:Decrypt", "arn:aws:kms:us-east-1:111111111111:key/k1", {}),
            std::vector<std::string>{"arn:aws:iam::111111111111:user/bob"});
  // A key without a key policy in the snapshot grants no one.
  EXPECT_TRUE(who_can(e, "kms:Decrypt", "arn:aws:kms:us-east-1:111111111111:key/other", {}).empty());
}

TEST(Gaad, UnknownPrincipalIsImplicitDeny) {
  const auto e = env();
  EXPECT_EQ(can_i(e, "arn:aws:iam::111111111111:user/nobody", "s3:GetObject", "*", {}).decision,
            Decision::ImplicitDeny);
}

}  // namespace
}  // namespace rampart::iam
