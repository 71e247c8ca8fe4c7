// Unit tests of the canonicalization pieces beyond what the AWS suites cover.
#include "aws/sigv4/canonical.h"

#include <gtest/gtest.h>

namespace rampart::aws::sigv4 {
namespace {

TEST(NormalizeUriPath, RemovesDotSegmentsAndEmptySegments) {
  EXPECT_EQ(normalize_uri_path(""), "/");
  EXPECT_EQ(normalize_uri_path("/"), "/");
  EXPECT_EQ(normalize_uri_path("//"), "/");
  EXPECT_EQ(normalize_uri_path("/a/b/../c"), "/a/c");
  EXPECT_EQ(normalize_uri_path("/a/b/.."), "/a/");
  EXPECT_EQ(normalize_uri_path("/a/./b/."), "/a/b/");
  EXPECT_EQ(normalize_uri_path("/../../a"), "/a");
  EXPECT_EQ(normalize_uri_path("//a///b//"), "/a/b/");
  EXPECT_EQ(normalize_uri_path("/a/..b/.c"), "/a/..b/.c");
  EXPECT_EQ(normalize_uri_path("a/b"), "/a/b");
}

TEST(CanonicalUri, DoubleEncodesForServicesOtherThanS3) {
  EXPECT_EQ(canonical_uri("/a%3Ab/c d", true, true), "/a%253Ab/c%20d");
  EXPECT_EQ(canonical_uri("/a+b=c", true, true), "/a%2Bb%3Dc");
  EXPECT_EQ(canonical_uri("", true, true), "/");
  EXPECT_EQ(canonical_uri("/x/../y//", false, true), "/x/../y//");
}

TEST(CanonicalUri, S3EncodesTheKeyExactlyOnce) {
  EXPECT_EQ(canonical_uri("/bucket/my%20key", false, false), "/bucket/my%20key");
  EXPECT_EQ(canonical_uri("/bucket/my key", false, false), "/bucket/my%20key");
  EXPECT_EQ(canonical_uri("/b/a//b/../c", false, false), "/b/a//b/../c");
  EXPECT_EQ(canonical_uri("/b/%E1%88%b4", false, false), "/b/%E1%88%B4");
}

TEST(CanonicalQuery, DecodesReencodesAndSorts) {
  EXPECT_EQ(canonical_query(""), "");
  EXPECT_EQ(canonical_query("b=2&a=1"), "a=1&b=2");
  EXPECT_EQ(canonical_query("a=2&a=1&a=10"), "a=1&a=10&a=2");
  EXPECT_EQ(canonical_query("flag&x="), "flag=&x=");
  EXPECT_EQ(canonical_query("k=a%2fb&s=a b&p=a+b"), "k=a%2Fb&p=a%2Bb&s=a%20b");
  EXPECT_EQ(canonical_query("&&a=1&"), "a=1");
  EXPECT_EQ(canonical_query("x=%7e"), "x=~");
  // Sorting uses the encoded form: '%' (0x25) sorts before letters.
  EXPECT_EQ(canonical_query("Z=1&%C3%A9=2"), "%C3%A9=2&Z=1");
  // A lone '%' that is not an escape is kept and then encoded.
  EXPECT_EQ(canonical_query("a=100%"), "a=100%25");
}

TEST(CanonicalHeaderValue, TrimsAndCollapsesWhitespace) {
  EXPECT_EQ(canonical_header_value("  a   b \t c  "), "a b c");
  EXPECT_EQ(canonical_header_value("value1\n  value2"), "value1 value2");
  EXPECT_EQ(canonical_header_value(""), "");
  EXPECT_EQ(canonical_header_value("   "), "");
}

TEST(CanonicalizeHeaders, MergesSortsAndSkipsTransportHeaders) {
  Headers h = {{"X-B", "2"},         {"host", "h"},          {"x-b", " 1 "},
               {"User-Agent", "ua"}, {"Authorization", "x"}, {"A", ""}};
  CanonicalHeaders c = canonicalize_headers(h);
  EXPECT_EQ(c.block, "a:\nhost:h\nx-b:2,1\n");
  EXPECT_EQ(c.signed_headers, "a;host;x-b");
  EXPECT_EQ(canonicalize_headers({}).block, "");
  EXPECT_TRUE(is_unsigned_header("user-agent"));
  EXPECT_FALSE(is_unsigned_header("x-amz-date"));
}

}  // namespace
}  // namespace rampart::aws::sigv4
