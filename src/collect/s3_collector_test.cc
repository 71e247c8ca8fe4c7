// Data-driven tests of the S3 and S3 Control collectors: testdata/s3/ and testdata/s3control/
// (recorded_case.h describes the case files).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class S3Cases : public ::testing::TestWithParam<RecordedCase> {};
TEST_P(S3Cases, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Recorded, S3Cases, ::testing::ValuesIn(load_recorded_cases("s3")),
                         [](const auto& info) { return info.param.name; });

class S3ControlCases : public ::testing::TestWithParam<RecordedCase> {};
TEST_P(S3ControlCases, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Recorded, S3ControlCases,
                         ::testing::ValuesIn(load_recorded_cases("s3control")),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace rampart::collect::testing
