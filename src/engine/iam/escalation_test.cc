// Admin-equivalence and privilege-escalation paths, decided by evaluation.
#include "engine/iam/escalation.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace rampart::iam {
namespace {

IamEntity entity(const char* arn, std::vector<const char*> policies, const char* trust = nullptr) {
  IamEntity e;
  e.principal = *parse_request_principal(arn);
  for (std::size_t i = 0; i < policies.size(); ++i) {
    auto p = parse_policy_text(policies[i], "identity[" + std::to_string(i) + "]");
    EXPECT_TRUE(p.ok()) << p.error().message;
    if (p) e.policies.push_back(*p);
  }
  if (trust != nullptr) e.trust_policy = *parse_policy_text(trust, "trust");
  return e;
}

bool has_path(const std::vector<EscalationPath>& ps, const std::string& name) {
  return std::any_of(ps.begin(), ps.end(), [&](const auto& p) { return p.name == name; });
}

constexpr const char* kUser = "arn:aws:iam::111111111111:user/alice";

TEST(Admin, AllowStarIsAdmin) {
  Environment env;
  const auto e = entity(kUser, {R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})"});
  const auto a = is_admin_equivalent(env, e);
  EXPECT_TRUE(a.admin);
  ASSERT_FALSE(a.granted_by.empty());
  EXPECT_EQ(a.granted_by[0].policy, "identity[0]");
}

TEST(Admin, NotActionOfAFakeActionIsAdmin) {
  Environment env;
  EXPECT_TRUE(is_admin_equivalent(env, entity(kUser, {R"({"Statement":[{"Effect":"Allow","NotAction":"prowler:action","Resource":"*"}]})"})).admin);
}

TEST(Admin, NotActionIamOrDenyIsNotAdmin) {
  Environment env;
  const auto a = is_admin_equivalent(env, entity(kUser, {R"({"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]})"}));
  EXPECT_FALSE(a.admin);
  EXPECT_EQ(a.first_denied_action, "iam:CreateUser");
  EXPECT_FALSE(is_admin_equivalent(env, entity(kUser, {R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
      {"Effect":"Deny","Action":"kms:*","Resource":"*"}]})"})).admin);
  // Many services listed explicitly is still not "*".
  EXPECT_FALSE(is_admin_equivalent(env, entity(kUser, {R"({"Statement":[{"Effect":"Allow","Action":["iam:*","s3:*","ec2:*",
      "kms:*","lambda:*","sts:*","organizations:*"],"Resource":"*"}]})"})).admin);
}

TEST(Escalation, PassRoleWithRunInstances) {
  Environment env;
  const auto e = entity(kUser, {R"({"Statement":[{"Sid":"Pass","Effect":"Allow","Action":"iam:PassRole","Resource":"*"},
      {"Sid":"Run","Effect":"Allow","Action":"ec2:RunInstances","Resource":"*"}]})"});
  const auto paths = escalation_paths(env, e);
  ASSERT_TRUE(has_path(paths, "PassRole+EC2"));
  EXPECT_FALSE(has_path(paths, "PassRole+Lambda"));
  const auto& p = *std::find_if(paths.begin(), paths.end(), [](const auto& x) { return x.name == "PassRole+EC2"; });
  ASSERT_EQ(p.statements.size(), 2u);
  EXPECT_EQ(p.statements[0].sid, "Pass");
  EXPECT_EQ(p.statements[1].sid, "Run");
}

TEST(Escalation, PolicyWritesAndDenies) {
  Environment env;
  auto paths = escalation_paths(env, entity(kUser, {R"({"Statement":[{"Effect":"Allow","Action":["iam:CreatePolicyVersion",
      "iam:AttachUserPolicy","iam:CreateAccessKey","iam:AddUserToGroup","iam:UpdateAssumeRolePolicy"],"Resource":"*"}]})"}));
  for (const char* n : {"CreatePolicyVersion", "AttachUserPolicy", "CreateAccessKey", "AddUserToGroup", "UpdateAssumeRolePolicy"}) {
    EXPECT_TRUE(has_path(paths, n)) << n;
  }
  EXPECT_FALSE(has_path(paths, "PutRolePolicy"));
  // Limited to the user's own access keys: not a path onto other users.
  paths = escalation_paths(env, entity(kUser, {R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
      "Action":"iam:CreateAccessKey","Resource":"arn:aws:iam::111111111111:user/${aws:username}"}]})"}));
  EXPECT_FALSE(has_path(paths, "CreateAccessKey"));
  // A Deny removes the path.
  paths = escalation_paths(env, entity(kUser, {R"({"Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"},
      {"Effect":"Deny","Action":"iam:PutRolePolicy","Resource":"*"}]})"}));
  EXPECT_TRUE(has_path(paths, "PutUserPolicy"));
  EXPECT_FALSE(has_path(paths, "PutRolePolicy"));
}

TEST(Escalation, AssumeRoleIntoAdminRole) {
  Environment env;
  env.entities.push_back(entity("arn:aws:iam::111111111111:role/admin",
      {R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})"},
      R"({"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sts:AssumeRole"}]})"));
  env.entities.push_back(entity("arn:aws:iam::111111111111:role/locked",
      {R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})"},
      R"({"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]})"));
  const auto alice = entity(kUser, {});
  env.entities.push_back(alice);
  const auto paths = escalation_paths(env, alice);
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(paths[0].name, "AssumeRole");
  EXPECT_EQ(paths[0].target, "arn:aws:iam::111111111111:role/admin");
  ASSERT_EQ(paths[0].statements.size(), 1u);
  EXPECT_EQ(paths[0].statements[0].policy, "trust");
}

}  // namespace
}  // namespace rampart::iam
