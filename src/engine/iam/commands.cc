// Command bodies: read inputs, evaluate, print. Every input error is reported and turned into
// an exit status; nothing throws out of here.
#include "engine/iam/commands.h"

#include "engine/iam/case_file.h"
#include "engine/iam/evaluator.h"
#include "engine/iam/public_access.h"

namespace rampart::iam {
namespace {

Result<Json> load_json_arg(const std::string& arg) {
  const auto first = arg.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (arg[first] == '{' || arg[first] == '[')) {
    Json j = Json::parse(arg, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return make_error(ErrorKind::Parse, "not valid JSON: " + arg.substr(0, 40));
    return j;
  }
  return read_json_file(arg);
}

Result<Policy> load_policy_arg(const std::string& arg, const std::string& label) {
  auto j = load_json_arg(arg);
  if (!j) return j.error();
  auto p = parse_policy(*j, label);
  if (!p) return make_error(ErrorKind::Parse, label + ": " + p.error().message);
  return p;
}

Result<std::pair<Request, PolicySet>> build(const IamDecideArgs& a) {
  Json rq = Json::object();
  rq["principal"] = a.principal;
  rq["action"] = a.action;
  rq["resource"] = a.resource;
  if (!a.resource_account.empty()) rq["resource_account"] = a.resource_account;
  if (!a.resource_kind.empty()) rq["resource_kind"] = a.resource_kind;
  if (!a.context_json.empty()) {
    auto ctx = load_json_arg(a.context_json);
    if (!ctx) return ctx.error();
    rq["context"] = *ctx;
  }
  auto request = parse_request(rq);
  if (!request) return request.error();
  PolicySet ps;
  for (std::size_t i = 0; i < a.identity_policies.size(); ++i) {
    auto p = load_policy_arg(a.identity_policies[i], "identity[" + std::to_string(i) + "]");
    if (!p) return p.error();
    ps.identity.push_back(std::move(*p));
  }
  auto optional = [&](const std::string& arg, const char* label,
                      std::optional<Policy>& slot) -> Result<void> {
    if (arg.empty()) return {};
    auto p = load_policy_arg(arg, label);
    if (!p) return p.error();
    slot = std::move(*p);
    return {};
  };
  if (auto r = optional(a.permissions_boundary, "permissions_boundary", ps.permissions_boundary); !r) return r.error();
  if (auto r = optional(a.session_policy, "session_policy", ps.session_policy); !r) return r.error();
  if (auto r = optional(a.resource_policy, "resource", ps.resource); !r) return r.error();
  if (!a.scps.empty()) {
    OrgPolicies o;
    o.applies_to_account = request->principal.account;
    o.management_account = a.management_account;
    for (std::size_t i = 0; i < a.scps.size(); ++i) {
      auto p = load_policy_arg(a.scps[i], "scp[level " + std::to_string(i) + "]");
      if (!p) return p.error();
      o.levels.push_back({std::move(*p)});
    }
    ps.scps = std::move(o);
  }
  return std::make_pair(std::move(*request), std::move(ps));
}

}  // namespace

int run_iam_check(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
  std::size_t passed = 0, failed = 0;
  bool unreadable = false;
  for (const auto& path : files) {
    auto file = read_case_file(path);
    if (!file) {
      err << path << ": " << file.error().message << "\n";
      unreadable = true;
      continue;
    }
    for (const auto& c : file->authorization) {
      const auto got = evaluate(c.request, c.policies).decision;
      const bool ok = got == c.expected;
      out << c.id << ' ' << to_string(got) << " expected=" << to_string(c.expected) << ' '
          << (ok ? "ok" : "MISMATCH") << '\n';
      ++(ok ? passed : failed);
    }
    for (const auto& c : file->public_classification) {
      const bool got = is_policy_public(c.policy);
      const bool ok = got == c.expected_public;
      out << c.id << ' ' << (got ? "public" : "not_public")
          << " expected=" << (c.expected_public ? "public" : "not_public") << ' '
          << (ok ? "ok" : "MISMATCH") << '\n';
      ++(ok ? passed : failed);
    }
  }
  out << passed << " passed, " << failed << " failed\n";
  if (unreadable) return 2;
  return failed == 0 ? 0 : 1;
}

int run_iam_decide(const IamDecideArgs& args, std::ostream& out) {
  auto built = build(args);
  if (!built) {
    out << "error: " << built.error().message << "\n";
    return 2;
  }
  EvalOptions opt;
  opt.existential = args.existential;
  const auto e = evaluate(built->first, built->second, opt);
  out << "decision: " << to_string(e.decision) << "\n";
  if (e.deciding) out << "statement: " << e.deciding->describe() << "\n";
  out << "reason: " << e.reason << "\n";
  return e.decision == Decision::Allow ? 0 : 1;
}

}  // namespace rampart::iam
