// Helpers the store commands (scan, scans, inventory, export, import) share: open the store
// and pick a scan (the newest by default), reporting failures on stderr.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "inventory/store.h"

namespace rampart::cli {

// nullptr (after printing why) when the store cannot be opened.
std::unique_ptr<inventory::Store> open_store(const std::string& path);

// The scan `requested` (0: the newest), or nullopt after printing why there is none.
std::optional<inventory::ScanInfo> pick_scan(inventory::Store& store, const std::string& path,
                                             std::int64_t requested);

}  // namespace rampart::cli
