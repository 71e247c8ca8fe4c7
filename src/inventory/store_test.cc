// The SQLite store: schema, round trips, merge through write_batch, scan lifecycle and
// ordering, import, and liveness of Running scans between stores.
#include "inventory/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>

#include "inventory/attribute.h"
#include "inventory/test_support.h"

namespace rampart::inventory {
namespace {

using testing::make_error_row;
using testing::make_resource;
using testing::TempDir;
using testing::unknown_entry;

std::unique_ptr<Store> open_or_die(const std::string& path) {
  auto s = open_sqlite_store(path);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return s.ok() ? std::move(*s) : nullptr;
}

ScanInfo scan_info(std::string started = "") {
  ScanInfo info;
  info.account = "123456789012";
  info.started = std::move(started);
  info.rampart_version = "0.1.0";
  info.regions = {"us-east-1", "eu-west-1"};
  info.options = {{"services", {"ec2"}}};
  return info;
}

// Runs one query on a separate raw connection and returns the first column of the first row.
std::string query_text(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(st, 0);
    out = t != nullptr ? reinterpret_cast<const char*>(t) : "";
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

class FixedClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
  }
  std::chrono::steady_clock::time_point steady_now() const override { return {}; }
  void sleep_for(std::chrono::nanoseconds) const override {}
};

TEST(SqliteStore, CreatesSchemaInWalMode) {
  TempDir dir;
  std::string path = dir.file("r.db");
  { auto store = open_or_die(path); ASSERT_NE(store, nullptr); }
  EXPECT_EQ(query_text(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(query_text(path, "PRAGMA user_version"), "1");
  for (const char* table : {"scans", "resources", "collection_errors"}) {
    EXPECT_EQ(query_text(path, std::string("SELECT name FROM sqlite_master WHERE type='table' AND name='") +
                                   table + "'"),
              table);
  }
  EXPECT_EQ(query_text(path, "SELECT name FROM sqlite_master WHERE name='resources_by_arn'"),
            "resources_by_arn");
  // Reopening an existing store migrates nothing and keeps working.
  auto again = open_or_die(path);
  ASSERT_NE(again, nullptr);
  auto scans = again->list_scans();
  ASSERT_TRUE(scans.ok());
  EXPECT_TRUE(scans->empty());
}

TEST(SqliteStore, RefusesNewerSchema) {
  TempDir dir;
  std::string path = dir.file("r.db");
  { auto store = open_or_die(path); }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto s = open_sqlite_store(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("99"), std::string::npos) << s.error().message;
  EXPECT_NE(s.error().message.find(path), std::string::npos) << s.error().message;
}

TEST(SqliteStore, NotADatabaseIsAnErrorNamingTheFile) {
  TempDir dir;
  std::string path = dir.file("notes.txt");
  FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fputs("this is not a SQLite database, just some text long enough to have a header......."
             "................................................................................",
             f);
  std::fclose(f);
  auto s = open_sqlite_store(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::Parse) << s.error().message;
  EXPECT_NE(s.error().message.find(path), std::string::npos) << s.error().message;
}

TEST(SqliteStore, RoundTripsResourcesAndErrors) {
  TempDir dir;
  FixedClock clock;
  auto opened = open_sqlite_store(dir.file("r.db"), clock);
  ASSERT_TRUE(opened.ok());
  Store& store = **opened;
  auto id = store.begin_scan(scan_info());
  ASSERT_TRUE(id.ok());
  Resource r = make_resource("s3:bucket", "us-east-1", "logs",
                             {{"Versioning", {{"Status", "Enabled"}}}, {"Policy", nullptr}});
  r.arn = "arn:aws:s3:::logs";
  r.name = "logs";
  r.tags = {{"env", "prod"}};
  r.unknown["Acl"] = unknown_entry("GetBucketAcl");
  CollectionError e = make_error_row("us-east-1", "s3", "GetBucketAcl", "logs");
  ASSERT_TRUE(store.write_batch(*id, Batch{{r}, {e}}).ok());
  ASSERT_TRUE(store.finish_scan(*id).ok());

  auto snap = store.load(*id);
  ASSERT_TRUE(snap.ok()) << snap.error().message;
  EXPECT_EQ(snap->scan.account, "123456789012");
  EXPECT_EQ(snap->scan.status, ScanStatus::Complete);
  EXPECT_EQ(snap->scan.started, "2023-11-14T22:13:20Z");
  EXPECT_EQ(snap->scan.finished, "2023-11-14T22:13:20Z");
  EXPECT_EQ(snap->scan.regions, (std::vector<std::string>{"us-east-1", "eu-west-1"}));
  EXPECT_EQ(snap->scan.options, (Json{{"services", {"ec2"}}}));
  ASSERT_EQ(snap->resources.size(), 1u);
  const Resource& got = snap->resources[0];
  EXPECT_EQ(got.account, r.account);
  EXPECT_EQ(got.type, r.type);
  EXPECT_EQ(got.region, r.region);
  EXPECT_EQ(got.id, r.id);
  EXPECT_EQ(got.arn, r.arn);
  EXPECT_EQ(got.name, r.name);
  EXPECT_EQ(got.tags, r.tags);
  EXPECT_EQ(got.document, r.document);
  EXPECT_EQ(got.unknown, r.unknown);
  EXPECT_TRUE(read_attribute(got, "Policy").absent());
  EXPECT_TRUE(read_attribute(got, "Acl").unknown());
  ASSERT_EQ(snap->errors.size(), 1u);
  EXPECT_EQ(snap->errors[0].operation, "GetBucketAcl");
  EXPECT_EQ(snap->errors[0].kind, ErrorKind::AccessDenied);
  EXPECT_EQ(snap->errors[0].resource_id, "logs");
  EXPECT_EQ(snap->errors[0].message, "denied");
}

TEST(SqliteStore, WriteBatchMergesDocumentsAcrossBatches) {
  TempDir dir;
  auto store = open_or_die(dir.file("r.db"));
  auto id = store->begin_scan(scan_info());
  ASSERT_TRUE(id.ok());
  Resource first = make_resource("s3:bucket", "us-east-1", "b", {{"Name", "b"}, {"Versioning", {{"Status", "Enabled"}}}});
  first.unknown["Policy"] = unknown_entry("GetBucketPolicy");
  first.unknown["Acl"] = unknown_entry("GetBucketAcl");
  first.tags = {{"a", "1"}};
  ASSERT_TRUE(store->write_batch(*id, Batch{{first}, {}}).ok());
  Resource second = make_resource("s3:bucket", "us-east-1", "b",
                                  {{"Versioning", {{"MFADelete", "Disabled"}}},
                                   {"Policy", {{"Statement", Json::array()}}},
                                   {"Logging", nullptr}});
  second.arn = "arn:aws:s3:::b";
  second.tags = {{"b", "2"}};
  // Same key twice in one batch merges too.
  Resource third = make_resource("s3:bucket", "us-east-1", "b", {{"Acl", nullptr}});
  ASSERT_TRUE(store->write_batch(*id, Batch{{second, third}, {}}).ok());

  auto snap = store->load(*id);
  ASSERT_TRUE(snap.ok());
  ASSERT_EQ(snap->resources.size(), 1u);
  const Resource& r = snap->resources[0];
  EXPECT_EQ(r.arn, "arn:aws:s3:::b");
  EXPECT_EQ(r.tags, (Json{{"a", "1"}, {"b", "2"}}));
  EXPECT_EQ(r.document["Versioning"], (Json{{"Status", "Enabled"}, {"MFADelete", "Disabled"}}));
  EXPECT_TRUE(read_attribute(r, "Policy").known());
  EXPECT_TRUE(read_attribute(r, "Logging").absent());
  EXPECT_TRUE(read_attribute(r, "Acl").absent());  // unknown -> absent: a later answer
  EXPECT_TRUE(r.unknown.empty()) << r.unknown.dump();
}

TEST(SqliteStore, UnknownToKnownTransition) {
  TempDir dir;
  auto store = open_or_die(dir.file("r.db"));
  auto id = store->begin_scan(scan_info());
  ASSERT_TRUE(id.ok());
  Resource a = make_resource("ec2:instance", "us-east-1", "i-1", {{"InstanceId", "i-1"}});
  a.unknown["UserData"] = unknown_entry("DescribeInstanceAttribute");
  ASSERT_TRUE(store->write_batch(*id, Batch{{a}, {}}).ok());
  auto before = store->load(*id);
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(read_attribute(before->resources[0], "UserData").unknown());

  Resource b = make_resource("ec2:instance", "us-east-1", "i-1", {{"UserData", {{"Value", "IyEv"}}}});
  ASSERT_TRUE(store->write_batch(*id, Batch{{b}, {}}).ok());
  auto after = store->load(*id);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(read_attribute(after->resources[0], "UserData.Value").known());
  EXPECT_FALSE(after->resources[0].unknown.contains("UserData"));

  // A resource written with an attribute both known and unknown is stored known.
  Resource c = make_resource("ec2:instance", "us-east-1", "i-2", {{"UserData", "x"}});
  c.unknown["UserData"] = unknown_entry("DescribeInstanceAttribute");
  ASSERT_TRUE(store->write_batch(*id, Batch{{c}, {}}).ok());
  auto last = store->load(*id);
  ASSERT_TRUE(last.ok());
  EXPECT_TRUE(last->resources[1].unknown.empty());
}

TEST(SqliteStore, LoadOrdersResourcesAndErrors) {
  TempDir dir;
  auto store = open_or_die(dir.file("r.db"));
  auto id = store->begin_scan(scan_info());
  ASSERT_TRUE(id.ok());
  Batch b;
  b.resources = {make_resource("s3:bucket", "global", "z"),
                 make_resource("ec2:vpc", "us-east-1", "vpc-2"),
                 make_resource("ec2:vpc", "eu-west-1", "vpc-9"),
                 make_resource("ec2:instance", "us-east-1", "i-2"),
                 make_resource("ec2:vpc", "us-east-1", "vpc-1"),
                 make_resource("ec2:instance", "us-east-1", "i-1")};
  b.errors = {make_error_row("us-east-1", "s3", "GetBucketAcl", "z"),
              make_error_row("eu-west-1", "ec2", "DescribeVpcs"),
              make_error_row("us-east-1", "ec2", "DescribeVolumes"),
              make_error_row("us-east-1", "ec2", "DescribeInstances")};
  ASSERT_TRUE(store->write_batch(*id, b).ok());
  auto snap = store->load(*id);
  ASSERT_TRUE(snap.ok());
  std::vector<std::string> keys;
  for (const auto& r : snap->resources) keys.push_back(r.type + "/" + r.region + "/" + r.id);
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "ec2:instance/us-east-1/i-1", "ec2:instance/us-east-1/i-2",
                      "ec2:vpc/eu-west-1/vpc-9", "ec2:vpc/us-east-1/vpc-1",
                      "ec2:vpc/us-east-1/vpc-2", "s3:bucket/global/z"}));
  std::vector<std::string> ops;
  for (const auto& e : snap->errors) ops.push_back(e.region + "/" + e.operation);
  EXPECT_EQ(ops, (std::vector<std::string>{"eu-west-1/DescribeVpcs", "us-east-1/DescribeInstances",
                                           "us-east-1/DescribeVolumes", "us-east-1/GetBucketAcl"}));
}

TEST(SqliteStore, ListScansNewestFirst) {
  TempDir dir;
  auto store = open_or_die(dir.file("r.db"));
  auto a = store->begin_scan(scan_info("2024-05-01T10:00:00Z"));
  auto b = store->begin_scan(scan_info("2024-05-03T10:00:00Z"));
  auto c = store->begin_scan(scan_info("2024-05-02T10:00:00.5Z"));
  auto d = store->begin_scan(scan_info("2024-05-02T10:00:00Z"));
  ASSERT_TRUE(a.ok() && b.ok() && c.ok() && d.ok());
  ASSERT_TRUE(store->finish_scan(*b).ok());
  auto scans = store->list_scans();
  ASSERT_TRUE(scans.ok());
  std::vector<std::int64_t> ids;
  for (const auto& s : *scans) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{*b, *c, *d, *a}));
  EXPECT_EQ((*scans)[0].status, ScanStatus::Complete);
  EXPECT_FALSE((*scans)[0].finished.empty());
  // Our own unfinished scans are still running: this store is their live writer.
  EXPECT_EQ((*scans)[1].status, ScanStatus::Running);
  EXPECT_TRUE((*scans)[1].finished.empty());
}

TEST(SqliteStore, UnknownScanAndBadScanIdAreErrors) {
  TempDir dir;
  auto store = open_or_die(dir.file("r.db"));
  auto snap = store->load(42);
  ASSERT_FALSE(snap.ok());
  EXPECT_EQ(snap.error().kind, ErrorKind::NotFound);
  EXPECT_FALSE(store->finish_scan(42).ok());
  // Foreign keys are enforced: no rows for a scan that does not exist, nothing half-written.
  auto w = store->write_batch(42, Batch{{make_resource("ec2:vpc", "us-east-1", "v")}, {}});
  EXPECT_FALSE(w.ok());
}

TEST(SqliteStore, ConcurrentScansInOneProcessDoNotReclaimEachOther) {
  TempDir dir;
  std::string path = dir.file("r.db");
  auto writer1 = open_or_die(path);
  auto scan1 = writer1->begin_scan(scan_info());
  ASSERT_TRUE(scan1.ok());
  auto writer2 = open_or_die(path);  // opening reclaims dead scans: scan1 is alive
  auto scan2 = writer2->begin_scan(scan_info());
  ASSERT_TRUE(scan2.ok());
  auto reader = open_or_die(path);
  auto scans = reader->list_scans();
  ASSERT_TRUE(scans.ok());
  ASSERT_EQ(scans->size(), 2u);
  for (const auto& s : *scans) EXPECT_EQ(s.status, ScanStatus::Running) << s.id;
  ASSERT_TRUE(writer1->write_batch(*scan1, Batch{{make_resource("ec2:vpc", "us-east-1", "v1")}, {}}).ok());
  ASSERT_TRUE(writer2->write_batch(*scan2, Batch{{make_resource("ec2:vpc", "us-east-1", "v2")}, {}}).ok());
  ASSERT_TRUE(writer2->finish_scan(*scan2).ok());
  // writer1 goes away without finishing: its scan is incomplete, scan2 stays complete.
  writer1.reset();
  auto after = reader->list_scans();
  ASSERT_TRUE(after.ok());
  for (const auto& s : *after) {
    EXPECT_EQ(s.status, s.id == *scan2 ? ScanStatus::Complete : ScanStatus::Incomplete) << s.id;
  }
  auto snap1 = reader->load(*scan1);
  ASSERT_TRUE(snap1.ok());
  EXPECT_EQ(snap1->resources.size(), 1u);
}

TEST(SqliteStore, ImportSnapshotAddsANewScan) {
  TempDir dir;
  auto store = open_or_die(dir.file("r.db"));
  Snapshot snap;
  snap.scan = scan_info("2024-01-02T03:04:05Z");
  snap.scan.id = 77;
  snap.scan.finished = "2024-01-02T03:09:00Z";
  snap.scan.status = ScanStatus::Complete;
  snap.resources = {make_resource("ec2:vpc", "us-east-1", "vpc-1", {{"CidrBlock", "10.0.0.0/16"}}),
                    make_resource("iam:user", "global", "alice")};
  snap.errors = {make_error_row("us-east-1", "ec2", "DescribeFlowLogs")};
  auto id = store->import_snapshot(snap);
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto back = store->load(*id);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->scan.id, *id);
  EXPECT_EQ(back->scan.started, "2024-01-02T03:04:05Z");
  EXPECT_EQ(back->scan.finished, "2024-01-02T03:09:00Z");
  EXPECT_EQ(back->scan.status, ScanStatus::Complete);
  EXPECT_EQ(back->scan.regions, snap.scan.regions);
  ASSERT_EQ(back->resources.size(), 2u);
  EXPECT_EQ(back->resources[0].id, "vpc-1");
  EXPECT_EQ(back->resources[0].document["CidrBlock"], "10.0.0.0/16");
  EXPECT_EQ(back->errors.size(), 1u);

  // A snapshot taken while running has no writer here: it is imported incomplete.
  snap.scan.status = ScanStatus::Running;
  auto id2 = store->import_snapshot(snap);
  ASSERT_TRUE(id2.ok());
  auto back2 = store->load(*id2);
  ASSERT_TRUE(back2.ok());
  EXPECT_EQ(back2->scan.status, ScanStatus::Incomplete);
}

TEST(SqliteStore, InMemoryStoreWorks) {
  auto store = open_or_die(":memory:");
  ASSERT_NE(store, nullptr);
  auto id = store->begin_scan(scan_info());
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(store->write_batch(*id, Batch{{make_resource("ec2:vpc", "us-east-1", "v")}, {}}).ok());
  auto scans = store->list_scans();
  ASSERT_TRUE(scans.ok());
  EXPECT_EQ((*scans)[0].status, ScanStatus::Running);
}

}  // namespace
}  // namespace rampart::inventory
