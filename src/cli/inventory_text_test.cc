#include "cli/inventory_text.h"

#include <gtest/gtest.h>

namespace rampart::cli {
namespace {

Json sample_summary() {
  return Json::parse(R"({
    "scan": {"id": 4, "account": "123456789012", "status": "complete", "started": "2025-01-01T00:00:00Z",
             "regions": ["us-east-1", "eu-west-1"]},
    "resources": 9,
    "by_type_region": [{"type": "ec2:instance", "region": "us-east-1", "count": 2},
                       {"type": "s3:bucket", "region": "global", "count": 5}],
    "ec2_instances": {"total": 2, "by_instance_type": {"t3.micro": 1, "t3.small": 1},
                      "by_state": {"running": 2}, "by_region": {"us-east-1": 2}},
    "rds": {"db_instances": 1, "db_clusters": 0,
            "engines": [{"engine": "postgres", "engine_version": "13.7", "count": 1}],
            "instances": [{"id": "odoo-db-legacy", "region": "us-east-1", "engine": "postgres",
                           "engine_version": "13.7", "status": "available"}]},
    "s3_buckets": {"total": 5, "by_region": {"us-east-1": 5}},
    "iam": {"users": 4, "roles": 2, "groups": 1, "policies": 3},
    "security_groups": 6,
    "cloudformation_stacks": {"total": 0, "by_status": {}},
    "collection_errors": {"total": 1, "by_operation": [{"service": "s3", "operation": "GetBucketEncryption", "count": 1}]}
  })");
}

TEST(InventoryText, ReadsLikeTheSeedSummary) {
  std::string text = render_inventory_text(sample_summary());
  EXPECT_NE(text.find("- **Account ID:** 123456789012"), std::string::npos) << text;
  EXPECT_NE(text.find("- **Total Instances:** 2 instances"), std::string::npos);
  EXPECT_NE(text.find("- **Instance Types:** t3.micro (1), t3.small (1)"), std::string::npos);
  EXPECT_NE(text.find("- **States:** running (2)"), std::string::npos);
  EXPECT_NE(text.find("1. **odoo-db-legacy** - postgres 13.7 - available (us-east-1)"), std::string::npos);
  EXPECT_NE(text.find("- **Total Buckets:** 5"), std::string::npos);
  EXPECT_NE(text.find("- **IAM Users:** 4"), std::string::npos);
  EXPECT_NE(text.find("- s3 GetBucketEncryption: 1"), std::string::npos);
  EXPECT_NE(text.find("ec2:instance  us-east-1         2"), std::string::npos);
}

TEST(InventoryText, JsonLinesArePerTypeAndRegion) {
  EXPECT_EQ(render_inventory_json_lines(sample_summary()),
            "{\"count\":2,\"region\":\"us-east-1\",\"type\":\"ec2:instance\"}\n"
            "{\"count\":5,\"region\":\"global\",\"type\":\"s3:bucket\"}\n");
  EXPECT_EQ(render_inventory_json_lines(Json::object()), "");
}

TEST(InventoryText, ScansTableShowsStatusAndCounts) {
  inventory::ScanInfo a;
  a.id = 2;
  a.account = "123456789012";
  a.started = "2025-01-01T00:00:00Z";
  a.status = inventory::ScanStatus::Incomplete;
  std::string table = render_scans_table({ScanRow{a, 10, -1}});
  EXPECT_NE(table.find("STATUS"), std::string::npos);
  EXPECT_NE(table.find(std::string(inventory::to_string(inventory::ScanStatus::Incomplete))),
            std::string::npos);
  EXPECT_NE(table.find("       10       ?"), std::string::npos) << table;
}

}  // namespace
}  // namespace rampart::cli
