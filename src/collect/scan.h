// `rampart scan`'s collect stage: discovers the account and its enabled regions, runs every
// selected collector for every selected region concurrently, and writes the inventory.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "aws/client/client.h"
#include "aws/core/result.h"
#include "inventory/store.h"

namespace rampart::collect {

struct ScanOptions {
  std::vector<std::string> regions;          // empty: every enabled region
  std::vector<std::string> exclude_regions;
  std::vector<std::string> services;         // empty: all collectors
  int max_concurrency = 32;                  // AWS calls in flight
  bool progress = true;                      // a live display on a terminal
  bool quiet = false;
  Json options = Json::object();             // recorded in the scan row
};

struct ScanSummary {
  std::int64_t scan_id = 0;
  std::string account;
  std::vector<std::string> regions;
  std::uint64_t resources = 0;
  std::uint64_t errors = 0;
  std::uint64_t calls = 0;
  double seconds = 0;
};

Result<ScanSummary> run_collect(aws::AwsClient& client, inventory::Store& store,
                                const ScanOptions& options);

}  // namespace rampart::collect
