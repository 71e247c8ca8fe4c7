// The logs collector over recordings from moto: every testdata/logs/*.json case file is one
// GoogleTest case (format in recorded_case.h).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class LogsCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(LogsCollector, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, LogsCollector,
                         ::testing::ValuesIn(load_recorded_cases("logs")),
                         [](const auto& info) { return info.param.name; });

TEST(LogsCollectorSpec, RegisteredAsRegional) {
  const CollectorSpec* spec = find_collector("logs");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->scope, Scope::Regional);
}

}  // namespace
}  // namespace rampart::collect::testing
