// read_attribute: known / absent / unknown over dotted paths and segment lists.
#include "inventory/attribute.h"

#include <gtest/gtest.h>

#include "inventory/test_support.h"

namespace rampart::inventory {
namespace {

Resource instance() {
  Resource r = testing::make_resource(
      "ec2:instance", "us-east-1", "i-1",
      {{"MetadataOptions", {{"HttpTokens", "required"}, {"HttpEndpoint", nullptr}}},
       {"SecurityGroups", {{{"GroupId", "sg-1"}}, {{"GroupId", "sg-2"}}}},
       {"IamInstanceProfile", nullptr},
       {"Parameters", {{"rds.force_ssl", {{"ParameterValue", "1"}}}}},
       {"EbsOptimized", false}});
  r.unknown["UserData"] = testing::unknown_entry("DescribeInstanceAttribute");
  return r;
}

TEST(ReadAttribute, KnownNestedValue) {
  Resource r = instance();
  AttributeRead a = read_attribute(r, "MetadataOptions.HttpTokens");
  ASSERT_TRUE(a.known());
  EXPECT_EQ(*a.value, "required");
  EXPECT_EQ(a.error, nullptr);
}

TEST(ReadAttribute, FalseIsKnown) {
  Resource r = instance();
  AttributeRead a = read_attribute(r, "EbsOptimized");
  ASSERT_TRUE(a.known());
  EXPECT_EQ(*a.value, false);
}

TEST(ReadAttribute, ArrayIndex) {
  Resource r = instance();
  AttributeRead a = read_attribute(r, "SecurityGroups.1.GroupId");
  ASSERT_TRUE(a.known());
  EXPECT_EQ(*a.value, "sg-2");
  EXPECT_TRUE(read_attribute(r, "SecurityGroups.2.GroupId").absent());
  EXPECT_TRUE(read_attribute(r, "SecurityGroups.x").absent());
}

TEST(ReadAttribute, NullAndMissingAreAbsent) {
  Resource r = instance();
  EXPECT_TRUE(read_attribute(r, "IamInstanceProfile").absent());
  EXPECT_TRUE(read_attribute(r, "IamInstanceProfile.Arn").absent());
  EXPECT_TRUE(read_attribute(r, "MetadataOptions.HttpEndpoint").absent());
  EXPECT_TRUE(read_attribute(r, "MetadataOptions.Nope").absent());
  EXPECT_TRUE(read_attribute(r, "NotThere").absent());
  EXPECT_TRUE(read_attribute(r, "EbsOptimized.Deeper").absent());
  EXPECT_EQ(read_attribute(r, "NotThere").value, nullptr);
}

TEST(ReadAttribute, FirstSegmentDecidesUnknown) {
  Resource r = instance();
  AttributeRead a = read_attribute(r, "UserData.Value");
  ASSERT_TRUE(a.unknown());
  ASSERT_NE(a.error, nullptr);
  EXPECT_EQ((*a.error)["operation"], "DescribeInstanceAttribute");
  EXPECT_EQ(a.value, nullptr);
}

TEST(ReadAttribute, KnownValueBeatsUnknownEntry) {
  Resource r = instance();
  r.unknown["EbsOptimized"] = testing::unknown_entry("X");
  EXPECT_TRUE(read_attribute(r, "EbsOptimized").known());
}

TEST(ReadAttribute, SegmentsWithDots) {
  Resource r = instance();
  AttributeRead a = read_attribute(r, {"Parameters", "rds.force_ssl", "ParameterValue"});
  ASSERT_TRUE(a.known());
  EXPECT_EQ(*a.value, "1");
  EXPECT_TRUE(read_attribute(r, "Parameters.rds.force_ssl").absent());
}

TEST(ReadAttribute, StateNames) {
  EXPECT_EQ(to_string(AttributeState::Known), "known");
  EXPECT_EQ(to_string(AttributeState::Absent), "absent");
  EXPECT_EQ(to_string(AttributeState::Unknown), "unknown");
}

}  // namespace
}  // namespace rampart::inventory
