// store_writer: a scan writer for the SIGKILL test. Opens the store, begins a scan, then commits
// batches of synthetic resources (ids "r-<batch>-<n>", plus one collection error per batch)
// until killed or until --batches are written. After each commit it prints "batch <k>" on stdout
// (flushed), so the test knows which batches are durable before it kills the process.
//   store_writer DB [--batch-size N] [--batches N] [--finish]
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "inventory/store.h"

namespace {

using rampart::inventory::Batch;
using rampart::inventory::CollectionError;
using rampart::inventory::Resource;

Batch make_batch(int k, int size) {
  Batch b;
  for (int n = 0; n < size; ++n) {
    Resource r;
    r.account = "123456789012";
    r.region = "us-east-1";
    r.type = "ec2:instance";
    r.id = "r-" + std::to_string(k) + "-" + std::to_string(n);
    r.document = {{"InstanceId", r.id}, {"Batch", k}, {"State", {{"Name", "running"}}}};
    b.resources.push_back(std::move(r));
  }
  CollectionError e;
  e.account = "123456789012";
  e.region = "us-east-1";
  e.service = "ec2";
  e.operation = "DescribeInstanceAttribute";
  e.resource_type = "ec2:instance";
  e.resource_id = "r-" + std::to_string(k) + "-0";
  e.kind = rampart::ErrorKind::AccessDenied;
  e.code = "UnauthorizedOperation";
  b.errors.push_back(std::move(e));
  return b;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: store_writer DB [--batch-size N] [--batches N] [--finish]\n");
    return 2;
  }
  int batch_size = 50;
  int batches = -1;  // forever
  bool finish = false;
  for (int i = 2; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--batch-size" && i + 1 < argc) {
      batch_size = std::atoi(argv[++i]);
    } else if (a == "--batches" && i + 1 < argc) {
      batches = std::atoi(argv[++i]);
    } else if (a == "--finish") {
      finish = true;
    }
  }
  auto store = rampart::inventory::open_sqlite_store(argv[1]);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().message.c_str());
    return 1;
  }
  rampart::inventory::ScanInfo info;
  info.account = "123456789012";
  info.regions = {"us-east-1"};
  info.rampart_version = "test";
  auto scan = (*store)->begin_scan(info);
  if (!scan) {
    std::fprintf(stderr, "%s\n", scan.error().message.c_str());
    return 1;
  }
  std::printf("scan %lld\n", static_cast<long long>(*scan));
  std::fflush(stdout);
  for (int k = 0; batches < 0 || k < batches; ++k) {
    if (auto r = (*store)->write_batch(*scan, make_batch(k, batch_size)); !r) {
      std::fprintf(stderr, "%s\n", r.error().message.c_str());
      return 1;
    }
    std::printf("batch %d\n", k);
    std::fflush(stdout);
  }
  if (finish) {
    if (auto r = (*store)->finish_scan(*scan); !r) return 1;
  }
  return 0;
}
