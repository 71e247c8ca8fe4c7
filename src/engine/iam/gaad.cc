// GAAD ingestion and the principal-centric questions built on the evaluator.
#include "engine/iam/gaad.h"

#include <algorithm>

#include "engine/iam/match.h"

namespace rampart::iam {
namespace {

Error bad(const std::string& m) { return make_error(ErrorKind::Parse, m); }

// GAAD documents are objects, or URL-encoded JSON strings when fetched raw.
Result<Policy> policy_from(const Json& doc, const std::string& label) {
  if (doc.is_string()) return parse_policy_text(doc.get<std::string>(), label);
  return parse_policy(doc, label);
}

struct ManagedIndex {
  std::map<std::string, Json> by_arn;  // default version document
};

ManagedIndex index_managed(const Json& gaad) {
  ManagedIndex idx;
  for (const auto& p : gaad.value("Policies", Json::array())) {
    const std::string def = p.value("DefaultVersionId", "");
    for (const auto& v : p.value("PolicyVersionList", Json::array())) {
      if (v.value("IsDefaultVersion", false) || v.value("VersionId", "") == def) {
        idx.by_arn[p.value("Arn", "")] = v.value("Document", Json());
        break;
      }
    }
  }
  return idx;
}

Result<void> add_inline(const Json& list, const std::string& owner, std::vector<Policy>& out) {
  for (const auto& ip : list) {
    auto p = policy_from(ip.value("PolicyDocument", Json()), owner + ":" + ip.value("PolicyName", ""));
    if (!p) return p.error();
    out.push_back(std::move(*p));
  }
  return {};
}

Result<void> add_attached(const Json& list, const ManagedIndex& idx, IamEntity& e) {
  for (const auto& ap : list) {
    const std::string arn = ap.value("PolicyArn", "");
    auto it = idx.by_arn.find(arn);
    if (it == idx.by_arn.end()) {
      e.unresolved.push_back(arn);
      continue;
    }
    auto p = policy_from(it->second, arn);
    if (!p) return p.error();
    e.policies.push_back(std::move(*p));
  }
  return {};
}

Result<void> add_boundary(const Json& entity, const ManagedIndex& idx, IamEntity& e) {
  const auto pb = entity.value("PermissionsBoundary", Json::object());
  const std::string arn = pb.value("PermissionsBoundaryArn", "");
  if (arn.empty()) return {};
  auto it = idx.by_arn.find(arn);
  if (it == idx.by_arn.end()) {
    // A boundary we cannot read still limits the principal: model it as allowing nothing.
    e.unresolved.push_back(arn);
    Policy none;
    none.label = "permissions_boundary:" + arn;
    none.version = "2012-10-17";
    e.permissions_boundary = std::move(none);
    return {};
  }
  auto p = policy_from(it->second, "permissions_boundary:" + arn);
  if (!p) return p.error();
  e.permissions_boundary = std::move(*p);
  return {};
}

void add_tags(const Json& entity, IamEntity& e) {
  for (const auto& t : entity.value("Tags", Json::array())) {
    e.tags[t.value("Key", "")] = t.value("Value", "");
  }
}

Result<std::vector<IamEntity>> parse_gaad_impl(const Json& gaad) {
  if (!gaad.is_object()) return bad("GAAD: expected an object");
  const auto idx = index_managed(gaad);
  std::map<std::string, const Json*> groups;
  const auto group_list = gaad.value("GroupDetailList", Json::array());  // outlives `groups`
  for (const auto& g : group_list) groups[g.value("GroupName", "")] = &g;
  std::vector<IamEntity> out;
  for (const auto& u : gaad.value("UserDetailList", Json::array())) {
    IamEntity e;
    auto p = parse_request_principal(u.value("Arn", ""));
    if (!p) return p.error();
    e.principal = *p;
    e.id = u.value("UserId", "");
    if (auto r = add_inline(u.value("UserPolicyList", Json::array()), e.principal.arn, e.policies); !r) return r.error();
    if (auto r = add_attached(u.value("AttachedManagedPolicies", Json::array()), idx, e); !r) return r.error();
    for (const auto& gname : u.value("GroupList", Json::array())) {
      auto it = groups.find(gname.is_string() ? gname.get<std::string>() : "");
      if (it == groups.end()) continue;
      if (auto r = add_inline(it->second->value("GroupPolicyList", Json::array()), it->first, e.policies); !r) return r.error();
      if (auto r = add_attached(it->second->value("AttachedManagedPolicies", Json::array()), idx, e); !r) return r.error();
    }
    if (auto r = add_boundary(u, idx, e); !r) return r.error();
    add_tags(u, e);
    out.push_back(std::move(e));
  }
  for (const auto& ro : gaad.value("RoleDetailList", Json::array())) {
    IamEntity e;
    auto p = parse_request_principal(ro.value("Arn", ""));
    if (!p) return p.error();
    e.principal = *p;
    e.id = ro.value("RoleId", "");
    if (auto r = add_inline(ro.value("RolePolicyList", Json::array()), e.principal.arn, e.policies); !r) return r.error();
    if (auto r = add_attached(ro.value("AttachedManagedPolicies", Json::array()), idx, e); !r) return r.error();
    if (auto r = add_boundary(ro, idx, e); !r) return r.error();
    if (ro.contains("AssumeRolePolicyDocument")) {
      auto t = policy_from(ro.at("AssumeRolePolicyDocument"), "trust:" + e.principal.arn);
      if (!t) return t.error();
      e.trust_policy = std::move(*t);
    }
    add_tags(ro, e);
    out.push_back(std::move(e));
  }
  return out;
}

// Depth-first path from the tree root to the account node; collects each node's policies.
bool path_to(const Json& node, const std::string& account, std::vector<const Json*>& path) {
  path.push_back(&node);
  if (node.value("Id", "") == account && node.value("Type", "") == "Account") return true;
  // Iterate the node's own array: `path` keeps pointers into the tree.
  if (auto it = node.find("Children"); it != node.end() && it->is_array()) {
    for (const auto& c : *it) {
      if (path_to(c, account, path)) return true;
    }
  }
  path.pop_back();
  return false;
}

}  // namespace

Result<std::vector<IamEntity>> parse_gaad(const Json& gaad) {
  try {
    return parse_gaad_impl(gaad);
  } catch (const Json::exception& e) {
    return bad(std::string("GAAD: ") + e.what());
  }
}

Result<std::vector<ResourcePolicyRecord>> parse_resource_policies(const Json& list) {
  std::vector<ResourcePolicyRecord> out;
  if (!list.is_array()) return bad("resource policies: expected a list");
  try {
    for (const auto& r : list) {
      ResourcePolicyRecord rec;
      rec.resource = r.value("Resource", "");
      rec.account = r.value("Account", "");
      auto p = policy_from(r.value("Policy", Json()), "resource:" + rec.resource);
      if (!p) return p.error();
      rec.policy = std::move(*p);
      out.push_back(std::move(rec));
    }
  } catch (const Json::exception& e) {
    return bad(std::string("resource policies: ") + e.what());
  }
  return out;
}

std::optional<OrgPolicies> scps_for_account(const Json& tree, const std::string& account) {
  try {
    std::vector<const Json*> path;
    if (!tree.is_object() || !path_to(tree, account, path)) return std::nullopt;
    OrgPolicies o;
    o.applies_to_account = account;
    Arn root;
    if (parse_arn(tree.value("Arn", ""), root)) o.management_account = root.account;
    for (std::size_t i = 0; i < path.size(); ++i) {
      std::vector<Policy> level;
      for (const auto& pol : path[i]->value("Policies", Json::array())) {
        auto p = policy_from(pol.value("Content", Json()),
                             "scp[level " + std::to_string(i) + "]:" + pol.value("Name", ""));
        if (p) level.push_back(std::move(*p));
      }
      o.levels.push_back(std::move(level));
    }
    return o;
  } catch (const Json::exception&) {
    return std::nullopt;
  }
}

const IamEntity* find_entity(const Environment& env, std::string_view arn) {
  for (const auto& e : env.entities) {
    if (e.principal.arn == arn) return &e;
  }
  return nullptr;
}

const ResourcePolicyRecord* find_resource_policy(const Environment& env, std::string_view resource) {
  for (const auto& r : env.resource_policies) {
    if (r.resource == resource) return &r;
  }
  Arn a;
  if (parse_arn(resource, a) && a.service == "s3") {
    const auto bucket = "arn:" + a.partition + ":s3:::" + a.resource.substr(0, a.resource.find('/'));
    for (const auto& r : env.resource_policies) {
      if (r.resource == bucket) return &r;
    }
  }
  return nullptr;
}

Request request_for(const Environment& env, const IamEntity& entity, std::string action,
                    std::string resource, const RequestContext& context) {
  Request rq;
  rq.principal = entity.principal;
  rq.action = std::move(action);
  rq.resource = std::move(resource);
  rq.context = context;
  auto def = [&](std::string_view k, const std::string& v) {
    if (!v.empty() && !rq.context.contains(k)) rq.context.set(k, v);
  };
  def("aws:PrincipalArn", entity.principal.arn);
  def("aws:PrincipalAccount", entity.principal.account);
  def("aws:userid", entity.id);
  if (entity.principal.type == PrincipalType::User) def("aws:username", entity.principal.name);
  for (const auto& [k, v] : entity.tags) def("aws:PrincipalTag/" + k, v);
  Arn a;
  if (const auto* rp = find_resource_policy(env, rq.resource); rp != nullptr && !rp->account.empty()) {
    rq.resource_account = rp->account;
  } else if (parse_arn(rq.resource, a) && !a.account.empty()) {
    rq.resource_account = a.account;
  } else {
    rq.resource_account = entity.principal.account;  // S3 ARNs carry no account
  }
  return rq;
}

PolicySet policies_for(const Environment& env, const IamEntity& entity, const Request& rq) {
  PolicySet ps;
  ps.identity = entity.policies;
  ps.permissions_boundary = entity.permissions_boundary;
  if (const auto* rp = find_resource_policy(env, rq.resource)) ps.resource = rp->policy;
  for (const auto& tree : env.org_trees) {
    if (auto o = scps_for_account(tree, entity.principal.account)) {
      ps.scps = std::move(o);
      break;
    }
  }
  return ps;
}

Evaluation can_i(const Environment& env, std::string_view principal_arn, std::string action,
                 std::string resource, const RequestContext& context, EvalOptions opt) {
  const IamEntity* e = find_entity(env, principal_arn);
  if (e == nullptr) {
    Evaluation ev;
    ev.reason = "principal " + std::string(principal_arn) + " is not in the account snapshot";
    return ev;
  }
  const auto rq = request_for(env, *e, std::move(action), std::move(resource), context);
  return evaluate(rq, policies_for(env, *e, rq), opt);
}

std::vector<std::string> who_can(const Environment& env, const std::string& action,
                                 const std::string& resource, const RequestContext& context,
                                 EvalOptions opt) {
  std::vector<std::string> out;
  // Each entity is decided directly: going through can_i() would look every ARN up again,
  // quadratic in the account size (iam_bench: a 5,000-role account).
  for (const auto& e : env.entities) {
    const auto rq = request_for(env, e, action, resource, context);
    if (evaluate(rq, policies_for(env, e, rq), opt).decision == Decision::Allow) {
      out.push_back(e.principal.arn);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace rampart::iam
