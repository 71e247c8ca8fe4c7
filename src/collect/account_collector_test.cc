// Data-driven tests of the account collector: the cases of testdata/account/ (recorded_case.h).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class AccountCases : public ::testing::TestWithParam<RecordedCase> {};
TEST_P(AccountCases, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Recorded, AccountCases, ::testing::ValuesIn(load_recorded_cases("account")),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace rampart::collect::testing
