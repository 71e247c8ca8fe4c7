// Internal to the RDS collector (rds_collector.cc, rds_parameters.cc, rds_snapshots.cc).
#pragma once

#include <string_view>

#include "collect/collector.h"

namespace rampart::collect::rds {

// A resource from one entry of an RDS Describe* list: id, ARN and TagList read from the
// entry's members `id_key` / `arn_key`.
inventory::Resource make_resource(const CollectTask& task, std::string_view type,
                                  const Json& entry, std::string_view id_key,
                                  std::string_view arn_key);

// DB and DB cluster parameter groups with a `Parameters` map of the parameters that matter.
void collect_parameter_groups(CollectTask& task);
// DB and DB cluster snapshots with their restore attribute (`RestoreAccounts`).
void collect_snapshots(CollectTask& task);

}  // namespace rampart::collect::rds
