// The sns collector over recordings from moto: every testdata/sns/*.json case file is one
// GoogleTest case (format in recorded_case.h).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class SnsCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(SnsCollector, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, SnsCollector,
                         ::testing::ValuesIn(load_recorded_cases("sns")),
                         [](const auto& info) { return info.param.name; });

TEST(SnsCollectorSpec, RegisteredAsRegional) {
  const CollectorSpec* spec = find_collector("sns");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->scope, Scope::Regional);
}

}  // namespace
}  // namespace rampart::collect::testing
