// `rampart scan`: the collect stage into the store (default rampart.db), and `rampart scans`,
// the list of scans a store holds. Fatal errors (no credentials, store cannot be opened) exit 1;
// everything a collector could not read is recorded in the store and the scan goes on.
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/recording_client.h"
#include "cli/store_util.h"
#include "collect/scan.h"

namespace rampart::cli {

namespace {

struct ScanArgs {
  std::string store = "rampart.db";
  std::vector<std::string> exclude_regions;
  std::vector<std::string> services;
  int max_concurrency = 32;
  bool quiet = false;
  std::string record_calls;
};

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto comma = text.find(',', pos);
    std::string part = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (!part.empty()) out.push_back(part);
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

Result<void> write_recorded(const RecordingClient& client, const std::string& path) {
  Json calls = Json::array();
  for (const auto& [service, operation] : client.recorded()) {
    calls.push_back({{"service", service}, {"operation", operation}});
  }
  std::ofstream out(path);
  out << calls.dump(1) << "\n";
  if (!out) return make_error(ErrorKind::Internal, "cannot write " + path);
  return {};
}

int run_scan(const GlobalOptions& global, const ScanArgs& args) {
  // The scan's --region is the list of regions to scan; the client gets the first as its default.
  GlobalOptions client_options = global;
  std::vector<std::string> regions = split_list(global.region);
  client_options.region = regions.empty() ? "" : regions.front();

  auto store = open_store(args.store);
  if (!store) return kExitFatal;
  auto client = make_client(client_options);
  if (!client) {
    std::cerr << "rampart: " << client.error().describe() << "\n";
    return kExitFatal;
  }
  RecordingClient recording(**client);

  collect::ScanOptions options;
  options.regions = regions;
  options.exclude_regions = args.exclude_regions;
  options.services = args.services;
  options.max_concurrency = args.max_concurrency;
  options.quiet = args.quiet;
  options.options = Json{{"regions", regions},
                         {"exclude_regions", args.exclude_regions},
                         {"services", args.services},
                         {"max_concurrency", args.max_concurrency},
                         {"profile", global.profile},
                         {"endpoint_url", global.endpoint_url}};
  auto summary = collect::run_collect(recording, *store, options);
  if (!args.record_calls.empty()) {
    if (auto w = write_recorded(recording, args.record_calls); !w) {
      std::cerr << "rampart: " << w.error().message << "\n";
    }
  }
  if (!summary) {
    std::cerr << "rampart: scan: " << summary.error().describe() << "\n";
    return summary.error().code == "UnknownService" ? kExitUsage : kExitFatal;
  }
  std::printf("Scan %lld complete\n", static_cast<long long>(summary->scan_id));
  std::printf("Account:   %s\n", summary->account.c_str());
  std::printf("Regions:   %s\n", join(summary->regions).c_str());
  std::printf("Resources: %llu\n", static_cast<unsigned long long>(summary->resources));
  std::printf("Errors:    %llu collection errors%s\n", static_cast<unsigned long long>(summary->errors),
              summary->errors == 0 ? "" : " (what could not be read is marked unknown)");
  std::printf("Calls:     %llu in %.1fs\n", static_cast<unsigned long long>(summary->calls),
              summary->seconds);
  std::printf("Store:     %s\n", args.store.c_str());
  return kExitOk;
}

}  // namespace

Runner setup_scan(CLI::App& sub, GlobalOptions& global) {
  add_global_options(sub, global);
  sub.get_option("--region")->description(
      "Regions to scan, comma-separated (default: every region enabled for the account)");
  auto args = std::make_shared<ScanArgs>();
  sub.add_option("--store", args->store, "The inventory store file (SQLite)")
      ->capture_default_str();
  sub.add_option("--exclude-region", args->exclude_regions, "Regions not to scan (comma-separated)")
      ->delimiter(',');
  sub.add_option("--service", args->services,
                 "Services to collect, comma-separated (default: all collectors)")
      ->delimiter(',');
  sub.add_option("--max-concurrency", args->max_concurrency, "AWS calls in flight at most")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  sub.add_flag("--quiet,-q", args->quiet, "No progress output");
  sub.add_option("--record-calls", args->record_calls,
                 "Write the (service, operation) pairs the scan called to FILE as JSON")
      ->group("");
  return [&global, args] { return run_scan(global, *args); };
}

}  // namespace rampart::cli
