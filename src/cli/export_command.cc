// `rampart export` / `rampart import`: move one scan between stores (and machines) as one
// gzip-compressed JSON file, so a snapshot can be evaluated elsewhere.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/store_util.h"

namespace rampart::cli {

namespace {
struct MoveArgs {
  std::string store = "rampart.db";
  std::int64_t scan = 0;
  std::string file;
};
}  // namespace

Runner setup_export(CLI::App& sub, GlobalOptions& /*global*/) {
  auto args = std::make_shared<MoveArgs>();
  sub.add_option("--store", args->store, "The inventory store file")->capture_default_str();
  sub.add_option("--scan", args->scan, "Scan id (default: the newest)");
  sub.add_option("--output,-o", args->file, "The snapshot file to write (gzip JSON)")->required();
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
    if (auto w = inventory::write_snapshot_file(*snapshot, args->file); !w) {
      std::cerr << "rampart: export: " << w.error().describe() << "\n";
      return kExitFatal;
    }
    std::cout << "Exported scan " << scan->id << " (" << snapshot->resources.size() << " resources, "
              << snapshot->errors.size() << " collection errors) to " << args->file << "\n";
    return kExitOk;
  };
}

Runner setup_import(CLI::App& sub, GlobalOptions& /*global*/) {
  auto args = std::make_shared<MoveArgs>();
  sub.add_option("file", args->file, "A snapshot file written by `rampart export`")->required();
  sub.add_option("--store", args->store, "The inventory store file")->capture_default_str();
  return [args] {
    auto snapshot = inventory::read_snapshot_file(args->file);
    if (!snapshot) {
      std::cerr << "rampart: import: " << snapshot.error().describe() << "\n";
      return kExitFatal;
    }
    auto store = open_store(args->store);
    if (!store) return kExitFatal;
    auto id = store->import_snapshot(*snapshot);
    if (!id) {
      std::cerr << "rampart: import: " << id.error().describe() << "\n";
      return kExitFatal;
    }
    std::cout << "Imported scan " << *id << " (account " << snapshot->scan.account << ", "
              << snapshot->resources.size() << " resources, " << snapshot->errors.size()
              << " collection errors) into " << args->store << "\n";
    return kExitOk;
  };
}

}  // namespace rampart::cli
