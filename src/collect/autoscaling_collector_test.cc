// The autoscaling collector over recordings from moto: testdata/autoscaling/cases.json, one
// GoogleTest case per entry (see netcompute_cases.h for the format).
#include "collect/netcompute_cases.h"

namespace rampart::collect::testing::netcompute {
namespace {

class AutoscalingCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(AutoscalingCollector, EmitsWhatTheRecordingHolds) { run_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, AutoscalingCollector,
                         ::testing::ValuesIn(load_cases("autoscaling")), case_name);

}  // namespace
}  // namespace rampart::collect::testing::netcompute
