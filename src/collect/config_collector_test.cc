// The config collector over recordings from moto: every testdata/config/*.json case file is one
// GoogleTest case (format in recorded_case.h).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class ConfigCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(ConfigCollector, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, ConfigCollector,
                         ::testing::ValuesIn(load_recorded_cases("config")),
                         [](const auto& info) { return info.param.name; });

TEST(ConfigCollectorSpec, RegisteredAsRegional) {
  const CollectorSpec* spec = find_collector("config");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->scope, Scope::Regional);
}

}  // namespace
}  // namespace rampart::collect::testing
