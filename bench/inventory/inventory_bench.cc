// Store throughput: writes N synthetic resources (default 1,000,000; RAMPART_INVENTORY_BENCH_N
// overrides) into a fresh SQLite store in batches of 1000 (one transaction each, as collectors
// commit), then loads the whole scan back into a Snapshot. Reports resources/s for both and the
// peak RSS after each step (getrusage), since load() holds the whole snapshot in memory.
// The documents look like DescribeSecurityGroups output (~600 bytes of JSON each).
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "inventory/store.h"

namespace {

using rampart::Json;
using namespace rampart::inventory;  // NOLINT: bench file, one namespace in use

constexpr int kBatch = 1000;

long resource_count() {
  const char* n = std::getenv("RAMPART_INVENTORY_BENCH_N");
  long v = n != nullptr ? std::strtol(n, nullptr, 10) : 1'000'000;
  return v > 0 ? v : 1'000'000;
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

Resource synthetic(long i) {
  std::string id = "sg-" + std::to_string(0x10000000 + i);
  Resource r;
  r.account = "123456789012";
  r.region = i % 3 == 0 ? "eu-west-1" : "us-east-1";
  r.type = "ec2:security-group";
  r.id = id;
  r.arn = "arn:aws:ec2:" + r.region + ":123456789012:security-group/" + id;
  r.name = "group-" + std::to_string(i);
  r.tags = {{"Name", r.name}, {"env", i % 2 == 0 ? "prod" : "dev"}};
  r.document = {
      {"GroupId", id},
      {"GroupName", r.name},
      {"Description", "synthetic security group for the inventory benchmark"},
      {"OwnerId", "123456789012"},
      {"VpcId", "vpc-0123456789abcdef0"},
      {"IpPermissions",
       {{{"IpProtocol", "tcp"}, {"FromPort", 443}, {"ToPort", 443},
         {"IpRanges", {{{"CidrIp", "0.0.0.0/0"}, {"Description", "https"}}}},
         {"UserIdGroupPairs", Json::array()}},
        {{"IpProtocol", "tcp"}, {"FromPort", 22}, {"ToPort", 22},
         {"IpRanges", {{{"CidrIp", "10.0.0.0/8"}}}}, {"UserIdGroupPairs", Json::array()}}}},
      {"IpPermissionsEgress",
       {{{"IpProtocol", "-1"}, {"IpRanges", {{{"CidrIp", "0.0.0.0/0"}}}}}}},
  };
  if (i % 10 == 0) {
    r.unknown["NetworkInterfaces"] = {{"operation", "DescribeNetworkInterfaces"},
                                      {"kind", "Throttling"}, {"code", "RequestLimitExceeded"},
                                      {"message", "Rate exceeded"}};
  }
  return r;
}

struct State {
  std::string path;
  std::unique_ptr<Store> store;
  std::int64_t scan = 0;
  long n = 0;
};

void bm_write(benchmark::State& bs, State* st) {
  for (auto _ : bs) {
    auto scan = st->store->begin_scan(ScanInfo{0, "123456789012", "", "", "bench", {},
                                               Json::object(), ScanStatus::Running});
    if (!scan) {
      bs.SkipWithError(scan.error().message.c_str());
      return;
    }
    st->scan = *scan;
    for (long base = 0; base < st->n; base += kBatch) {
      bs.PauseTiming();  // building the synthetic input is not the store's cost
      Batch b;
      for (long i = base; i < std::min(st->n, base + kBatch); ++i) b.resources.push_back(synthetic(i));
      bs.ResumeTiming();
      if (auto r = st->store->write_batch(*scan, b); !r) {
        bs.SkipWithError(r.error().message.c_str());
        return;
      }
    }
    (void)st->store->finish_scan(*scan);
  }
  bs.counters["resources_per_s"] = benchmark::Counter(static_cast<double>(st->n),
                                                      benchmark::Counter::kIsRate);
  bs.counters["peak_rss_MB"] = peak_rss_mb();
  bs.counters["db_MB"] = static_cast<double>(std::filesystem::file_size(st->path)) / 1048576.0;
}

void bm_load(benchmark::State& bs, State* st) {
  std::size_t loaded = 0;
  for (auto _ : bs) {
    auto snap = st->store->load(st->scan);
    if (!snap) {
      bs.SkipWithError(snap.error().message.c_str());
      return;
    }
    loaded = snap->resources.size();
    bs.counters["peak_rss_MB"] = peak_rss_mb();  // while the snapshot is alive
  }
  if (loaded != static_cast<std::size_t>(st->n)) bs.SkipWithError("load returned a wrong count");
  bs.counters["resources_per_s"] = benchmark::Counter(static_cast<double>(loaded),
                                                      benchmark::Counter::kIsRate);
}

}  // namespace

int main(int argc, char** argv) {
  State st;
  st.n = resource_count();
  st.path = (std::filesystem::temp_directory_path() /
             ("rampart-inventory-bench-" + std::to_string(::getpid()) + ".db"))
                .string();
  auto store = open_sqlite_store(st.path);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().message.c_str());
    return 1;
  }
  st.store = std::move(*store);
  benchmark::RegisterBenchmark("inventory/write", bm_write, &st)
      ->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);
  benchmark::RegisterBenchmark("inventory/load", bm_load, &st)
      ->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  st.store.reset();
  for (const char* suffix : {"", "-wal", "-shm", "-scans.lock"}) {
    std::error_code ec;
    std::filesystem::remove(st.path + suffix, ec);
  }
  return 0;
}
