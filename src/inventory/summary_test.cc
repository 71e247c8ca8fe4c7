// inventory_summary on a small hand-written snapshot (testdata/summary_snapshot.json, read as
// an uncompressed snapshot document). Expected numbers are counted by hand from the fixture.
#include <gtest/gtest.h>

#include <fstream>

#include "inventory/codec.h"
#include "inventory/store.h"

namespace rampart::inventory {
namespace {

Snapshot fixture() {
  std::ifstream in(std::string(RAMPART_SOURCE_DIR) + "/src/inventory/testdata/summary_snapshot.json");
  Json doc = Json::parse(in, nullptr, false);
  EXPECT_TRUE(doc.is_object());
  Snapshot s;
  auto scan = scan_info_from_json(doc["scan"], "scan");
  EXPECT_TRUE(scan.ok());
  if (scan.ok()) s.scan = *scan;
  for (const auto& r : doc["resources"]) {
    auto res = resource_from_json(r, "resource");
    EXPECT_TRUE(res.ok()) << (res.ok() ? "" : res.error().message);
    if (res.ok()) s.resources.push_back(*res);
  }
  for (const auto& e : doc["errors"]) {
    auto err = collection_error_from_json(e, "error");
    EXPECT_TRUE(err.ok());
    if (err.ok()) s.errors.push_back(*err);
  }
  return s;
}

std::int64_t type_region_count(const Json& summary, std::string_view type, std::string_view region) {
  for (const auto& row : summary["by_type_region"]) {
    if (row["type"] == type && row["region"] == region) return row["count"].get<std::int64_t>();
  }
  return -1;
}

TEST(InventorySummary, CountsTheFixture) {
  Json s = inventory_summary(fixture());
  EXPECT_EQ(s["resources"], 19);
  EXPECT_EQ(s["scan"]["account"], "123456789012");

  EXPECT_EQ(type_region_count(s, "ec2:instance", "us-east-1"), 2);
  EXPECT_EQ(type_region_count(s, "ec2:instance", "eu-west-1"), 2);
  EXPECT_EQ(type_region_count(s, "s3:bucket", "eu-west-1"), 2);
  EXPECT_EQ(type_region_count(s, "iam:user", "global"), 2);
  EXPECT_EQ(type_region_count(s, "iam:user", "us-east-1"), -1);
  EXPECT_EQ(s["by_type_region"].size(), 14u);
  EXPECT_EQ(s["by_service"]["ec2"], 6);
  EXPECT_EQ(s["by_service"]["iam"], 4);

  const Json& ec2 = s["ec2_instances"];
  EXPECT_EQ(ec2["total"], 4);
  EXPECT_EQ(ec2["by_instance_type"], (Json{{"t3.micro", 2}, {"r6i.xlarge", 1}, {"unknown", 1}}));
  EXPECT_EQ(ec2["by_state"], (Json{{"running", 2}, {"stopped", 1}, {"unknown", 1}}));
  EXPECT_EQ(ec2["by_region"], (Json{{"us-east-1", 2}, {"eu-west-1", 2}}));

  const Json& rds = s["rds"];
  EXPECT_EQ(rds["db_instances"], 3);
  EXPECT_EQ(rds["db_clusters"], 1);
  EXPECT_EQ(rds["engines"],
            (Json{{{"engine", "mysql"}, {"engine_version", "8.0.35"}, {"count", 1}},
                  {{"engine", "postgres"}, {"engine_version", "15.4"}, {"count", 2}}}));
  EXPECT_EQ(rds["by_status"], (Json{{"available", 2}, {"stopped", 1}}));
  EXPECT_EQ(rds["instances"].size(), 3u);

  EXPECT_EQ(s["s3_buckets"]["total"], 3);
  EXPECT_EQ(s["s3_buckets"]["by_region"], (Json{{"us-east-1", 1}, {"eu-west-1", 2}}));
  EXPECT_EQ(s["iam"], (Json{{"users", 2}, {"roles", 1}, {"groups", 1}, {"policies", 0}}));
  EXPECT_EQ(s["security_groups"], 2);
  EXPECT_EQ(s["cloudformation_stacks"]["total"], 2);
  EXPECT_EQ(s["cloudformation_stacks"]["by_status"]["UPDATE_ROLLBACK_COMPLETE"], 1);

  EXPECT_EQ(s["collection_errors"]["total"], 3);
  EXPECT_EQ(s["collection_errors"]["by_operation"],
            (Json{{{"service", "ec2"}, {"operation", "DescribeFlowLogs"}, {"count", 1}},
                  {{"service", "s3"}, {"operation", "GetBucketPolicy"}, {"count", 2}}}));
}

TEST(InventorySummary, EmptySnapshot) {
  Json s = inventory_summary(Snapshot{});
  EXPECT_EQ(s["resources"], 0);
  EXPECT_TRUE(s["by_type_region"].empty());
  EXPECT_EQ(s["ec2_instances"]["total"], 0);
  EXPECT_EQ(s["collection_errors"]["total"], 0);
}

}  // namespace
}  // namespace rampart::inventory
