// Probe requests per path. Each action is tried on a representative resource ARN of the
// principal's account and on the literal "*"; a path is held when every action is allowed.
#include "engine/iam/escalation.h"

#include <array>
#include <string_view>

namespace rampart::iam {
namespace {

struct PathSpec {
  std::string_view name;
  std::vector<std::pair<std::string_view, std::string_view>> steps;  // action, resource suffix
};

const std::vector<PathSpec>& path_specs() {
  static const std::vector<PathSpec> kPaths = {
      {"PassRole+EC2", {{"iam:PassRole", "iam::{a}:role/rampart-probe"},
                        {"ec2:RunInstances", "ec2:us-east-1:{a}:instance/*"}}},
      {"PassRole+Lambda", {{"iam:PassRole", "iam::{a}:role/rampart-probe"},
                           {"lambda:CreateFunction", "lambda:us-east-1:{a}:function:rampart-probe"},
                           {"lambda:InvokeFunction", "lambda:us-east-1:{a}:function:rampart-probe"}}},
      {"PassRole+CloudFormation", {{"iam:PassRole", "iam::{a}:role/rampart-probe"},
                                   {"cloudformation:CreateStack",
                                    "cloudformation:us-east-1:{a}:stack/rampart-probe/*"}}},
      {"PassRole+Glue", {{"iam:PassRole", "iam::{a}:role/rampart-probe"},
                         {"glue:CreateDevEndpoint", "glue:us-east-1:{a}:devEndpoint/rampart-probe"}}},
      {"PassRole+DataPipeline", {{"iam:PassRole", "iam::{a}:role/rampart-probe"},
                                 {"datapipeline:CreatePipeline", "*"},
                                 {"datapipeline:PutPipelineDefinition", "*"}}},
      {"CreatePolicyVersion", {{"iam:CreatePolicyVersion", "iam::{a}:policy/rampart-probe"}}},
      {"SetDefaultPolicyVersion", {{"iam:SetDefaultPolicyVersion", "iam::{a}:policy/rampart-probe"}}},
      {"AttachUserPolicy", {{"iam:AttachUserPolicy", "iam::{a}:user/rampart-probe"}}},
      {"AttachGroupPolicy", {{"iam:AttachGroupPolicy", "iam::{a}:group/rampart-probe"}}},
      {"AttachRolePolicy", {{"iam:AttachRolePolicy", "iam::{a}:role/rampart-probe"}}},
      {"PutUserPolicy", {{"iam:PutUserPolicy", "iam::{a}:user/rampart-probe"}}},
      {"PutGroupPolicy", {{"iam:PutGroupPolicy", "iam::{a}:group/rampart-probe"}}},
      {"PutRolePolicy", {{"iam:PutRolePolicy", "iam::{a}:role/rampart-probe"}}},
      {"CreateAccessKey", {{"iam:CreateAccessKey", "iam::{a}:user/rampart-probe-other-user"}}},
      {"CreateLoginProfile", {{"iam:CreateLoginProfile", "iam::{a}:user/rampart-probe-other-user"}}},
      {"UpdateLoginProfile", {{"iam:UpdateLoginProfile", "iam::{a}:user/rampart-probe-other-user"}}},
      {"AddUserToGroup", {{"iam:AddUserToGroup", "iam::{a}:group/rampart-probe"}}},
      {"UpdateAssumeRolePolicy", {{"iam:UpdateAssumeRolePolicy", "iam::{a}:role/rampart-probe"}}},
  };
  return kPaths;
}

std::string probe_arn(std::string_view suffix, const RequestPrincipal& p) {
  if (suffix == "*") return "*";
  std::string s = "arn:" + p.partition + ":" + std::string(suffix);
  const auto pos = s.find("{a}");
  if (pos != std::string::npos) s.replace(pos, 3, p.account);
  return s;
}

// Allowed on the representative ARN or on "*"; returns the deciding statement if so.
std::optional<Evaluation> allowed(const Environment& env, const IamEntity& who,
                                  std::string_view action, const std::string& resource,
                                  EvalOptions opt) {
  for (const std::string& r : {resource, std::string("*")}) {
    auto rq = request_for(env, who, std::string(action), r, {});
    rq.resource_account = who.principal.account;
    auto ps = policies_for(env, who, rq);
    auto e = evaluate(rq, ps, opt);
    if (e.decision == Decision::Allow) return e;
  }
  return std::nullopt;
}

}  // namespace

AdminCheck is_admin_equivalent(const Environment& env, const IamEntity& who) {
  static constexpr std::array<std::string_view, 11> kProbes{
      "iam:CreateUser",        "iam:AttachRolePolicy", "iam:PutUserPolicy",
      "sts:AssumeRole",        "s3:GetObject",         "s3:DeleteBucket",
      "ec2:RunInstances",      "kms:Decrypt",          "lambda:CreateFunction",
      "organizations:LeaveOrganization", "rampartprobe:AnyActionOfAnyService"};
  AdminCheck out;
  for (const auto action : kProbes) {
    auto rq = request_for(env, who, std::string(action), "*", {});
    rq.resource_account = who.principal.account;
    rq.kind = ResourceKind::Generic;
    const auto e = evaluate(rq, policies_for(env, who, rq));
    if (e.decision != Decision::Allow) {
      out.first_denied_action = std::string(action);
      out.granted_by.clear();
      return out;
    }
    if (e.deciding) out.granted_by.push_back(*e.deciding);
  }
  out.admin = true;
  return out;
}

std::vector<EscalationPath> escalation_paths(const Environment& env, const IamEntity& who) {
  std::vector<EscalationPath> out;
  EvalOptions opt;
  opt.existential = true;
  for (const auto& spec : path_specs()) {
    EscalationPath path;
    path.name = std::string(spec.name);
    bool held = true;
    for (const auto& [action, suffix] : spec.steps) {
      auto e = allowed(env, who, action, probe_arn(suffix, who.principal), opt);
      if (!e) { held = false; break; }
      path.actions.emplace_back(action);
      if (e->deciding) path.statements.push_back(*e->deciding);
    }
    if (held) out.push_back(std::move(path));
  }
  // sts:AssumeRole into a role that is itself admin-equivalent (trust policy must allow).
  for (const auto& role : env.entities) {
    if (role.principal.type != PrincipalType::Role || role.principal.arn == who.principal.arn ||
        !role.trust_policy || !is_admin_equivalent(env, role).admin) {
      continue;
    }
    auto rq = request_for(env, who, "sts:AssumeRole", role.principal.arn, {});
    rq.resource_account = role.principal.account;
    rq.kind = ResourceKind::RoleTrust;
    auto ps = policies_for(env, who, rq);
    ps.resource = role.trust_policy;
    const auto e = evaluate(rq, ps, opt);
    if (e.decision != Decision::Allow) continue;
    EscalationPath path{"AssumeRole", {"sts:AssumeRole"}, role.principal.arn, {}};
    if (e.deciding) path.statements.push_back(*e.deciding);
    out.push_back(std::move(path));
  }
  return out;
}

}  // namespace rampart::iam
