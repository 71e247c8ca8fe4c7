// The cloudwatch collector over recordings from moto: every testdata/cloudwatch/*.json case file is one
// GoogleTest case (format in recorded_case.h).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class CloudWatchCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(CloudWatchCollector, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, CloudWatchCollector,
                         ::testing::ValuesIn(load_recorded_cases("cloudwatch")),
                         [](const auto& info) { return info.param.name; });

TEST(CloudWatchCollectorSpec, RegisteredAsRegional) {
  const CollectorSpec* spec = find_collector("cloudwatch");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->scope, Scope::Regional);
}

}  // namespace
}  // namespace rampart::collect::testing
