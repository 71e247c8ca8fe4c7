// The lambda collector over recordings from moto: every testdata/lambda/*.json case file is one
// GoogleTest case (format in recorded_case.h).
#include <algorithm>

#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class LambdaCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(LambdaCollector, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, LambdaCollector,
                         ::testing::ValuesIn(load_recorded_cases("lambda")),
                         [](const auto& info) { return info.param.name; });

TEST(LambdaCollectorSpec, RegisteredAsRegional) {
  const CollectorSpec* spec = find_collector("lambda");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->scope, Scope::Regional);
}

// No environment value reaches the inventory: not in any emitted document, tag or name.
TEST(LambdaCollectorSecrets, EnvironmentValuesNeverEmitted) {
  const auto cases = load_recorded_cases("lambda");
  const auto it = std::find_if(cases.begin(), cases.end(),
                               [](const RecordedCase& c) { return c.name == "functions"; });
  ASSERT_NE(it, cases.end());
  const Json doc = read_json_file(it->path);
  FakeTask task("123456789012", "us-east-1");
  add_responses(task, read_json_file(it->path.parent_path() / doc["base"].get<std::string>())["responses"]);
  find_collector("lambda")->collect(task);
  ASSERT_EQ(task.emitted.size(), 2u);
  for (const auto& r : task.emitted) {
    const std::string dump = r.document.dump() + r.tags.dump() + r.name + r.unknown.dump();
    for (const char* secret : {"hunter2hunter2", "AKIAIOSFODNN7EXAMPLE", "sk_live_x", "\"info\""}) {
      EXPECT_EQ(dump.find(secret), std::string::npos) << secret << " leaked from " << r.id;
    }
  }
}

}  // namespace
}  // namespace rampart::collect::testing
