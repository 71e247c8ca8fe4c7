// Document / resource merge rules (merge.h).
#include "inventory/merge.h"

#include <gtest/gtest.h>

#include "inventory/test_support.h"

namespace rampart::inventory {
namespace {

using testing::make_resource;
using testing::unknown_entry;

TEST(MergeJson, ObjectsMergeRecursivelyLaterNonNullWins) {
  Json into = {{"a", 1}, {"o", {{"x", 1}, {"y", 2}}}, {"list", {1, 2}}};
  merge_json(into, Json{{"b", 2}, {"o", {{"y", 3}, {"z", 4}}}, {"list", {3}}});
  EXPECT_EQ(into, (Json{{"a", 1}, {"b", 2}, {"o", {{"x", 1}, {"y", 3}, {"z", 4}}}, {"list", {3}}}));
}

TEST(MergeJson, NullFillsMissingButNeverErasesAValue) {
  Json into = {{"Policy", {{"Version", "2012-10-17"}}}, {"o", {{"x", 1}}}};
  merge_json(into, Json{{"Policy", nullptr}, {"Replication", nullptr}, {"o", {{"x", nullptr}}}});
  EXPECT_EQ(into["Policy"]["Version"], "2012-10-17");
  EXPECT_EQ(into["o"]["x"], 1);
  ASSERT_TRUE(into.contains("Replication"));
  EXPECT_TRUE(into["Replication"].is_null());
}

TEST(MergeResource, IdentityFieldsTagsAndLaterNonEmptyWin) {
  Resource a = make_resource("s3:bucket", "us-east-1", "b");
  a.arn = "arn:aws:s3:::b";
  a.name = "old";
  a.tags = {{"env", "prod"}, {"team", "a"}};
  Resource b = make_resource("s3:bucket", "us-east-1", "b");
  b.name = "new";
  b.tags = {{"team", "b"}};
  merge_resource(a, b);
  EXPECT_EQ(a.arn, "arn:aws:s3:::b");
  EXPECT_EQ(a.name, "new");
  EXPECT_EQ(a.tags, (Json{{"env", "prod"}, {"team", "b"}}));
}

TEST(MergeResource, UnknownEntriesUnion) {
  Resource a = make_resource("s3:bucket", "us-east-1", "b");
  a.unknown["Policy"] = unknown_entry("GetBucketPolicy");
  Resource b = make_resource("s3:bucket", "us-east-1", "b");
  b.unknown["Acl"] = unknown_entry("GetBucketAcl");
  merge_resource(a, b);
  EXPECT_TRUE(a.unknown.contains("Policy"));
  EXPECT_TRUE(a.unknown.contains("Acl"));
}

TEST(MergeResource, UnknownBecomesKnown) {
  Resource a = make_resource("s3:bucket", "us-east-1", "b");
  a.unknown["Policy"] = unknown_entry("GetBucketPolicy");
  Resource b = make_resource("s3:bucket", "us-east-1", "b", {{"Policy", {{"Statement", Json::array()}}}});
  merge_resource(a, b);
  EXPECT_FALSE(a.unknown.contains("Policy"));
  EXPECT_TRUE(a.document["Policy"].is_object());
}

TEST(MergeResource, UnknownBecomesAbsentWhenALaterCallSaysNotConfigured) {
  Resource a = make_resource("s3:bucket", "us-east-1", "b");
  a.unknown["Policy"] = unknown_entry("GetBucketPolicy");
  Resource b = make_resource("s3:bucket", "us-east-1", "b", {{"Policy", nullptr}});
  merge_resource(a, b);
  EXPECT_FALSE(a.unknown.contains("Policy"));
  EXPECT_TRUE(a.document["Policy"].is_null());
}

TEST(MergeResource, KnownValueIsNeverTurnedUnknownByALaterFailure) {
  Resource a = make_resource("s3:bucket", "us-east-1", "b", {{"Versioning", {{"Status", "Enabled"}}}});
  Resource b = make_resource("s3:bucket", "us-east-1", "b");
  b.unknown["Versioning"] = unknown_entry("GetBucketVersioning");
  merge_resource(a, b);
  EXPECT_FALSE(a.unknown.contains("Versioning"));
  EXPECT_EQ(a.document["Versioning"]["Status"], "Enabled");
}

TEST(MergeResource, AbsentThenFailedStaysUnknown) {
  Resource a = make_resource("s3:bucket", "us-east-1", "b", {{"Policy", nullptr}});
  Resource b = make_resource("s3:bucket", "us-east-1", "b");
  b.unknown["Policy"] = unknown_entry("GetBucketPolicy");
  merge_resource(a, b);
  EXPECT_TRUE(a.unknown.contains("Policy"));
}

TEST(MergeResource, DropKnownFromUnknown) {
  Resource a = make_resource("ec2:instance", "us-east-1", "i-1", {{"UserData", "x"}, {"Absent", nullptr}});
  a.unknown["UserData"] = unknown_entry("DescribeInstanceAttribute");
  a.unknown["Absent"] = unknown_entry("X");
  drop_known_from_unknown(a);
  EXPECT_FALSE(a.unknown.contains("UserData"));
  EXPECT_TRUE(a.unknown.contains("Absent"));
}

}  // namespace
}  // namespace rampart::inventory
