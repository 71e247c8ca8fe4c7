#include <gtest/gtest.h>

#include "collect/collector.h"

namespace rampart::collect {
namespace {

TEST(Tags, ReadsEveryShapeAwsUses) {
  EXPECT_EQ(tags_from_list(Json::parse(R"([{"Key": "Name", "Value": "web"}, {"Key": "Env"}])")),
            Json::parse(R"({"Name": "web", "Env": ""})"));
  EXPECT_EQ(tags_from_list(Json::parse(R"([{"key": "a", "value": "b"}])")), Json::parse(R"({"a": "b"})"));
  EXPECT_EQ(tags_from_list(Json::parse(R"({"a": "b", "n": 1})")), Json::parse(R"({"a": "b"})"));
  EXPECT_EQ(tags_from_list(Json()), Json::object());
  EXPECT_EQ(name_tag(Json::parse(R"({"Name": "web"})")), "web");
  EXPECT_EQ(name_tag(Json::object()), "");
}

}  // namespace
}  // namespace rampart::collect
