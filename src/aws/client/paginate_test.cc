#include "aws/client/paginate.h"

#include <array>

#include <gtest/gtest.h>

namespace rampart::aws {
namespace {

TEST(Paginate, EvaluatesBotocoreTokenExpressions) {
  Json page = Json::parse(R"({"NextMarker": "", "Contents": [{"Key": "a"}, {"Key": "b"}],
                              "ListBucketResult": {"NextMarker": "m"}})");
  EXPECT_EQ(eval_token_expression(page, "NextMarker || Contents[-1].Key"), "b");
  EXPECT_EQ(eval_token_expression(page, "ListBucketResult.NextMarker"), "m");
  EXPECT_EQ(eval_token_expression(page, "Contents[0].Key"), "a");
  EXPECT_TRUE(eval_token_expression(page, "Missing").is_null());
  EXPECT_TRUE(eval_token_expression(page, "Contents[5].Key").is_null());
}

TEST(Paginate, FollowsTokensAndStopsOnLastPage) {
  constexpr std::array<std::string_view, 1> in{"Marker"};
  constexpr std::array<std::string_view, 1> out{"Marker"};
  constexpr std::array<std::string_view, 1> keys{"Users"};
  Paginator p{"ListUsers", in, out, keys, "MaxItems", "IsTruncated"};
  Json params = Json::object();
  auto next = next_page_params(p, params, Json::parse(R"({"IsTruncated": true, "Marker": "t1", "Users": [1]})"));
  ASSERT_TRUE(next);
  EXPECT_EQ((*next)["Marker"], "t1");
  EXPECT_FALSE(next_page_params(p, *next, Json::parse(R"({"IsTruncated": false, "Users": [2]})")));
  // A token that does not change would loop forever: stop.
  EXPECT_FALSE(next_page_params(p, *next, Json::parse(R"({"IsTruncated": true, "Marker": "t1"})")));
}

TEST(Paginate, MergesResultKeysAndDropsTokens) {
  constexpr std::array<std::string_view, 1> in{"NextToken"};
  constexpr std::array<std::string_view, 1> out{"NextToken"};
  constexpr std::array<std::string_view, 1> keys{"Reservations"};
  Paginator p{"DescribeInstances", in, out, keys, "MaxResults", ""};
  Json merged;
  merge_page(p, merged, Json::parse(R"({"Reservations": [1, 2], "NextToken": "x"})"));
  merge_page(p, merged, Json::parse(R"({"Reservations": [3]})"));
  finish_merge(p, merged);
  EXPECT_EQ(merged, Json::parse(R"({"Reservations": [1, 2, 3]})"));
}

}  // namespace
}  // namespace rampart::aws
