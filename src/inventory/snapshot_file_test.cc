// Export/import files: a round trip through a file and a second store is lossless, and each
// kind of damaged file gives a Parse error that names the file and the problem.
#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>

#include "inventory/codec.h"
#include "inventory/store.h"
#include "inventory/test_support.h"

namespace rampart::inventory {
namespace {

using testing::make_error_row;
using testing::make_resource;
using testing::TempDir;
using testing::unknown_entry;

Snapshot sample() {
  Snapshot s;
  s.scan.id = 5;
  s.scan.account = "123456789012";
  s.scan.started = "2024-06-01T12:00:00Z";
  s.scan.finished = "2024-06-01T12:03:00.25Z";
  s.scan.rampart_version = "0.1.0";
  s.scan.regions = {"us-east-1", "eu-west-1"};
  s.scan.options = {{"services", {"s3", "ec2"}}, {"profile", "audit"}};
  s.scan.status = ScanStatus::Complete;
  Resource b = make_resource("s3:bucket", "eu-west-1", "data",
                             {{"Policy", nullptr}, {"Versioning", {{"Status", "Enabled"}}},
                              {"Name", "data \xc3\xa9t\xc3\xa9"}});
  b.arn = "arn:aws:s3:::data";
  b.name = "data";
  b.tags = {{"env", "prod"}};
  b.unknown["Acl"] = unknown_entry("GetBucketAcl");
  s.resources = {make_resource("ec2:instance", "us-east-1", "i-1", {{"InstanceType", "t3.micro"}}), b};
  s.errors = {make_error_row("eu-west-1", "s3", "GetBucketAcl", "data"),
              make_error_row("us-east-1", "ec2", "DescribeFlowLogs")};
  return s;
}

void expect_same(const Snapshot& a, const Snapshot& b) {
  EXPECT_EQ(to_json(a.scan).dump(), to_json(b.scan).dump());
  ASSERT_EQ(a.resources.size(), b.resources.size());
  for (std::size_t i = 0; i < a.resources.size(); ++i) {
    EXPECT_EQ(to_json(a.resources[i]), to_json(b.resources[i])) << i;
  }
  ASSERT_EQ(a.errors.size(), b.errors.size());
  for (std::size_t i = 0; i < a.errors.size(); ++i) {
    EXPECT_EQ(to_json(a.errors[i]), to_json(b.errors[i])) << i;
  }
}

void write_gzip(const std::string& path, const std::string& text) {
  gzFile f = gzopen(path.c_str(), "wb");
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
}

void write_raw(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string read_raw(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(SnapshotFile, RoundTripIsLossless) {
  TempDir dir;
  Snapshot s = sample();
  ASSERT_TRUE(write_snapshot_file(s, dir.file("s.json.gz")).ok());
  std::string raw = read_raw(dir.file("s.json.gz"));
  ASSERT_GE(raw.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(raw[0]), 0x1f);  // gzip magic
  EXPECT_EQ(static_cast<unsigned char>(raw[1]), 0x8b);
  auto back = read_snapshot_file(dir.file("s.json.gz"));
  ASSERT_TRUE(back.ok()) << back.error().message;
  expect_same(s, *back);
}

TEST(SnapshotFile, ExportImportThroughTwoStoresIsEqual) {
  TempDir dir;
  auto a = open_sqlite_store(dir.file("a.db"));
  ASSERT_TRUE(a.ok());
  Snapshot s = sample();
  auto first = (*a)->import_snapshot(s);
  ASSERT_TRUE(first.ok());
  auto loaded = (*a)->load(*first);
  ASSERT_TRUE(loaded.ok());
  ASSERT_TRUE(write_snapshot_file(*loaded, dir.file("export.json.gz")).ok());

  auto b = open_sqlite_store(dir.file("b.db"));
  ASSERT_TRUE(b.ok());
  auto file = read_snapshot_file(dir.file("export.json.gz"));
  ASSERT_TRUE(file.ok()) << file.error().message;
  auto imported = (*b)->import_snapshot(*file);
  ASSERT_TRUE(imported.ok());
  auto reloaded = (*b)->load(*imported);
  ASSERT_TRUE(reloaded.ok());
  // Equal except the scan id, which the importing store assigns.
  reloaded->scan.id = loaded->scan.id;
  expect_same(*loaded, *reloaded);
  EXPECT_EQ(reloaded->resources.size(), 2u);
}

struct Corrupt {
  std::string name;
  std::string expect;  // part of the message
};

class SnapshotFileCorrupt : public ::testing::TestWithParam<Corrupt> {};

TEST_P(SnapshotFileCorrupt, GivesParseErrorNamingFileAndProblem) {
  TempDir dir;
  std::string path = dir.file(GetParam().name + ".json.gz");
  const std::string& kind = GetParam().name;
  if (kind == "truncated_gzip") {
    ASSERT_TRUE(write_snapshot_file(sample(), dir.file("good.gz")).ok());
    std::string good = read_raw(dir.file("good.gz"));
    write_raw(path, good.substr(0, good.size() / 2));
  } else if (kind == "corrupt_gzip_crc") {
    ASSERT_TRUE(write_snapshot_file(sample(), dir.file("good.gz")).ok());
    std::string bad = read_raw(dir.file("good.gz"));
    bad[bad.size() - 6] ^= 0x55;  // inside the CRC32 trailer
    write_raw(path, bad);
  } else if (kind == "not_gzip") {
    write_raw(path, "{\"format\": \"rampart-snapshot/1\"}");
  } else if (kind == "empty_file") {
    write_raw(path, "");
  } else if (kind == "bad_json") {
    write_gzip(path, "{\"format\": \"rampart-snapshot/1\", \"scan\": {,}");
  } else if (kind == "wrong_format") {
    write_gzip(path, R"({"format": "other/2", "scan": {}, "resources": [], "errors": []})");
  } else if (kind == "missing_format") {
    write_gzip(path, R"({"scan": {}, "resources": [], "errors": []})");
  } else if (kind == "missing_resource_type") {
    write_gzip(path, R"({"format": "rampart-snapshot/1",
      "scan": {"account": "1", "started": "2024-01-01T00:00:00Z", "status": "complete"},
      "resources": [{"region": "r", "type": "t", "id": "a", "document": {}},
                    {"region": "r", "id": "b", "document": {}}], "errors": []})");
  } else if (kind == "bad_error_kind") {
    write_gzip(path, R"({"format": "rampart-snapshot/1",
      "scan": {"account": "1", "started": "2024-01-01T00:00:00Z", "status": "complete"},
      "resources": [], "errors": [{"region": "r", "service": "s", "operation": "o", "kind": "Nope"}]})");
  } else if (kind == "missing_scan_status") {
    write_gzip(path, R"({"format": "rampart-snapshot/1",
      "scan": {"account": "1", "started": "2024-01-01T00:00:00Z"}, "resources": [], "errors": []})");
  }
  auto r = read_snapshot_file(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Parse);
  EXPECT_NE(r.error().message.find(path), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find(GetParam().expect), std::string::npos) << r.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Files, SnapshotFileCorrupt,
    ::testing::Values(Corrupt{"truncated_gzip", "truncated gzip data"},
                      Corrupt{"corrupt_gzip_crc", "bad gzip data: incorrect data check"},
                      Corrupt{"not_gzip", "not a gzip file"}, Corrupt{"empty_file", "not a gzip"},
                      Corrupt{"bad_json", "bad JSON at byte 43: "},
                      Corrupt{"wrong_format", "unsupported format \"other/2\""},
                      Corrupt{"missing_format", "no \"format\""},
                      Corrupt{"missing_resource_type", "resources[1].type: missing"},
                      Corrupt{"bad_error_kind", "errors[0].kind: unknown error kind \"Nope\""},
                      Corrupt{"missing_scan_status", "scan.status: missing"}),
    [](const ::testing::TestParamInfo<Corrupt>& info) { return info.param.name; });

TEST(SnapshotFile, MissingFileIsNotFound) {
  auto r = read_snapshot_file("/nonexistent/dir/s.json.gz");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("/nonexistent/dir/s.json.gz"), std::string::npos);
}

}  // namespace
}  // namespace rampart::inventory
