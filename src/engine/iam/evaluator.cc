// The decision in the order AWS documents it: (1) explicit denies anywhere, (2) SCP and VPC
// endpoint allows, (3) the resource policy, (4) identity policies intersected with the
// permissions boundary and session policy, combined per same-/cross-account rules.
#include "engine/iam/evaluator.h"

#include <cctype>

#include "engine/iam/conditions.h"
#include "engine/iam/match.h"
#include "engine/iam/variables.h"

namespace rampart::iam {
namespace {

enum class PrincipalCheck : std::uint8_t { Ignore, Required, OptionalAny };

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

struct Hit {
  const Statement* st = nullptr;
  const Policy* policy = nullptr;
  PrincipalMatch how = PrincipalMatch::None;
};

struct Evaluator {
  const Request& rq;
  const PolicySet& ps;
  EvalOptions opt;

  ConditionMode mode_for(Effect e) const {
    ConditionMode m;
    if (opt.existential) m.absent_key_result = (e == Effect::Allow);
    return m;
  }

  bool action_applies(const Statement& st) const {
    bool any = false;
    for (const auto& a : st.actions) {
      if (action_matches(a, rq.action)) { any = true; break; }
    }
    return st.not_action ? !any : any;
  }

  bool resource_applies(const Statement& st, const Policy& pol) const {
    if (!st.has_resource) return true;
    bool any = false;
    for (const auto& r : st.resources) {
      auto pat = substitute_variables(r, rq.context, pol.variables_enabled());
      if (pat && arn_matches(*pat, rq.resource)) { any = true; break; }
    }
    return st.not_resource ? !any : any;
  }

  // How the statement's principal element covers the request principal; None = not at all.
  PrincipalMatch principal_applies(const Statement& st, PrincipalCheck check) const {
    if (check == PrincipalCheck::Ignore) return PrincipalMatch::Direct;
    if (!st.has_principal) {
      return check == PrincipalCheck::OptionalAny ? PrincipalMatch::Direct : PrincipalMatch::None;
    }
    if (st.not_principal) {
      // NotPrincipal+Deny denies every principal that has a permissions boundary, whatever it
      // lists (IAM "Permissions boundaries" page).
      if (st.effect == Effect::Deny && ps.permissions_boundary && rq.principal.is_iam()) {
        return PrincipalMatch::Direct;
      }
      return not_principal_excludes(st.principal, rq.principal) ? PrincipalMatch::None
                                                                : PrincipalMatch::Direct;
    }
    return match_principal(st.principal, rq.principal);
  }

  // First statement of `effect` that applies; for Allow in resource policies the strongest
  // principal match wins.
  std::optional<Hit> find(const Policy& pol, Effect effect, PrincipalCheck check) const {
    std::optional<Hit> best;
    for (const auto& st : pol.statements) {
      if (st.effect != effect || !action_applies(st) || !resource_applies(st, pol)) continue;
      const auto how = principal_applies(st, check);
      if (how == PrincipalMatch::None) continue;
      if (!conditions_match(st.conditions, rq.context, pol.variables_enabled(), mode_for(effect))) {
        continue;
      }
      if (!best || how > best->how) best = Hit{&st, &pol, how};
      if (how == PrincipalMatch::Direct) break;
    }
    return best;
  }

  std::optional<Hit> find_any(const std::vector<Policy>& pols, Effect effect,
                              PrincipalCheck check) const {
    std::optional<Hit> best;
    for (const auto& p : pols) {
      auto h = find(p, effect, check);
      if (h && (!best || h->how > best->how)) best = h;
    }
    return best;
  }
};

StatementRef ref_of(const Hit& h) {
  return StatementRef{h.policy->label, h.st->index, h.st->sid};
}

Evaluation result(Decision d, const std::optional<Hit>& h, std::string reason) {
  Evaluation e;
  e.decision = d;
  if (h) e.deciding = ref_of(*h);
  e.reason = std::move(reason);
  return e;
}

}  // namespace

std::string_view to_string(Decision d) {
  switch (d) {
    case Decision::Allow: return "allow";
    case Decision::ExplicitDeny: return "deny";
    case Decision::ImplicitDeny: return "implicit_deny";
  }
  return "?";
}

std::string StatementRef::describe() const {
  std::string s = policy + " Statement[" + std::to_string(index) + "]";
  if (!sid.empty()) s += " (Sid " + sid + ")";
  return s;
}

ResourceKind infer_resource_kind(std::string_view action, std::string_view resource) {
  Arn a;
  if (!parse_arn(resource, a)) return ResourceKind::Generic;
  if (a.service == "kms" && a.resource.rfind("key/", 0) == 0) return ResourceKind::KmsKey;
  const bool assume = action.size() >= 14 && iequals(action.substr(0, 14), "sts:AssumeRole");
  if (assume && a.service == "iam" && a.resource.rfind("role/", 0) == 0) {
    return ResourceKind::RoleTrust;
  }
  return ResourceKind::Generic;
}

Evaluation evaluate(const Request& rq, const PolicySet& ps, EvalOptions opt) {
  // sts:GetCallerIdentity needs no permission and cannot be denied (STS API reference).
  if (iequals(rq.action, "sts:GetCallerIdentity")) {
    return result(Decision::Allow, std::nullopt, "sts:GetCallerIdentity needs no permission");
  }
  const Evaluator ev{rq, ps, opt};
  const auto& p = rq.principal;
  const ResourceKind kind =
      rq.kind == ResourceKind::Auto ? infer_resource_kind(rq.action, rq.resource) : rq.kind;
  const bool scp_applies = ps.scps && p.is_iam() && !p.service_linked &&
                           p.account == ps.scps->applies_to_account &&
                           p.account != ps.scps->management_account;
  const bool rcp_applies =
      ps.rcps && !p.service_linked && rq.resource_account == ps.rcps->applies_to_account;

  // 1. Explicit denies, in any policy that applies to this request.
  auto deny = [&](const std::vector<Policy>& pols, PrincipalCheck c) {
    return ev.find_any(pols, Effect::Deny, c);
  };
  if (scp_applies) {
    for (const auto& level : ps.scps->levels) {
      if (auto h = deny(level, PrincipalCheck::Ignore)) {
        return result(Decision::ExplicitDeny, h, "denied by a service control policy");
      }
    }
  }
  if (rcp_applies) {
    for (const auto& level : ps.rcps->levels) {
      if (auto h = deny(level, PrincipalCheck::Required)) {
        return result(Decision::ExplicitDeny, h, "denied by a resource control policy");
      }
    }
  }
  if (auto h = deny(ps.endpoint, PrincipalCheck::OptionalAny)) {
    return result(Decision::ExplicitDeny, h, "denied by a VPC endpoint policy");
  }
  if (ps.resource) {
    if (auto h = ev.find(*ps.resource, Effect::Deny, PrincipalCheck::Required)) {
      return result(Decision::ExplicitDeny, h, "denied by the resource policy");
    }
  }
  const bool signed_iam = p.is_iam();
  if (signed_iam) {
    if (auto h = deny(ps.identity, PrincipalCheck::Ignore)) {
      return result(Decision::ExplicitDeny, h, "denied by an identity policy");
    }
    if (ps.permissions_boundary) {
      if (auto h = ev.find(*ps.permissions_boundary, Effect::Deny, PrincipalCheck::Ignore)) {
        return result(Decision::ExplicitDeny, h, "denied by the permissions boundary");
      }
    }
    if (ps.session_policy) {
      if (auto h = ev.find(*ps.session_policy, Effect::Deny, PrincipalCheck::Ignore)) {
        return result(Decision::ExplicitDeny, h, "denied by the session policy");
      }
    }
  }

  // 2. Guardrails that must allow: every SCP level, the VPC endpoint policy.
  if (scp_applies) {
    for (std::size_t i = 0; i < ps.scps->levels.size(); ++i) {
      if (!ev.find_any(ps.scps->levels[i], Effect::Allow, PrincipalCheck::Ignore)) {
        return result(Decision::ImplicitDeny, std::nullopt,
                      "no service control policy at org level " + std::to_string(i) +
                          " allows the action");
      }
    }
  }
  if (!ps.endpoint.empty() && !ev.find_any(ps.endpoint, Effect::Allow, PrincipalCheck::OptionalAny)) {
    return result(Decision::ImplicitDeny, std::nullopt, "the VPC endpoint policy does not allow");
  }

  // 3. The resource policy's grant, and 4. the principal's own policies.
  std::optional<Hit> rp;
  if (ps.resource) rp = ev.find(*ps.resource, Effect::Allow, PrincipalCheck::Required);
  if (!signed_iam) {
    if (rp && rp->how == PrincipalMatch::Direct) {
      return result(Decision::Allow, rp, "allowed by the resource policy");
    }
    return result(Decision::ImplicitDeny, std::nullopt,
                  "no resource policy statement allows this principal");
  }
  std::optional<Hit> id;
  if (p.type != PrincipalType::Root) id = ev.find_any(ps.identity, Effect::Allow, PrincipalCheck::Ignore);
  const bool id_ok = p.type == PrincipalType::Root || id.has_value();
  const bool boundary_ok = !ps.permissions_boundary ||
      ev.find(*ps.permissions_boundary, Effect::Allow, PrincipalCheck::Ignore).has_value();
  const bool session_ok = !ps.session_policy ||
      ev.find(*ps.session_policy, Effect::Allow, PrincipalCheck::Ignore).has_value();
  const bool principal_side = id_ok && boundary_ok && session_ok;
  const bool same_account = p.account == rq.resource_account;
  auto allow_identity = [&] {
    return result(Decision::Allow, id,
                  p.type == PrincipalType::Root ? "the account root user has full access"
                                                : "allowed by an identity policy");
  };
  auto why_not_principal = [&] {
    if (!id_ok) return std::string("no identity policy allows the action");
    if (!boundary_ok) return std::string("the permissions boundary does not allow the action");
    return std::string("the session policy does not allow the action");
  };

  if (kind == ResourceKind::RoleTrust || kind == ResourceKind::KmsKey) {
    const char* what = kind == ResourceKind::RoleTrust ? "trust policy" : "key policy";
    if (!rp) {
      return result(Decision::ImplicitDeny, std::nullopt,
                    std::string("the ") + what + " does not allow this principal");
    }
    if (rp->how == PrincipalMatch::Account || !same_account) {
      if (principal_side) return result(Decision::Allow, rp, std::string("allowed by the ") + what + " and IAM policies");
      return result(Decision::ImplicitDeny, std::nullopt, why_not_principal());
    }
    if (rp->how == PrincipalMatch::Direct || (boundary_ok && session_ok)) {
      return result(Decision::Allow, rp, std::string("allowed by the ") + what);
    }
    return result(Decision::ImplicitDeny, std::nullopt, why_not_principal());
  }

  if (same_account) {
    if (rp && rp->how == PrincipalMatch::Direct) {
      return result(Decision::Allow, rp, "allowed by the resource policy (principal named directly)");
    }
    if (rp && rp->how == PrincipalMatch::Role && boundary_ok && session_ok) {
      return result(Decision::Allow, rp, "allowed by the resource policy (role named)");
    }
    if (principal_side) return allow_identity();
    return result(Decision::ImplicitDeny, std::nullopt, why_not_principal());
  }
  if (!rp) {
    return result(Decision::ImplicitDeny, std::nullopt,
                  "cross-account: no resource policy statement allows this principal");
  }
  if (!principal_side) {
    return result(Decision::ImplicitDeny, std::nullopt, "cross-account: " + why_not_principal());
  }
  return result(Decision::Allow, rp, "cross-account: allowed by the resource policy and IAM policies");
}

}  // namespace rampart::iam
