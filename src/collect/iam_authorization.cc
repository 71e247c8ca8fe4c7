// Users, groups, roles and managed policies from GetAccountAuthorizationDetails: one call (all
// pages) per entity filter, so a denied or failed filter costs only its own resource type.
// The client has already decoded the URL-encoded policy documents (inline policies, trust
// policies, policy versions) into JSON.
//  - iam:user (id = UserName): UserPolicyList, AttachedManagedPolicies, GroupList,
//    PermissionsBoundary, Tags; the per-user calls (iam_users.cc) fan out with task.spawn.
//  - iam:group (GroupName), iam:role (RoleName; AssumeRolePolicyDocument = trust policy,
//    RoleLastUsed, InstanceProfileList).
//  - iam:policy (id = the policy ARN: AWS-managed and customer policies can share a name, and
//    ARNs are what attachments name): every customer-managed policy, and the AWS-managed ones
//    in use (AttachmentCount > 0). PolicyVersionList keeps only the default version, whose
//    document is also `Document`.
#include "collect/iam_internal.h"

namespace rampart::collect::iam {

namespace {

std::optional<Json> details(CollectTask& task, const Json& filter, std::string_view type) {
  return task.list("iam", "GetAccountAuthorizationDetails", {{"Filter", filter}}, type);
}

bool aws_managed(const std::string& arn) { return arn.find(":iam::aws:policy/") != std::string::npos; }

void collect_policies(CollectTask& task) {
  auto got = details(task, Json::array({"LocalManagedPolicy", "AWSManagedPolicy"}), "iam:policy");
  if (!got) return;
  for (Json p : got->value("Policies", Json::array())) {
    std::string arn = p.value("Arn", "");
    if (arn.empty()) continue;
    if (aws_managed(arn) && p.value("AttachmentCount", 0) <= 0) continue;
    const std::string default_version = p.value("DefaultVersionId", "");
    Json kept = Json::array();
    for (const Json& v : p.value("PolicyVersionList", Json::array())) {
      if (v.value("IsDefaultVersion", false) || v.value("VersionId", "") == default_version) {
        kept.push_back(v);
        p["Document"] = v.value("Document", Json());
        break;
      }
    }
    p["PolicyVersionList"] = std::move(kept);
    std::string name = p.value("PolicyName", arn.substr(arn.rfind('/') + 1));
    auto r = make_resource(task, "iam:policy", arn, arn, std::move(p));
    r.name = std::move(name);
    task.emit(std::move(r));
  }
}

}  // namespace

void collect_authorization(CollectTask& task) {
  if (auto got = details(task, Json::array({"Group"}), "iam:group")) {
    for (const Json& g : got->value("GroupDetailList", Json::array())) {
      if (!g.contains("GroupName")) continue;
      task.emit(make_resource(task, "iam:group", g.value("GroupName", ""), g.value("Arn", ""), g));
    }
  }
  if (auto got = details(task, Json::array({"Role"}), "iam:role")) {
    for (const Json& role : got->value("RoleDetailList", Json::array())) {
      if (!role.contains("RoleName")) continue;
      task.emit(make_resource(task, "iam:role", role.value("RoleName", ""), role.value("Arn", ""),
                              role));
    }
  }
  collect_policies(task);
  auto users = details(task, Json::array({"User"}), "iam:user");
  if (!users) return;
  for (const Json& u : users->value("UserDetailList", Json::array())) {
    if (!u.contains("UserName")) continue;
    task.spawn([&task, u] {
      auto user = make_resource(task, "iam:user", u.value("UserName", ""), u.value("Arn", ""), u);
      describe_user(task, user);
      task.emit(std::move(user));
    });
  }
}

}  // namespace rampart::collect::iam
