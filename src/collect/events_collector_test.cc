// The events collector over recordings from moto: every testdata/events/*.json case file is one
// GoogleTest case (format in recorded_case.h).
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class EventsCollector : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(EventsCollector, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Recorded, EventsCollector,
                         ::testing::ValuesIn(load_recorded_cases("events")),
                         [](const auto& info) { return info.param.name; });

TEST(EventsCollectorSpec, RegisteredAsRegional) {
  const CollectorSpec* spec = find_collector("events");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->scope, Scope::Regional);
}

}  // namespace
}  // namespace rampart::collect::testing
