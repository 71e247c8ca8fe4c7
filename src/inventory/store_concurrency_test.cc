// write_batch from 8 threads at once (one transaction each, nothing lost, merges of a shared
// resource all applied). The write rate is measured in bench/inventory, not here.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "inventory/store.h"
#include "inventory/test_support.h"

namespace rampart::inventory {
namespace {

using testing::make_error_row;
using testing::make_resource;
using testing::TempDir;

Resource synthetic(int thread, int batch, int n) {
  std::string id = "sg-" + std::to_string(thread) + "-" + std::to_string(batch) + "-" + std::to_string(n);
  Resource r = make_resource("ec2:security-group", n % 2 == 0 ? "us-east-1" : "eu-west-1", id,
                             {{"GroupId", id},
                              {"GroupName", "group " + id},
                              {"VpcId", "vpc-0123456789abcdef0"},
                              {"IpPermissions",
                               {{{"IpProtocol", "tcp"}, {"FromPort", 443}, {"ToPort", 443},
                                 {"IpRanges", {{{"CidrIp", "0.0.0.0/0"}}}}}}}});
  r.arn = "arn:aws:ec2:us-east-1:123456789012:security-group/" + id;
  r.tags = {{"Name", id}, {"env", "prod"}};
  return r;
}

TEST(SqliteStoreConcurrency, EightThreadsWriteBatches) {
  TempDir dir;
  auto opened = open_sqlite_store(dir.file("r.db"));
  ASSERT_TRUE(opened.ok());
  Store& store = **opened;
  auto scan = store.begin_scan(ScanInfo{0, "123456789012", "", "", "t", {}, Json::object(),
                                        ScanStatus::Running});
  ASSERT_TRUE(scan.ok());
  constexpr int kThreads = 8, kBatches = 10, kPerBatch = 100;
  std::vector<std::thread> threads;
  std::vector<int> failures(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int b = 0; b < kBatches; ++b) {
        Batch batch;
        for (int n = 0; n < kPerBatch; ++n) batch.resources.push_back(synthetic(t, b, n));
        // Every thread also describes one shared resource: its attributes must all survive.
        batch.resources.push_back(make_resource(
            "s3:bucket", "global", "shared",
            {{"T" + std::to_string(t) + "B" + std::to_string(b), true}}));
        batch.errors.push_back(make_error_row("us-east-1", "ec2", "Op" + std::to_string(t)));
        if (!store.write_batch(*scan, batch).ok()) ++failures[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
  ASSERT_TRUE(store.finish_scan(*scan).ok());
  auto snap = store.load(*scan);
  ASSERT_TRUE(snap.ok());
  EXPECT_EQ(snap->resources.size(), static_cast<std::size_t>(kThreads * kBatches * kPerBatch + 1));
  EXPECT_EQ(snap->errors.size(), static_cast<std::size_t>(kThreads * kBatches));
  std::set<std::string> ids;
  for (const auto& r : snap->resources) ids.insert(r.id);
  EXPECT_EQ(ids.size(), snap->resources.size());
  const Resource* shared = nullptr;
  for (const auto& r : snap->resources) {
    if (r.id == "shared") shared = &r;
  }
  ASSERT_NE(shared, nullptr);
  EXPECT_EQ(shared->document.size(), static_cast<std::size_t>(kThreads * kBatches));
}

}  // namespace
}  // namespace rampart::inventory
