// The elb collector over recordings from moto: testdata/elb/cases.json, one GoogleTest
// case per entry (see netcompute_cases.h for the format).
#include "collect/netcompute_cases.h"

namespace rampart::collect::testing::netcompute {
namespace {

class ElbCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(ElbCollector, EmitsWhatTheRecordingHolds) { run_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, ElbCollector, ::testing::ValuesIn(load_cases("elb")), case_name);

}  // namespace
}  // namespace rampart::collect::testing::netcompute
