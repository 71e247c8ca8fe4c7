// Principal ARN parsing and Principal-element matching. Principal ARNs are compared exactly
// (IAM does not allow partial wildcards there); a role ARN in a policy may carry a path, which
// a session ARN does not, so roles compare by account and final name.
#include "engine/iam/principal.h"

#include <algorithm>
#include <cctype>

#include "engine/iam/match.h"

namespace rampart::iam {
namespace {

bool all_digits(std::string_view s) {
  return s.size() == 12 &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view last_segment(std::string_view s) {
  const auto slash = s.rfind('/');
  return slash == std::string_view::npos ? s : s.substr(slash + 1);
}

// Does `value` (a role ARN from a policy) name the principal's role?
bool names_role(std::string_view value, const RequestPrincipal& p) {
  Arn a;
  if (!parse_arn(value, a) || a.service != "iam" || a.account != p.account) return false;
  if (a.resource.rfind("role/", 0) != 0) return false;
  return last_segment(a.resource) == p.role_name;
}

}  // namespace

std::string RequestPrincipal::role_arn() const {
  return "arn:" + partition + ":iam::" + account + ":role/" + role_name;
}

std::string account_of_root_reference(std::string_view value) {
  if (all_digits(value)) return std::string(value);
  Arn a;
  if (parse_arn(value, a) && a.service == "iam" && a.resource == "root" && all_digits(a.account)) {
    return a.account;
  }
  return {};
}

Result<RequestPrincipal> parse_request_principal(std::string_view text) {
  RequestPrincipal p;
  if (text.empty() || iequals(text, "anonymous") || text == "*") {
    p.type = PrincipalType::Anonymous;
    return p;
  }
  p.arn = std::string(text);
  if (all_digits(text)) {
    p.type = PrincipalType::Root;
    p.account = std::string(text);
    p.arn = "arn:aws:iam::" + p.account + ":root";
    return p;
  }
  Arn a;
  if (!parse_arn(text, a)) {
    if (text.find(".amazonaws.com") != std::string_view::npos) {
      p.type = PrincipalType::Service;
      p.name = std::string(text);
      return p;
    }
    return make_error(ErrorKind::Parse, "not a principal: '" + std::string(text) + "'");
  }
  p.partition = a.partition;
  p.account = a.account;
  const std::string_view res = a.resource;
  if (a.service == "iam" && res == "root") {
    p.type = PrincipalType::Root;
  } else if (a.service == "iam" && res.rfind("user/", 0) == 0) {
    p.type = PrincipalType::User;
    p.name = std::string(last_segment(res));
  } else if (a.service == "iam" && res.rfind("role/", 0) == 0) {
    p.type = PrincipalType::Role;
    p.role_name = p.name = std::string(last_segment(res));
    p.service_linked = res.rfind("role/aws-service-role/", 0) == 0;
  } else if (a.service == "sts" && res.rfind("assumed-role/", 0) == 0) {
    const auto rest = res.substr(13);
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos) {
      return make_error(ErrorKind::Parse, "assumed-role ARN without a session name");
    }
    p.type = PrincipalType::AssumedRole;
    p.role_name = std::string(rest.substr(0, slash));
    p.name = std::string(rest.substr(slash + 1));
    p.service_linked = p.role_name.rfind("AWSServiceRoleFor", 0) == 0;
  } else if (a.service == "sts" && res.rfind("federated-user/", 0) == 0) {
    p.type = PrincipalType::FederatedUser;
    p.name = std::string(res.substr(15));
  } else {
    return make_error(ErrorKind::Parse, "unsupported principal ARN: '" + p.arn + "'");
  }
  if (!all_digits(p.account)) {
    return make_error(ErrorKind::Parse, "principal ARN without an account id: '" + p.arn + "'");
  }
  return p;
}

PrincipalMatch match_principal(const PrincipalSpec& spec, const RequestPrincipal& p) {
  if (spec.any) return PrincipalMatch::Direct;
  if (p.type == PrincipalType::Service) {
    for (const auto& s : spec.service) {
      if (iequals(s, p.name)) return PrincipalMatch::Direct;
    }
    return PrincipalMatch::None;
  }
  if (!p.is_iam()) return PrincipalMatch::None;
  PrincipalMatch best = PrincipalMatch::None;
  for (const auto& v : spec.aws) {
    if (const auto acct = account_of_root_reference(v); !acct.empty()) {
      if (acct != p.account) continue;
      if (p.type == PrincipalType::Root) return PrincipalMatch::Direct;
      best = std::max(best, PrincipalMatch::Account);
    } else if (v == p.arn) {
      if (p.type == PrincipalType::Role) {
        best = std::max(best, PrincipalMatch::Role);
      } else {
        return PrincipalMatch::Direct;
      }
    } else if (p.type == PrincipalType::AssumedRole && names_role(v, p)) {
      best = std::max(best, PrincipalMatch::Role);
    }
  }
  return best;
}

bool not_principal_excludes(const PrincipalSpec& spec, const RequestPrincipal& p) {
  if (spec.any) return true;
  if (p.type == PrincipalType::Service) {
    return std::any_of(spec.service.begin(), spec.service.end(),
                       [&](const std::string& s) { return iequals(s, p.name); });
  }
  if (!p.is_iam()) return false;
  for (const auto& v : spec.aws) {
    if (const auto acct = account_of_root_reference(v); !acct.empty()) {
      if (p.type == PrincipalType::Root && acct == p.account) return true;
    } else if (v == p.arn) {
      return true;
    } else if (p.type == PrincipalType::AssumedRole && names_role(v, p)) {
      return true;
    }
  }
  return false;
}

}  // namespace rampart::iam
