// The accessanalyzer collector over recordings from moto: every testdata/accessanalyzer/*.json case file is one
// GoogleTest case (format in recorded_case.h).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class AccessAnalyzerCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(AccessAnalyzerCollector, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, AccessAnalyzerCollector,
                         ::testing::ValuesIn(load_recorded_cases("accessanalyzer")),
                         [](const auto& info) { return info.param.name; });

TEST(AccessAnalyzerCollectorSpec, RegisteredAsRegional) {
  const CollectorSpec* spec = find_collector("accessanalyzer");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->scope, Scope::Regional);
}

}  // namespace
}  // namespace rampart::collect::testing
