// `rampart inventory`: what a stored scan holds (the seed-002-style summary, or one JSON line
// per (type, region) with --json); `rampart scans`: the scans a store holds.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/inventory_text.h"
#include "cli/options.h"
#include "cli/store_util.h"

namespace rampart::cli {

namespace {
struct InventoryArgs {
  std::string store = "rampart.db";
  std::int64_t scan = 0;
  bool json = false;
};
}  // namespace

Runner setup_inventory(CLI::App& sub, GlobalOptions& /*global*/) {
  auto args = std::make_shared<InventoryArgs>();
  sub.add_option("--store", args->store, "The inventory store file")->capture_default_str();
  sub.add_option("--scan", args->scan, "Scan id (default: the newest)");
  sub.add_flag("--json", args->json, "One JSON object per (resource type, region) with its count");
  return [args] {
    auto store = open_store(args->store);
    if (!store) return kExitFatal;
    auto scan = pick_scan(*store, args->store, args->scan);
    if (!scan) return kExitFatal;
    auto snapshot = store->load(scan->id);
    if (!snapshot) {
      std::cerr << "rampart: load scan " << scan->id << ": " << snapshot.error().describe() << "\n";
      return kExitFatal;
    }
    Json summary = inventory::inventory_summary(*snapshot);
    std::cout << (args->json ? render_inventory_json_lines(summary) : render_inventory_text(summary));
    return kExitOk;
  };
}

Runner setup_scans(CLI::App& sub, GlobalOptions& /*global*/) {
  auto args = std::make_shared<InventoryArgs>();
  sub.add_option("--store", args->store, "The inventory store file")->capture_default_str();
  return [args] {
    auto store = open_store(args->store);
    if (!store) return kExitFatal;
    auto scans = store->list_scans();
    if (!scans) {
      std::cerr << "rampart: " << args->store << ": " << scans.error().describe() << "\n";
      return kExitFatal;
    }
    std::vector<ScanRow> rows;
    for (const auto& info : *scans) {
      ScanRow row{info};
      // Counting loads the scan; stores hold few scans, and this keeps Store's interface small.
      if (auto snapshot = store->load(info.id)) {
        row.resources = static_cast<std::int64_t>(snapshot->resources.size());
        row.errors = static_cast<std::int64_t>(snapshot->errors.size());
      }
      rows.push_back(std::move(row));
    }
    std::cout << render_scans_table(rows);
    return kExitOk;
  };
}

}  // namespace rampart::cli
