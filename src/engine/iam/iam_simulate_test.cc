// The verbatim cloud-copilot/iam-simulate fixtures (shared/testdata/iam/iam-simulate), Strict
// mode, each case its own test. Discovery-mode cases test that tool's own feature and are
// skipped by rule; the others we do not run are listed with a reason in iam_simulate_skips.json.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "engine/iam/case_file.h"
#include "engine/iam/evaluator.h"
#include "engine/iam/test_util.h"

namespace rampart::iam {
namespace {

using testing::iam_data;
using testing::sanitize;

struct SimCase {
  std::string name;  // "<file>/<case name>"
  Json data;
};
void PrintTo(const SimCase& c, std::ostream* os) { *os << c.name; }

std::set<std::string> skip_list() {
  std::set<std::string> out;
  auto j = read_json_file(std::string(RAMPART_SOURCE_DIR) + "/src/engine/iam/iam_simulate_skips.json");
  if (!j) return out;
  for (const auto& s : j->value("skips", Json::array())) {
    out.insert(s.value("file", "") + "/" + s.value("name", ""));
  }
  return out;
}

std::vector<SimCase> load_cases() {
  std::vector<SimCase> out;
  const auto root = std::filesystem::path(iam_data("iam-simulate"));
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().extension() == ".json" && it->path().filename() != "PROVENANCE.json") {
      files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  const auto skips = skip_list();
  for (const auto& f : files) {
    auto j = read_json_file(f.string());
    if (!j || !j->is_array()) continue;
    const auto rel = std::filesystem::relative(f, root).string();
    for (const auto& c : *j) {
      const auto sim = c.value("simulation", Json::object());
      if (sim.value("mode", "") == "Discovery") continue;
      const std::string key = rel + "/" + c.value("name", "");
      if (skips.count(key) != 0) continue;
      out.push_back({key, c});
    }
  }
  return out;
}

Result<std::vector<Policy>> policies(const Json& list, const std::string& label) {
  std::vector<Policy> out;
  if (!list.is_array()) return out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto p = parse_policy(list[i], label + "[" + std::to_string(i) + "]");
    if (!p) return p.error();
    out.push_back(std::move(*p));
  }
  return out;
}

Result<OrgPolicies> org(const Json& levels, const std::string& label) {
  OrgPolicies o;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    auto l = policies(levels[i].value("policies", Json::array()),
                      label + "[level " + std::to_string(i) + "]");
    if (!l) return l.error();
    o.levels.push_back(std::move(*l));
  }
  return o;
}

// iam-simulate's request/policy shape -> ours.
Result<std::pair<Request, PolicySet>> convert(const Json& c) {
  const auto& rq = c.at("request");
  Request r;
  const auto& pj = rq.at("principal");
  auto p = parse_request_principal(pj.is_string() ? pj.get<std::string>() : "anonymous");
  if (!p) return p.error();
  r.principal = *p;
  r.action = rq.value("action", "");
  r.resource = rq.at("resource").value("resource", "*");
  r.resource_account = rq.at("resource").value("accountId", "");
  r.context = RequestContext::from_json(rq.value("context", Json::object()));
  PolicySet ps;
  auto id = policies(c.value("identityPolicies", Json::array()), "identity");
  if (!id) return id.error();
  ps.identity = std::move(*id);
  auto pb = policies(c.value("permissionBoundaries", Json::array()), "permissions_boundary");
  if (!pb) return pb.error();
  if (!pb->empty()) ps.permissions_boundary = pb->front();
  if (c.contains("sessionPolicy")) {
    auto sp = parse_policy(c.at("sessionPolicy"), "session_policy");
    if (!sp) return sp.error();
    ps.session_policy = *sp;
  }
  if (c.contains("resourcePolicy")) {
    auto rp = parse_policy(c.at("resourcePolicy"), "resource");
    if (!rp) return rp.error();
    ps.resource = *rp;
  }
  const auto scps = c.value("serviceControlPolicies", Json::array());
  if (!scps.empty()) {
    auto o = org(scps, "scp");
    if (!o) return o.error();
    o->applies_to_account = r.principal.account;
    ps.scps = std::move(*o);
  }
  const auto rcps = c.value("resourceControlPolicies", Json::array());
  if (!rcps.empty()) {
    auto o = org(rcps, "rcp");
    if (!o) return o.error();
    o->applies_to_account = r.resource_account;
    ps.rcps = std::move(*o);
  }
  auto ep = policies(c.value("endpointPolicies", Json::array()), "vpc_endpoint");
  if (!ep) return ep.error();
  ps.endpoint = std::move(*ep);
  return std::make_pair(std::move(r), std::move(ps));
}

std::string expected_of(const Json& c) {
  const std::string r = c.at("expected").value("response", "");
  if (r == "Allowed") return "allow";
  if (r == "ExplicitlyDenied") return "deny";
  return "implicit_deny";
}

TEST(IamSimulateFixtures, StrictCasesAreFound) {
  // 229 Strict-mode cases in the fixtures, minus the listed skips.
  auto j = read_json_file(std::string(RAMPART_SOURCE_DIR) + "/src/engine/iam/iam_simulate_skips.json");
  ASSERT_TRUE(j.ok());
  EXPECT_EQ(load_cases().size() + j->at("skips").size(), 229u);
}

class IamSimulateTest : public ::testing::TestWithParam<SimCase> {};

TEST_P(IamSimulateTest, StrictModeDecision) {
  const auto& c = GetParam();
  auto in = convert(c.data);
  ASSERT_TRUE(in.ok()) << in.error().message;
  const auto e = evaluate(in->first, in->second);
  EXPECT_EQ(std::string(to_string(e.decision)), expected_of(c.data))
      << c.name << ": " << e.reason << (e.deciding ? " @ " + e.deciding->describe() : "");
}

INSTANTIATE_TEST_SUITE_P(Fixtures, IamSimulateTest, ::testing::ValuesIn(load_cases()),
                         [](const auto& info) {
                           return sanitize(info.param.name) + "_" +
                                  std::to_string(info.index);
                         });

}  // namespace
}  // namespace rampart::iam
