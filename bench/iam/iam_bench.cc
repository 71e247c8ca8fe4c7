// IAM evaluator benchmark on a synthetic 5,000-role account. The account is built by scaling the
// IAMSpy account-authorization-details exports (shared/testdata/iam/iamspy/files/*.json): every
// role and user of every file is copied with a new name, id and ARN, and the managed policies it
// uses (attached or as permissions boundary) are copied with it under new ARNs, until the account
// holds 5,000 roles. Reported, in one run:
//   - BM_ParseAccount: GAAD JSON -> IamEntity list (every inline, managed, boundary and trust
//     policy parsed), as policies/s;
//   - BM_WhoCan: who_can() over every principal, as decisions/s;
//   - BM_CanI: can_i() for each principal and four actions, as decisions/s;
//   - BM_IsAdminEquivalent: is_admin_equivalent() for every principal, as principals/s.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <string>
#include <vector>

#include "engine/iam/case_file.h"
#include "engine/iam/escalation.h"
#include "engine/iam/gaad.h"

namespace {

using rampart::Json;
namespace iam = rampart::iam;

constexpr int kRoles = 5000;

// Copies `arn` (".../role/name", ".../policy/name") with "-<n>" appended to the name.
std::string renamed(const std::string& arn, int n) { return arn + "-" + std::to_string(n); }

struct Templates {
  std::vector<Json> roles, users, policies;
};

Templates load_templates() {
  Templates t;
  const std::filesystem::path dir = std::string(RAMPART_SHARED_DIR) + "/testdata/iam/iamspy/files";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto j = iam::read_json_file(f.string());
    if (!j || !j->is_object() || !j->contains("RoleDetailList")) continue;
    for (const auto& r : j->at("RoleDetailList")) t.roles.push_back(r);
    for (const auto& u : j->value("UserDetailList", Json::array())) t.users.push_back(u);
    for (const auto& p : j->value("Policies", Json::array())) t.policies.push_back(p);
  }
  return t;
}

const Json* find_policy(const Templates& t, const std::string& arn) {
  for (const auto& p : t.policies) {
    if (p.value("Arn", "") == arn) return &p;
  }
  return nullptr;
}

// Renames an entity and the managed policies it references; appends the policy copies.
void scale_entity(const Templates& t, Json e, const char* name_key, const char* id_key, int n,
                  Json& out_list, Json& policies) {
  e[name_key] = e.value(name_key, "x") + "-" + std::to_string(n);
  e[id_key] = e.value(id_key, "AID") + std::to_string(n);
  e["Arn"] = renamed(e.value("Arn", ""), n);
  auto copy_policy = [&](const std::string& arn) {
    const Json* p = find_policy(t, arn);
    if (p == nullptr) return arn;
    Json c = *p;
    c["Arn"] = renamed(arn, n);
    c["PolicyName"] = c.value("PolicyName", "p") + "-" + std::to_string(n);
    policies.push_back(std::move(c));
    return renamed(arn, n);
  };
  for (auto& ap : e["AttachedManagedPolicies"]) ap["PolicyArn"] = copy_policy(ap.value("PolicyArn", ""));
  if (e.contains("PermissionsBoundary")) {
    auto& pb = e["PermissionsBoundary"];
    pb["PermissionsBoundaryArn"] = copy_policy(pb.value("PermissionsBoundaryArn", ""));
  }
  out_list.push_back(std::move(e));
}

const Json& scaled_gaad() {
  static const Json gaad = [] {
    const Templates t = load_templates();
    Json g = {{"UserDetailList", Json::array()}, {"GroupDetailList", Json::array()},
              {"RoleDetailList", Json::array()}, {"Policies", Json::array()}};
    for (int i = 0; i < kRoles && !t.roles.empty(); ++i) {
      scale_entity(t, t.roles[i % t.roles.size()], "RoleName", "RoleId", i, g["RoleDetailList"],
                   g["Policies"]);
    }
    // Users in the same proportion as in the exports (3 users to 12 roles there).
    const int users = t.roles.empty() ? 0 : kRoles * static_cast<int>(t.users.size()) /
                                                 static_cast<int>(t.roles.size());
    for (int i = 0; i < users && !t.users.empty(); ++i) {
      scale_entity(t, t.users[i % t.users.size()], "UserName", "UserId", i, g["UserDetailList"],
                   g["Policies"]);
    }
    return g;
  }();
  return gaad;
}

const iam::Environment& environment() {
  static const iam::Environment env = [] {
    iam::Environment e;
    auto entities = iam::parse_gaad(scaled_gaad());
    if (entities) e.entities = std::move(*entities);
    return e;
  }();
  return env;
}

std::size_t policy_count(const iam::Environment& env) {
  std::size_t n = 0;
  for (const auto& e : env.entities) {
    n += e.policies.size() + (e.permissions_boundary ? 1 : 0) + (e.trust_policy ? 1 : 0);
  }
  return n;
}

void BM_ParseAccount(benchmark::State& state) {
  const Json& g = scaled_gaad();
  std::size_t policies = 0;
  for (auto _ : state) {
    auto entities = iam::parse_gaad(g);
    if (!entities) {
      state.SkipWithError(entities.error().message.c_str());
      return;
    }
    iam::Environment e;
    e.entities = std::move(*entities);
    policies = policy_count(e);
    benchmark::DoNotOptimize(e.entities.data());
  }
  state.counters["entities"] = static_cast<double>(environment().entities.size());
  state.counters["policies"] = static_cast<double>(policies);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * policies));
}
BENCHMARK(BM_ParseAccount)->Unit(benchmark::kMillisecond);

void BM_WhoCan(benchmark::State& state) {
  const auto& env = environment();
  const iam::RequestContext ctx;
  std::size_t allowed = 0;
  for (auto _ : state) {
    allowed = iam::who_can(env, "lambda:InvokeFunction",
                           "arn:aws:lambda:us-east-1:123456789012:function:f", ctx).size();
    benchmark::DoNotOptimize(allowed);
  }
  state.counters["allowed"] = static_cast<double>(allowed);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * env.entities.size()));
}
BENCHMARK(BM_WhoCan)->Unit(benchmark::kMillisecond);

void BM_CanI(benchmark::State& state) {
  const auto& env = environment();
  const iam::RequestContext ctx;
  const std::pair<const char*, const char*> requests[] = {
      {"s3:GetObject", "arn:aws:s3:::testing/key"},
      {"lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:f"},
      {"iam:CreatePolicyVersion", "arn:aws:iam::123456789012:policy/p"},
      {"ec2:RunInstances", "*"}};
  for (auto _ : state) {
    for (const auto& e : env.entities) {
      for (const auto& [action, resource] : requests) {
        benchmark::DoNotOptimize(iam::can_i(env, e.principal.arn, action, resource, ctx).decision);
      }
    }
  }
  state.SetItemsProcessed(
      static_cast<std::int64_t>(state.iterations() * env.entities.size() * std::size(requests)));
}
BENCHMARK(BM_CanI)->Unit(benchmark::kMillisecond);

void BM_IsAdminEquivalent(benchmark::State& state) {
  const auto& env = environment();
  std::size_t admins = 0;
  for (auto _ : state) {
    admins = 0;
    for (const auto& e : env.entities) admins += iam::is_admin_equivalent(env, e).admin ? 1 : 0;
  }
  state.counters["admins"] = static_cast<double>(admins);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * env.entities.size()));
}
BENCHMARK(BM_IsAdminEquivalent)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
