// The cloudtrail collector over recordings from moto: every testdata/cloudtrail/*.json case file is one
// GoogleTest case (format in recorded_case.h).
#include <algorithm>

#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class CloudTrailCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(CloudTrailCollector, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, CloudTrailCollector,
                         ::testing::ValuesIn(load_recorded_cases("cloudtrail")),
                         [](const auto& info) { return info.param.name; });

TEST(CloudTrailCollectorSpec, RegisteredAsRegional) {
  const CollectorSpec* spec = find_collector("cloudtrail");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->scope, Scope::Regional);
}

// A trail seen from a region that is not its home is left to the home region's task: no
// per-trail call is made from the other region (moto and AWS fail them there).
TEST(CloudTrailCollectorShadow, NoPerTrailCallsOutsideHomeRegion) {
  const auto cases = load_recorded_cases("cloudtrail");
  const auto it = std::find_if(cases.begin(), cases.end(),
                               [](const RecordedCase& c) { return c.name == "shadow_trail"; });
  ASSERT_NE(it, cases.end());
  const Json doc = read_json_file(it->path);
  FakeTask task("123456789012", "eu-west-1");
  add_responses(task, read_json_file(it->path.parent_path() / doc["base"].get<std::string>())["responses"]);
  find_collector("cloudtrail")->collect(task);
  ASSERT_EQ(task.calls.size(), 1u);
  EXPECT_EQ(task.calls[0].first, "cloudtrail:DescribeTrails");
  EXPECT_EQ(task.calls[0].second, Json::parse(R"({"includeShadowTrails": true})"));
}

}  // namespace
}  // namespace rampart::collect::testing
