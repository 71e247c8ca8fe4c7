// Data-driven tests of the rds collector: the cases of testdata/rds/ (recorded_case.h).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class RdsCases : public ::testing::TestWithParam<RecordedCase> {};
TEST_P(RdsCases, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Recorded, RdsCases, ::testing::ValuesIn(load_recorded_cases("rds")),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace rampart::collect::testing
