// The backup collector over recordings from moto: every testdata/backup/*.json case file is one
// GoogleTest case (format in recorded_case.h).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class BackupCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(BackupCollector, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, BackupCollector,
                         ::testing::ValuesIn(load_recorded_cases("backup")),
                         [](const auto& info) { return info.param.name; });

TEST(BackupCollectorSpec, RegisteredAsRegional) {
  const CollectorSpec* spec = find_collector("backup");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->scope, Scope::Regional);
}

}  // namespace
}  // namespace rampart::collect::testing
