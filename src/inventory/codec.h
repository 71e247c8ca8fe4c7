// JSON forms of the inventory's values, shared by the SQLite store (scan options/regions
// columns) and the snapshot file: Resource, CollectionError and ScanInfo to JSON and back.
// The readers validate field presence and types and say which field of which element is wrong,
// so a bad snapshot file names the problem ("resources[3].type: missing").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "aws/core/json.h"
#include "aws/core/result.h"
#include "inventory/resource.h"

namespace rampart::inventory {

std::optional<ScanStatus> scan_status_from_string(std::string_view s);
// The inverse of rampart::to_string(ErrorKind); unknown names give nullopt.
std::optional<ErrorKind> error_kind_from_string(std::string_view s);

Json to_json(const Resource& r);
Json to_json(const CollectionError& e);
Json to_json(const ScanInfo& s);

// `where` prefixes error messages ("resources[3]"). Errors are ErrorKind::Parse.
Result<Resource> resource_from_json(const Json& j, const std::string& where);
Result<CollectionError> collection_error_from_json(const Json& j, const std::string& where);
Result<ScanInfo> scan_info_from_json(const Json& j, const std::string& where);

}  // namespace rampart::inventory
