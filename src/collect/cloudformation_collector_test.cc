// The cloudformation collector over recordings from moto: every testdata/cloudformation/*.json case file is one
// GoogleTest case (format in recorded_case.h).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class CloudFormationCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(CloudFormationCollector, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, CloudFormationCollector,
                         ::testing::ValuesIn(load_recorded_cases("cloudformation")),
                         [](const auto& info) { return info.param.name; });

TEST(CloudFormationCollectorSpec, RegisteredAsRegional) {
  const CollectorSpec* spec = find_collector("cloudformation");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->scope, Scope::Regional);
}

}  // namespace
}  // namespace rampart::collect::testing
