// Data-driven tests of the secretsmanager collector: the cases of testdata/secretsmanager/ (recorded_case.h).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class SecretsManagerCases : public ::testing::TestWithParam<RecordedCase> {};
TEST_P(SecretsManagerCases, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Recorded, SecretsManagerCases, ::testing::ValuesIn(load_recorded_cases("secretsmanager")),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace rampart::collect::testing
