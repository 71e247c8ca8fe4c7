#include "aws/core/timestamp.h"

#include <gtest/gtest.h>

namespace rampart::aws {
namespace {

TEST(Timestamp, ParsesIso8601WithOffsetsAndFractions) {
  EXPECT_EQ(parse_iso8601("2019-12-16T22:48:18-01:00")->seconds, 1576540098);
  EXPECT_EQ(parse_iso8601("2019-12-17T00:48:18+01:00")->seconds, 1576540098);
  auto t = parse_iso8601("2014-04-29T18:30:38.123Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->seconds, 1398796238);
  EXPECT_EQ(t->nanos, 123000000);
  EXPECT_FALSE(parse_iso8601("2014-13-29T18:30:38Z"));
  EXPECT_FALSE(parse_iso8601("yesterday"));
}

TEST(Timestamp, ParsesRfc822AndEpoch) {
  EXPECT_EQ(parse_rfc822("Tue, 29 Apr 2014 18:30:38 GMT")->seconds, 1398796238);
  EXPECT_EQ(parse_epoch("1398796238")->seconds, 1398796238);
  auto t = parse_epoch("1398796238.5");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->nanos, 500000000);
}

TEST(Timestamp, RejectsRfc822WithOverlongDay) {
  // Found by the parse fuzzer: a long digit run as the day overflowed int.
  EXPECT_FALSE(parse_rfc822("2844345609 Apr 2014 18:30:38 GMT"));
  EXPECT_FALSE(parse_rfc822("123 Apr 2014 18:30:38 GMT"));
  EXPECT_EQ(parse_rfc822("9 Apr 2014 18:30:38 GMT")->seconds, 1397068238);
}

TEST(Timestamp, RejectsEpochBeyondRange) {
  // Found by the parse fuzzer: 1.4e26 seconds overflowed the int64 conversion.
  EXPECT_FALSE(parse_epoch("142217000000000000000000000"));
  EXPECT_FALSE(parse_epoch("-1e20"));
  EXPECT_EQ(parse_epoch("1e9")->seconds, 1000000000);
}

TEST(Timestamp, Formats) {
  Timestamp t{1398796238, 0};
  EXPECT_EQ(format_iso8601(t), "2014-04-29T18:30:38Z");
  EXPECT_EQ(format_rfc822(t), "Tue, 29 Apr 2014 18:30:38 GMT");
  EXPECT_EQ(format_iso8601(Timestamp{1398796238, 120000000}), "2014-04-29T18:30:38.12Z");
  EXPECT_EQ(format_epoch(Timestamp{1398796238, 500000000}), "1398796238.5");
  EXPECT_EQ(format_iso8601(Timestamp{-1, 0}), "1969-12-31T23:59:59Z");
}

}  // namespace
}  // namespace rampart::aws
