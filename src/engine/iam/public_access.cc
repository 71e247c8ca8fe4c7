// Statement-level classification: public = Allow + a principal that is not fixed + no
// condition that pins an identifying key to fixed values.
#include "engine/iam/public_access.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "engine/iam/conditions.h"
#include "engine/iam/match.h"
#include "engine/iam/principal.h"

namespace rampart::iam {
namespace {

constexpr std::array<std::string_view, 12> kFixingKeys{
    "aws:sourcearn",          "aws:sourcevpc",
    "aws:sourcevpce",         "aws:sourceaccount",
    "aws:sourceowner",        "aws:principalorgid",
    "aws:principalaccount",   "aws:principalarn",
    "s3:dataaccesspointarn",  "s3:dataaccesspointaccount",
    "s3:x-amz-server-side-encryption-aws-kms-key-id", "aws:userid",
};

bool fixed_value(std::string_view key, std::string_view v) {
  if (v.find("${") != std::string_view::npos) return false;
  if (key == "aws:userid") {
    // "AROAEXAMPLEID:*" (every session of one role) counts as fixed.
    const auto colon = v.find(':');
    if (colon != std::string_view::npos && v.substr(colon + 1) == "*" &&
        !has_wildcard(v.substr(0, colon)) && colon > 0) {
      return true;
    }
  }
  return !has_wildcard(v);
}

bool positive_restricting(const Condition& c) {
  // Negated operators, IfExists and ForAllValues all hold for requests without the key, so
  // they do not restrict who can call.
  return !is_negated(c.op) && !c.if_exists && c.set != SetOp::ForAllValues && c.op != CondOp::Null;
}

bool condition_fixes(const Condition& c) {
  if (!positive_restricting(c) || c.values.empty()) return false;
  if (c.key == "aws:sourceip") {
    if (c.op != CondOp::IpAddress) return false;
    return std::all_of(c.values.begin(), c.values.end(), [](const std::string& v) {
      const auto cidr = parse_cidr(v);
      return cidr && cidr->prefix >= (cidr->v6 ? 32 : 8);
    });
  }
  if (std::find(kFixingKeys.begin(), kFixingKeys.end(), c.key) == kFixingKeys.end()) return false;
  switch (c.op) {
    case CondOp::StringEquals: case CondOp::StringEqualsIgnoreCase: case CondOp::StringLike:
    case CondOp::ArnEquals: case CondOp::ArnLike:
      break;
    default:
      return false;
  }
  return std::all_of(c.values.begin(), c.values.end(),
                     [&](const std::string& v) { return fixed_value(c.key, v); });
}

bool principal_is_open(const Statement& st) {
  if (!st.has_principal) return false;
  if (st.not_principal) return true;
  if (st.principal.any) return true;
  return std::any_of(st.principal.aws.begin(), st.principal.aws.end(),
                     [](const std::string& v) { return has_wildcard(v); });
}

std::string account_of_principal_value(const std::string& v) {
  if (auto a = account_of_root_reference(v); !a.empty()) return a;
  Arn arn;
  if (parse_arn(v, arn)) return arn.account;
  return {};
}

}  // namespace

bool is_statement_public(const Statement& st) {
  if (st.effect != Effect::Allow || !principal_is_open(st)) return false;
  return std::none_of(st.conditions.begin(), st.conditions.end(), condition_fixes);
}

std::vector<std::size_t> public_statements(const Policy& policy) {
  std::vector<std::size_t> out;
  for (const auto& st : policy.statements) {
    if (is_statement_public(st)) out.push_back(st.index);
  }
  return out;
}

S3Exposure s3_exposure(const Policy* policy, const std::vector<AclGrant>& acl,
                       const BlockPublicAccess& bpa) {
  S3Exposure e;
  if (policy != nullptr) e.public_statements = public_statements(*policy);
  e.policy_public = !e.public_statements.empty();
  for (const auto& g : acl) {
    if (g.grantee_uri.ends_with("/global/AllUsers") ||
        g.grantee_uri.ends_with("/global/AuthenticatedUsers")) {
      e.acl_public = true;
    }
  }
  // RestrictPublicBuckets limits a public policy to service principals and the owner account;
  // IgnorePublicAcls makes S3 ignore public ACL grants.
  e.publicly_accessible = (e.policy_public && !bpa.restrict_public_buckets) ||
                          (e.acl_public && !bpa.ignore_public_acls);
  return e;
}

ExternalAccess external_access(const Policy& policy, const std::string& owner_account,
                               const std::vector<std::string>& trusted_accounts) {
  ExternalAccess out;
  auto trusted = [&](const std::string& a) {
    return a == owner_account ||
           std::find(trusted_accounts.begin(), trusted_accounts.end(), a) != trusted_accounts.end();
  };
  for (const auto& st : policy.statements) {
    if (st.effect != Effect::Allow || !st.has_principal) continue;
    if (is_statement_public(st)) {
      out.anyone = true;
      continue;
    }
    if (st.not_principal || st.principal.any) continue;  // restricted by a fixing condition
    for (const auto& v : st.principal.aws) {
      const auto acct = account_of_principal_value(v);
      if (acct.empty() || trusted(acct)) continue;
      out.accounts.push_back(acct);
      out.principals.push_back(v);
    }
  }
  std::sort(out.accounts.begin(), out.accounts.end());
  out.accounts.erase(std::unique(out.accounts.begin(), out.accounts.end()), out.accounts.end());
  return out;
}

}  // namespace rampart::iam
