// The ec2 collector over recordings from moto: testdata/ec2/cases.json, one GoogleTest
// case per entry (see netcompute_cases.h for the format).
#include "collect/netcompute_cases.h"

namespace rampart::collect::testing::netcompute {
namespace {

class Ec2Collector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(Ec2Collector, EmitsWhatTheRecordingHolds) { run_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, Ec2Collector, ::testing::ValuesIn(load_cases("ec2")), case_name);

}  // namespace
}  // namespace rampart::collect::testing::netcompute
