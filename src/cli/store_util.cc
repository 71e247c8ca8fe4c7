#include "cli/store_util.h"

#include <iostream>

namespace rampart::cli {

std::unique_ptr<inventory::Store> open_store(const std::string& path) {
  auto store = inventory::open_sqlite_store(path);
  if (!store) {
    std::cerr << "rampart: cannot open store " << path << ": " << store.error().describe() << "\n";
    return nullptr;
  }
  return std::move(store).value();
}

std::optional<inventory::ScanInfo> pick_scan(inventory::Store& store, const std::string& path,
                                             std::int64_t requested) {
  auto scans = store.list_scans();
  if (!scans) {
    std::cerr << "rampart: " << path << ": " << scans.error().describe() << "\n";
    return std::nullopt;
  }
  if (scans->empty()) {
    std::cerr << "rampart: " << path << " holds no scans (run `rampart scan` first)\n";
    return std::nullopt;
  }
  if (requested == 0) return scans->front();
  for (const auto& s : *scans) {
    if (s.id == requested) return s;
  }
  std::cerr << "rampart: " << path << " has no scan " << requested << "\n";
  return std::nullopt;
}

}  // namespace rampart::cli
