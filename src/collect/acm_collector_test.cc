// The acm collector over recordings from moto: testdata/acm/cases.json, one GoogleTest
// case per entry (see netcompute_cases.h for the format).
#include "collect/netcompute_cases.h"

namespace rampart::collect::testing::netcompute {
namespace {

class AcmCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(AcmCollector, EmitsWhatTheRecordingHolds) { run_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, AcmCollector, ::testing::ValuesIn(load_cases("acm")), case_name);

}  // namespace
}  // namespace rampart::collect::testing::netcompute
