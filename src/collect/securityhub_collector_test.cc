// The securityhub collector over recordings from moto: every testdata/securityhub/*.json case file is one
// GoogleTest case (format in recorded_case.h).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class SecurityHubCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(SecurityHubCollector, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, SecurityHubCollector,
                         ::testing::ValuesIn(load_recorded_cases("securityhub")),
                         [](const auto& info) { return info.param.name; });

TEST(SecurityHubCollectorSpec, RegisteredAsRegional) {
  const CollectorSpec* spec = find_collector("securityhub");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->scope, Scope::Regional);
}

}  // namespace
}  // namespace rampart::collect::testing
