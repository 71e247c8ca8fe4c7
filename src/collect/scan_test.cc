// run_collect's framework behaviour with a scripted client and an in-memory store: region
// selection, Global vs Regional tasks, fan-out on a tiny pool, batching, and failure
// containment (list errors, describe unknown/absent, throwing collectors).
#include <map>
#include <mutex>
#include <sstream>

#include <gtest/gtest.h>

#include "collect/collect_task.h"

namespace rampart::collect {
namespace {

using inventory::Resource;

// Answers by (service, operation, region); a missing entry is a 500.
class ScriptedClient final : public aws::AwsClient {
 public:
  void answer(std::string key, Result<Json> r) {
    std::lock_guard lock(mu_);
    answers_.insert_or_assign(std::move(key), std::move(r));
  }
  Result<Json> call(std::string_view service, std::string_view operation, const Json& /*params*/,
                    std::string_view region) override {
    std::lock_guard lock(mu_);
    ++calls_;
    std::string key = std::string(service) + ":" + std::string(operation);
    log.push_back(key + "@" + std::string(region));
    if (auto it = answers_.find(key + "@" + std::string(region)); it != answers_.end()) return it->second;
    if (auto it = answers_.find(key); it != answers_.end()) return it->second;
    return Error{ErrorKind::ServiceUnavailable, "InternalError", "no answer for " + key, "", 500};
  }
  Result<Json> call_all_pages(std::string_view s, std::string_view o, const Json& p,
                              std::string_view r) override {
    return call(s, o, p, r);
  }
  Result<void> for_each_page(std::string_view s, std::string_view o, const Json& p, std::string_view r,
                             const std::function<bool(const Json&)>& on_page) override {
    auto page = call(s, o, p, r);
    if (!page) return page.error();
    on_page(*page);
    return {};
  }
  std::string default_region() const override { return "eu-central-1"; }
  aws::ClientStats stats() const override {
    std::lock_guard lock(mu_);
    return aws::ClientStats{calls_, 0, 0, 0};
  }
  std::vector<std::string> log;

 private:
  mutable std::mutex mu_;
  std::map<std::string, Result<Json>> answers_;
  std::uint64_t calls_ = 0;
};

class MemoryStore final : public inventory::Store {
 public:
  Result<std::int64_t> begin_scan(const inventory::ScanInfo& info) override {
    scan = info;
    return 7;
  }
  Result<void> write_batch(std::int64_t scan_id, const inventory::Batch& batch) override {
    std::lock_guard lock(mu);
    EXPECT_EQ(scan_id, 7);
    ++batches;
    for (const auto& r : batch.resources) resources.push_back(r);
    for (const auto& e : batch.errors) errors.push_back(e);
    return {};
  }
  Result<void> finish_scan(std::int64_t) override {
    finished = true;
    return {};
  }
  Result<std::vector<inventory::ScanInfo>> list_scans() override { return std::vector<inventory::ScanInfo>{}; }
  Result<inventory::Snapshot> load(std::int64_t) override { return inventory::Snapshot{}; }
  Result<std::int64_t> import_snapshot(const inventory::Snapshot&) override { return 0; }

  const Resource* find(std::string_view type, std::string_view id, std::string_view region) const {
    for (const auto& r : resources) {
      if (r.type == type && r.id == id && r.region == region) return &r;
    }
    return nullptr;
  }
  std::size_t count(std::string_view type) const {
    return static_cast<std::size_t>(std::count_if(resources.begin(), resources.end(),
                                                  [&](const Resource& r) { return r.type == type; }));
  }

  std::mutex mu;
  inventory::ScanInfo scan;
  std::vector<Resource> resources;
  std::vector<inventory::CollectionError> errors;
  int batches = 0;
  bool finished = false;
};

// --- collectors used by the tests -------------------------------------------------------------

void collect_widgets(CollectTask& task) {
  auto listed = task.list("widgets", "ListWidgets", Json::object(), "widgets:widget");
  if (!listed) return;
  for (const Json& w : (*listed)["Widgets"]) {
    task.spawn([&task, w] {
      Resource r;
      r.type = "widgets:widget";
      r.id = w.get<std::string>();
      if (auto cfg = task.describe(r, "widgets", "GetWidgetConfig", Json{{"Id", r.id}}, "Config",
                                   {"NoSuchWidgetConfig"})) {
        r.document["Config"] = *cfg;
      }
      task.emit(std::move(r));
    });
  }
}

void collect_global(CollectTask& task) {
  Resource r;
  r.type = "globalsvc:thing";
  r.id = task.account() + "/" + task.partition() + "/" + task.region();
  r.region = std::string(inventory::kGlobalRegion);
  task.emit(std::move(r));
  task.list("globalsvc", "ListBroken", Json::object(), "globalsvc:broken");
}

// 40 items, each spawning 3 more (nested fan-out), all emitting.
void collect_fanout(CollectTask& task) {
  for (int i = 0; i < 40; ++i) {
    task.spawn([&task, i] {
      for (int j = 0; j < 3; ++j) {
        task.spawn([&task, i, j] {
          Resource r;
          r.type = "fan:leaf";
          r.id = std::to_string(i) + "." + std::to_string(j);
          task.emit(std::move(r));
        });
      }
    });
  }
}

void collect_throws(CollectTask& task) {
  Resource r;
  r.type = "boom:before";
  r.id = "kept";
  task.emit(std::move(r));
  task.spawn([] { throw std::runtime_error("spawned failure"); });
  throw std::runtime_error("collector failure");
}

void collect_many(CollectTask& task) {
  for (int i = 0; i < 2500; ++i) {
    Resource r;
    r.type = "many:item";
    r.id = std::to_string(i);
    task.emit(std::move(r));
  }
}

const CollectorSpec kWidgets{"widgets", Scope::Regional, collect_widgets};
const CollectorSpec kGlobal{"globalsvc", Scope::Global, collect_global};
const CollectorSpec kFanout{"fan", Scope::Regional, collect_fanout};
const CollectorSpec kThrows{"boom", Scope::Regional, collect_throws};
const CollectorSpec kMany{"many", Scope::Global, collect_many};
const std::array<const CollectorSpec*, 5> kAll{&kFanout, &kGlobal, &kMany, &kThrows, &kWidgets};

Json regions_response() {
  return Json::parse(R"({"Regions": [
    {"RegionName": "us-east-1", "OptInStatus": "opt-in-not-required"},
    {"RegionName": "eu-west-1", "OptInStatus": "opt-in-not-required"},
    {"RegionName": "af-south-1", "OptInStatus": "not-opted-in"},
    {"RegionName": "ap-east-1", "OptInStatus": "opted-in"}]})");
}

class ScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client.answer("sts:GetCallerIdentity",
                  Json{{"Account", "123456789012"}, {"Arn", "arn:aws:sts::123456789012:user/moto"}});
    client.answer("ec2:DescribeRegions", regions_response());
    client.answer("widgets:ListWidgets", Json{{"Widgets", {"a", "b", "c"}}});
    client.answer("widgets:GetWidgetConfig", Json{{"Mode", "on"}});
  }
  Result<ScanSummary> scan(ScanOptions options) {
    options.progress = false;
    return run_collect_with(client, store, options, kAll, err, false);
  }
  ScriptedClient client;
  MemoryStore store;
  std::ostringstream err;
};

TEST_F(ScanTest, RunsGlobalOnceInTheHomeRegionAndRegionalPerEnabledRegion) {
  ScanOptions o;
  o.services = {"globalsvc", "widgets"};
  auto s = scan(o);
  ASSERT_TRUE(s.ok()) << s.error().describe();
  EXPECT_EQ(s->account, "123456789012");
  EXPECT_EQ(s->scan_id, 7);
  EXPECT_EQ(s->regions, (std::vector<std::string>{"ap-east-1", "eu-west-1", "us-east-1"}));
  EXPECT_EQ(store.scan.regions, s->regions);
  EXPECT_EQ(store.scan.account, "123456789012");
  EXPECT_TRUE(store.finished);
  EXPECT_EQ(store.count("globalsvc:thing"), 1u);
  EXPECT_NE(store.find("globalsvc:thing", "123456789012/aws/us-east-1", "global"), nullptr);
  EXPECT_EQ(store.count("widgets:widget"), 9u);
  const Resource* a = store.find("widgets:widget", "a", "eu-west-1");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->account, "123456789012");
  EXPECT_EQ(a->document["Config"]["Mode"], "on");
  EXPECT_TRUE(a->unknown.empty());
  EXPECT_EQ(s->resources, 10u);
  // The global list failure is one error, region "global", empty resource id.
  ASSERT_EQ(store.errors.size(), 1u);
  EXPECT_EQ(store.errors[0].region, "global");
  EXPECT_EQ(store.errors[0].operation, "ListBroken");
  EXPECT_EQ(store.errors[0].resource_type, "globalsvc:broken");
  EXPECT_EQ(store.errors[0].resource_id, "");
  EXPECT_EQ(store.errors[0].kind, ErrorKind::ServiceUnavailable);
  EXPECT_EQ(s->errors, 1u);
  EXPECT_EQ(s->calls, client.stats().calls);
  EXPECT_NE(err.str().find("globalsvc us-east-1"), std::string::npos) << err.str();
}

TEST_F(ScanTest, SkipsRegionsNotEnabledOrUnknownWithANote) {
  ScanOptions o;
  o.services = {"widgets"};
  o.regions = {"us-east-1", "af-south-1", "xx-nowhere-9", "eu-west-1", "us-east-1"};
  o.exclude_regions = {"eu-west-1"};
  auto s = scan(o);
  ASSERT_TRUE(s.ok()) << s.error().describe();
  EXPECT_EQ(s->regions, (std::vector<std::string>{"us-east-1"}));
  EXPECT_NE(err.str().find("skipping region af-south-1: not enabled"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("skipping region xx-nowhere-9"), std::string::npos);
  EXPECT_TRUE(store.errors.empty());
  EXPECT_EQ(store.count("widgets:widget"), 3u);
}

TEST_F(ScanTest, PartitionPicksTheHomeRegion) {
  client.answer("sts:GetCallerIdentity",
                Json{{"Account", "1"}, {"Arn", "arn:aws-cn:iam::1:user/x"}});
  ScanOptions o;
  o.services = {"globalsvc"};
  o.regions = {"us-east-1"};
  auto s = scan(o);
  ASSERT_TRUE(s.ok());
  EXPECT_NE(store.find("globalsvc:thing", "1/aws-cn/cn-north-1", "global"), nullptr);
}

TEST_F(ScanTest, DescribeFailureIsUnknownAndNotConfiguredIsAbsent) {
  client.answer("widgets:GetWidgetConfig@us-east-1",
                Error{ErrorKind::AccessDenied, "AccessDenied", "no", "req-1", 403});
  client.answer("widgets:GetWidgetConfig@eu-west-1",
                Error{ErrorKind::NotFound, "NoSuchWidgetConfig", "none", "", 404});
  ScanOptions o;
  o.services = {"widgets"};
  o.regions = {"us-east-1", "eu-west-1"};
  auto s = scan(o);
  ASSERT_TRUE(s.ok());
  const Resource* denied = store.find("widgets:widget", "b", "us-east-1");
  ASSERT_NE(denied, nullptr);
  EXPECT_FALSE(denied->document.contains("Config"));
  ASSERT_TRUE(denied->unknown.contains("Config"));
  EXPECT_EQ(denied->unknown["Config"]["kind"], "AccessDenied");
  EXPECT_EQ(denied->unknown["Config"]["operation"], "GetWidgetConfig");
  const Resource* absent = store.find("widgets:widget", "b", "eu-west-1");
  ASSERT_NE(absent, nullptr);
  EXPECT_TRUE(absent->document.contains("Config"));
  EXPECT_TRUE(absent->document["Config"].is_null());
  EXPECT_TRUE(absent->unknown.empty());
  // One error row per denied describe, carrying the resource; none for the absent ones.
  ASSERT_EQ(store.errors.size(), 3u);
  for (const auto& e : store.errors) {
    EXPECT_EQ(e.region, "us-east-1");
    EXPECT_EQ(e.service, "widgets");
    EXPECT_EQ(e.resource_type, "widgets:widget");
    EXPECT_FALSE(e.resource_id.empty());
    EXPECT_EQ(e.code, "AccessDenied");
  }
}

TEST_F(ScanTest, AFailingListLosesOnlyItsOwnTypeInItsOwnRegion) {
  client.answer("widgets:ListWidgets@eu-west-1",
                Error{ErrorKind::AccessDenied, "AccessDenied", "denied", "", 403});
  ScanOptions o;
  o.services = {"widgets", "fan"};
  o.regions = {"us-east-1", "eu-west-1"};
  auto s = scan(o);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(store.count("widgets:widget"), 3u);
  EXPECT_EQ(store.count("fan:leaf"), 240u);
  ASSERT_EQ(store.errors.size(), 1u);
  EXPECT_EQ(store.errors[0].region, "eu-west-1");
  EXPECT_EQ(store.errors[0].operation, "ListWidgets");
  EXPECT_EQ(store.errors[0].resource_id, "");
}

TEST_F(ScanTest, OptInRequiredListIsSkippedNotAnError) {
  client.answer("widgets:ListWidgets@eu-west-1",
                Error{ErrorKind::OptInRequired, "OptInRequired", "subscribe", "", 401});
  ScanOptions o;
  o.services = {"widgets"};
  o.regions = {"us-east-1", "eu-west-1"};
  auto s = scan(o);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(store.errors.empty());
  EXPECT_EQ(store.count("widgets:widget"), 3u);
}

TEST_F(ScanTest, NestedFanOutOnAOneThreadPoolDoesNotDeadlock) {
  ScanOptions o;
  o.services = {"fan", "widgets"};
  o.max_concurrency = 1;
  auto s = scan(o);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(store.count("fan:leaf"), 3u * 120u);
  EXPECT_EQ(store.count("widgets:widget"), 9u);
}

TEST_F(ScanTest, AThrowingCollectorIsContainedAsInternalErrors) {
  ScanOptions o;
  o.services = {"boom", "widgets"};
  o.regions = {"us-east-1"};
  auto s = scan(o);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(store.count("boom:before"), 1u);
  EXPECT_EQ(store.count("widgets:widget"), 3u);
  ASSERT_EQ(store.errors.size(), 2u);
  for (const auto& e : store.errors) {
    EXPECT_EQ(e.kind, ErrorKind::Internal);
    EXPECT_EQ(e.service, "boom");
    EXPECT_EQ(e.region, "us-east-1");
  }
  std::string messages = store.errors[0].message + store.errors[1].message;
  EXPECT_NE(messages.find("collector failure"), std::string::npos);
  EXPECT_NE(messages.find("spawned failure"), std::string::npos);
}

TEST_F(ScanTest, BigTasksAreWrittenInChunks) {
  ScanOptions o;
  o.services = {"many"};
  o.regions = {"us-east-1"};
  auto s = scan(o);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(store.count("many:item"), 2500u);
  EXPECT_EQ(store.batches, 3);
}

TEST_F(ScanTest, UnknownServiceIsRejectedBeforeTheScanBegins) {
  ScanOptions o;
  o.services = {"nosuch"};
  auto s = scan(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::InvalidRequest);
  EXPECT_NE(s.error().message.find("widgets"), std::string::npos);
  EXPECT_EQ(store.scan.account, "");
}

TEST_F(ScanTest, NoIdentityIsFatal) {
  client.answer("sts:GetCallerIdentity",
                Error{ErrorKind::ExpiredCredentials, "InvalidClientTokenId", "bad key", "", 403});
  auto s = scan(ScanOptions{});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::ExpiredCredentials);
  EXPECT_FALSE(store.finished);
}

TEST_F(ScanTest, DescribeRegionsFailureIsFatalOnlyWithoutExplicitRegions) {
  client.answer("ec2:DescribeRegions", Error{ErrorKind::AccessDenied, "UnauthorizedOperation", "no", "", 403});
  EXPECT_FALSE(scan(ScanOptions{}).ok());
  ScanOptions o;
  o.services = {"widgets"};
  o.regions = {"eu-west-1"};
  auto s = scan(o);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->regions, (std::vector<std::string>{"eu-west-1"}));
  EXPECT_EQ(store.count("widgets:widget"), 3u);
}

TEST_F(ScanTest, QuietPrintsNothing) {
  ScanOptions o;
  o.quiet = true;
  o.regions = {"us-east-1", "af-south-1"};
  auto s = scan(o);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(err.str(), "");
}

TEST(HomeRegion, PerPartition) {
  EXPECT_EQ(home_region("aws", "x"), "us-east-1");
  EXPECT_EQ(home_region("aws-us-gov", "x"), "us-gov-west-1");
  EXPECT_EQ(home_region("aws-iso", "x"), "x");
}

}  // namespace
}  // namespace rampart::collect
