// Case-file parsing. Policies get labels that name where they sit ("identity[1]",
// "scp[level 0][1]") so explanations can point at them.
#include "engine/iam/case_file.h"

#include <fstream>
#include <sstream>

namespace rampart::iam {

static Result<PolicySet> parse_policy_set_impl(const Json& j);
static Result<Request> parse_request_impl(const Json& j);
static Result<AuthorizationCase> parse_authorization_case_impl(const Json& c);
static Result<PublicCase> parse_public_case_impl(const Json& c);
static Result<CaseFile> parse_case_file_impl(const Json& doc);
namespace {

Error bad(const std::string& what) { return make_error(ErrorKind::Parse, what); }

Result<std::optional<Policy>> optional_policy(const Json& j, const char* key,
                                              const std::string& label) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::optional<Policy>{};
  auto p = parse_policy(*it, label);
  if (!p) return p.error();
  return std::optional<Policy>(std::move(*p));
}

Result<std::vector<Policy>> policy_list(const Json& j, const std::string& label) {
  std::vector<Policy> out;
  if (j.is_null()) return out;
  if (!j.is_array()) return bad(label + ": expected a list of policies");
  for (std::size_t i = 0; i < j.size(); ++i) {
    auto p = parse_policy(j[i], label + "[" + std::to_string(i) + "]");
    if (!p) return p.error();
    out.push_back(std::move(*p));
  }
  return out;
}

Result<std::optional<OrgPolicies>> org_policies(const Json& j, const char* key,
                                                const std::string& label) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::optional<OrgPolicies>{};
  if (!it->is_object()) return bad(std::string(key) + ": expected an object");
  OrgPolicies o;
  o.applies_to_account = it->value("applies_to_account", "");
  o.management_account = it->value("management_account", "");
  const auto levels = it->value("levels", Json::array());
  if (!levels.is_array()) return bad(std::string(key) + ".levels: expected a list");
  for (std::size_t i = 0; i < levels.size(); ++i) {
    auto l = policy_list(levels[i], label + "[level " + std::to_string(i) + "]");
    if (!l) return l.error();
    o.levels.push_back(std::move(*l));
  }
  return std::optional<OrgPolicies>(std::move(o));
}

}  // namespace

static Result<PolicySet> parse_policy_set_impl(const Json& j) {
  PolicySet ps;
  if (!j.is_object()) return bad("policies: expected an object");
  auto id = policy_list(j.value("identity", Json::array()), "identity");
  if (!id) return id.error();
  ps.identity = std::move(*id);
  auto ep = policy_list(j.value("vpc_endpoint", Json::array()), "vpc_endpoint");
  if (!ep) return ep.error();
  ps.endpoint = std::move(*ep);
  auto pb = optional_policy(j, "permissions_boundary", "permissions_boundary");
  if (!pb) return pb.error();
  ps.permissions_boundary = std::move(*pb);
  auto sp = optional_policy(j, "session_policy", "session_policy");
  if (!sp) return sp.error();
  ps.session_policy = std::move(*sp);
  auto rp = optional_policy(j, "resource", "resource");
  if (!rp) return rp.error();
  ps.resource = std::move(*rp);
  auto scps = org_policies(j, "scps", "scp");
  if (!scps) return scps.error();
  ps.scps = std::move(*scps);
  auto rcps = org_policies(j, "rcps", "rcp");
  if (!rcps) return rcps.error();
  ps.rcps = std::move(*rcps);
  return ps;
}

static Result<Request> parse_request_impl(const Json& j) {
  if (!j.is_object()) return bad("request: expected an object");
  Request r;
  auto p = parse_request_principal(j.value("principal", "anonymous"));
  if (!p) return p.error();
  r.principal = std::move(*p);
  r.action = j.value("action", "");
  r.resource = j.value("resource", "*");
  r.resource_account = j.value("resource_account", r.principal.account);
  const std::string kind = j.value("resource_kind", "");
  if (kind == "iam-role-trust-policy") r.kind = ResourceKind::RoleTrust;
  else if (kind == "kms-key-policy") r.kind = ResourceKind::KmsKey;
  else if (kind.empty()) r.kind = ResourceKind::Auto;
  else r.kind = ResourceKind::Generic;
  r.context = RequestContext::from_json(j.value("context", Json::object()));
  if (r.action.empty()) return bad("request: missing action");
  return r;
}

Result<Decision> parse_decision(std::string_view t) {
  if (t == "allow") return Decision::Allow;
  if (t == "deny") return Decision::ExplicitDeny;
  if (t == "implicit_deny") return Decision::ImplicitDeny;
  return bad("unknown decision '" + std::string(t) + "'");
}

static Result<AuthorizationCase> parse_authorization_case_impl(const Json& c) {
  AuthorizationCase out;
  out.id = c.value("id", "");
  auto fail = [&](const Error& e) { return bad(out.id + ": " + e.message); };
  auto ps = parse_policy_set_impl(c.value("policies", Json::object()));
  if (!ps) return fail(ps.error());
  out.policies = std::move(*ps);
  auto rq = parse_request_impl(c.value("request", Json::object()));
  if (!rq) return fail(rq.error());
  out.request = std::move(*rq);
  auto d = parse_decision(c.value("expected", ""));
  if (!d) return fail(d.error());
  out.expected = *d;
  return out;
}

static Result<PublicCase> parse_public_case_impl(const Json& c) {
  PublicCase out;
  out.id = c.value("id", "");
  out.resource = c.value("resource", "");
  out.resource_account = c.value("resource_account", "");
  auto p = parse_policy(c.value("policy", Json::object()), "resource");
  if (!p) return bad(out.id + ": " + p.error().message);
  out.policy = std::move(*p);
  const std::string e = c.value("expected", "");
  if (e != "public" && e != "not_public") return bad(out.id + ": unknown expected '" + e + "'");
  out.expected_public = e == "public";
  return out;
}

static Result<CaseFile> parse_case_file_impl(const Json& doc) {
  if (!doc.is_object() || doc.value("format", "") != "rampart-iam-case/1") {
    return bad("not a rampart-iam-case/1 file");
  }
  CaseFile f;
  const auto cases = doc.value("cases", Json::array());
  for (const auto& c : cases) {
    if (!c.is_object()) return bad("case: expected an object");
    const std::string kind = c.value("kind", "");
    if (kind == "authorization") {
      auto a = parse_authorization_case_impl(c);
      if (!a) return a.error();
      f.authorization.push_back(std::move(*a));
    } else if (kind == "public_classification") {
      auto p = parse_public_case_impl(c);
      if (!p) return p.error();
      f.public_classification.push_back(std::move(*p));
    } else {
      return bad("case '" + c.value("id", "") + "': unknown kind '" + kind + "'");
    }
  }
  return f;
}

Result<PolicySet> parse_policy_set(const Json& j) {
  try {
    return parse_policy_set_impl(j);
  } catch (const Json::exception& e) {
    return make_error(ErrorKind::Parse, std::string("malformed case data: ") + e.what());
  }
}

Result<Request> parse_request(const Json& j) {
  try {
    return parse_request_impl(j);
  } catch (const Json::exception& e) {
    return make_error(ErrorKind::Parse, std::string("malformed case data: ") + e.what());
  }
}

Result<AuthorizationCase> parse_authorization_case(const Json& j) {
  try {
    return parse_authorization_case_impl(j);
  } catch (const Json::exception& e) {
    return make_error(ErrorKind::Parse, std::string("malformed case data: ") + e.what());
  }
}

Result<PublicCase> parse_public_case(const Json& j) {
  try {
    return parse_public_case_impl(j);
  } catch (const Json::exception& e) {
    return make_error(ErrorKind::Parse, std::string("malformed case data: ") + e.what());
  }
}

Result<CaseFile> parse_case_file(const Json& j) {
  try {
    return parse_case_file_impl(j);
  } catch (const Json::exception& e) {
    return make_error(ErrorKind::Parse, std::string("malformed case data: ") + e.what());
  }
}

Result<Json> read_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorKind::NotFound, "cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return bad(path + ": not valid JSON");
  return doc;
}

Result<CaseFile> read_case_file(const std::string& path) {
  auto doc = read_json_file(path);
  if (!doc) return doc.error();
  return parse_case_file(*doc);
}

}  // namespace rampart::iam
