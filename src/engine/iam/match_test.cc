// Wildcard, action and ARN matching.
#include "engine/iam/match.h"

#include <gtest/gtest.h>

namespace rampart::iam {
namespace {

TEST(Glob, StarAndQuestion) {
  EXPECT_TRUE(glob_match("a*c", "abbbc"));
  EXPECT_TRUE(glob_match("a*c", "ac"));
  EXPECT_FALSE(glob_match("a*c", "abd"));
  EXPECT_TRUE(glob_match("file-?.txt", "file-1.txt"));
  EXPECT_FALSE(glob_match("file-?.txt", "file-10.txt"));
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_FALSE(glob_match("?", ""));
  EXPECT_TRUE(glob_match("*a*b*c*", "xxaxxbxxcxx"));
  EXPECT_FALSE(glob_match("abc", "ABC"));
  EXPECT_TRUE(glob_match("abc", "ABC", true));
}

TEST(Glob, LiteralMaskDisablesWildcards) {
  Pattern p{"a*b", {false, true, false}};
  EXPECT_TRUE(glob_match(p, "a*b"));
  EXPECT_FALSE(glob_match(p, "axxb"));
  Pattern q{"a?b", {false, true, false}};
  EXPECT_FALSE(glob_match(q, "axb"));
}

TEST(Action, CaseInsensitiveWithWildcards) {
  EXPECT_TRUE(action_matches("S3:getobject", "s3:GetObject"));
  EXPECT_TRUE(action_matches("iam:*AccessKey*", "iam:CreateAccessKey"));
  EXPECT_FALSE(action_matches("iam:*AccessKey*", "iam:CreateUser"));
  EXPECT_FALSE(action_matches("ec2:*", "ecs:RunTask"));
  EXPECT_TRUE(action_matches("*", "anything:AtAll"));
  EXPECT_FALSE(action_matches("s3:GetBucket   ", "s3:GetBucket"));
  EXPECT_FALSE(action_matches("s3:", "s3:GetBucket"));
}

TEST(Arn, SegmentsAndResourcePart) {
  EXPECT_TRUE(arn_matches("arn:aws:s3:::bucket-a/*", "arn:aws:s3:::bucket-a/a/b/c.txt"));
  EXPECT_TRUE(arn_matches("arn:aws:s3:::*log*", "arn:aws:s3:::carlossalazar-logs/file.txt"));
  EXPECT_TRUE(arn_matches("arn:aws:iam::*:role/app-*", "arn:aws:iam::111111111111:role/app-w"));
  EXPECT_FALSE(arn_matches("arn:aws:s3:::MyBucket/*", "arn:aws:s3:::mybucket/key"));
  EXPECT_TRUE(arn_matches("*", "arn:aws:s3:::x"));
  // A wildcard in the region segment does not swallow the account segment.
  EXPECT_FALSE(arn_matches("arn:aws:ec2:*:111111111111:instance/*",
                           "arn:aws:ec2:us-east-1:222222222222:instance/i-1"));
  EXPECT_TRUE(arn_matches("arn:aws:ec2:*:111111111111:instance/*",
                          "arn:aws:ec2:us-east-1:111111111111:instance/i-1"));
  // The resource part may contain ':' (Lambda versions, ECS task definitions).
  EXPECT_TRUE(arn_matches("arn:aws:lambda:*:*:function:f*", "arn:aws:lambda:eu-west-1:1:function:f:1"));
  // Request resources are literal: "*" as a request matches only a pattern covering it.
  EXPECT_FALSE(arn_matches("arn:aws:s3:::my-bucket", "*"));
  // '?' is one character within a segment: it never replaces the ':' between two segments
  // (found by the differential test against iam-simulate).
  EXPECT_FALSE(arn_matches("arn:aws:sqs:us-east-1?222222222222:orders",
                           "arn:aws:sqs:us-east-1:222222222222:orders"));
  EXPECT_TRUE(arn_matches("arn:aws:sqs:us-east-?:222222222222:orders",
                          "arn:aws:sqs:us-east-1:222222222222:orders"));
  EXPECT_TRUE(arn_matches("arn:aws:sqs:*", "arn:aws:sqs:us-east-1:222222222222:orders"));
}

TEST(Arn, Parse) {
  Arn a;
  ASSERT_TRUE(parse_arn("arn:aws:sqs:us-east-1:111111111111:queue:x", a));
  EXPECT_EQ(a.service, "sqs");
  EXPECT_EQ(a.account, "111111111111");
  EXPECT_EQ(a.resource, "queue:x");
  EXPECT_FALSE(parse_arn("not-an-arn", a));
}

}  // namespace
}  // namespace rampart::iam
