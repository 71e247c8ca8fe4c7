// Text renderings of the store for people: the seed-002-style infrastructure summary of one
// scan (from inventory::inventory_summary's JSON) and the table of scans. Pure functions.
#pragma once

#include <string>
#include <vector>

#include "aws/core/json.h"
#include "inventory/resource.h"

namespace rampart::cli {

std::string render_inventory_text(const Json& summary);

// `rampart inventory --json`: one compact JSON object per (type, region) line.
std::string render_inventory_json_lines(const Json& summary);

struct ScanRow {
  inventory::ScanInfo info;
  std::int64_t resources = -1;  // -1: could not be counted
  std::int64_t errors = -1;
};
std::string render_scans_table(const std::vector<ScanRow>& rows);

}  // namespace rampart::cli
