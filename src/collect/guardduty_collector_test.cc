// The guardduty collector over recordings from moto: every testdata/guardduty/*.json case file is one
// GoogleTest case (format in recorded_case.h).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class GuardDutyCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(GuardDutyCollector, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, GuardDutyCollector,
                         ::testing::ValuesIn(load_recorded_cases("guardduty")),
                         [](const auto& info) { return info.param.name; });

TEST(GuardDutyCollectorSpec, RegisteredAsRegional) {
  const CollectorSpec* spec = find_collector("guardduty");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->scope, Scope::Regional);
}

}  // namespace
}  // namespace rampart::collect::testing
