// Data-driven tests of the kms collector: the cases of testdata/kms/ (recorded_case.h).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class KmsCases : public ::testing::TestWithParam<RecordedCase> {};
TEST_P(KmsCases, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Recorded, KmsCases, ::testing::ValuesIn(load_recorded_cases("kms")),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace rampart::collect::testing
