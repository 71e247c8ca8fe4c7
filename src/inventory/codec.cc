// JSON <-> inventory structs with field-level validation (see codec.h).
#include "inventory/codec.h"

#include <array>

namespace rampart::inventory {

std::string_view to_string(ScanStatus s) {
  switch (s) {
    case ScanStatus::Running: return "running";
    case ScanStatus::Complete: return "complete";
    case ScanStatus::Incomplete: return "incomplete";
  }
  return "incomplete";
}

std::optional<ScanStatus> scan_status_from_string(std::string_view s) {
  for (ScanStatus v : {ScanStatus::Running, ScanStatus::Complete, ScanStatus::Incomplete}) {
    if (to_string(v) == s) return v;
  }
  return std::nullopt;
}

std::optional<ErrorKind> error_kind_from_string(std::string_view s) {
  static constexpr std::array kKinds = {
      ErrorKind::AccessDenied,       ErrorKind::Throttling, ErrorKind::OptInRequired,
      ErrorKind::NotFound,           ErrorKind::ExpiredCredentials, ErrorKind::Network,
      ErrorKind::Timeout,            ErrorKind::ServiceUnavailable, ErrorKind::InvalidRequest,
      ErrorKind::Parse,              ErrorKind::Internal};
  for (ErrorKind k : kKinds) {
    if (rampart::to_string(k) == s) return k;
  }
  return std::nullopt;
}

Json to_json(const Resource& r) {
  return Json{{"account", r.account}, {"region", r.region},     {"type", r.type},
              {"id", r.id},           {"arn", r.arn},           {"name", r.name},
              {"tags", r.tags},       {"document", r.document}, {"unknown", r.unknown}};
}

Json to_json(const CollectionError& e) {
  return Json{{"account", e.account},
              {"region", e.region},
              {"service", e.service},
              {"operation", e.operation},
              {"resource_type", e.resource_type},
              {"resource_id", e.resource_id},
              {"kind", std::string(rampart::to_string(e.kind))},
              {"code", e.code},
              {"message", e.message}};
}

Json to_json(const ScanInfo& s) {
  return Json{{"id", s.id},
              {"account", s.account},
              {"started", s.started},
              {"finished", s.finished},
              {"rampart_version", s.rampart_version},
              {"regions", s.regions},
              {"options", s.options},
              {"status", std::string(to_string(s.status))}};
}

namespace {

Error field_error(const std::string& where, std::string_view field, std::string_view what) {
  return make_error(ErrorKind::Parse, where + "." + std::string(field) + ": " + std::string(what),
                    "BadSnapshot");
}

// Reads a required string member into `out`; returns an error message on failure.
std::optional<Error> get_string(const Json& j, std::string_view field, const std::string& where,
                                std::string& out, bool required = true) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) {
    if (required) return field_error(where, field, "missing");
    return std::nullopt;
  }
  if (!it->is_string()) return field_error(where, field, "not a string");
  out = it->get<std::string>();
  return std::nullopt;
}

std::optional<Error> get_object(const Json& j, std::string_view field, const std::string& where,
                                Json& out) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return std::nullopt;  // optional, stays {}
  if (!it->is_object()) return field_error(where, field, "not an object");
  out = *it;
  return std::nullopt;
}

Error not_object(const std::string& where) {
  return make_error(ErrorKind::Parse, where + ": not an object", "BadSnapshot");
}

}  // namespace

Result<Resource> resource_from_json(const Json& j, const std::string& where) {
  if (!j.is_object()) return not_object(where);
  Resource r;
  if (auto e = get_string(j, "account", where, r.account, false)) return *e;
  if (auto e = get_string(j, "region", where, r.region)) return *e;
  if (auto e = get_string(j, "type", where, r.type)) return *e;
  if (auto e = get_string(j, "id", where, r.id)) return *e;
  if (auto e = get_string(j, "arn", where, r.arn, false)) return *e;
  if (auto e = get_string(j, "name", where, r.name, false)) return *e;
  if (auto e = get_object(j, "tags", where, r.tags)) return *e;
  if (auto e = get_object(j, "unknown", where, r.unknown)) return *e;
  auto doc = j.find("document");
  if (doc == j.end()) return field_error(where, "document", "missing");
  if (!doc->is_object()) return field_error(where, "document", "not an object");
  r.document = *doc;
  return r;
}

Result<CollectionError> collection_error_from_json(const Json& j, const std::string& where) {
  if (!j.is_object()) return not_object(where);
  CollectionError c;
  std::string kind;
  if (auto e = get_string(j, "account", where, c.account, false)) return *e;
  if (auto e = get_string(j, "region", where, c.region)) return *e;
  if (auto e = get_string(j, "service", where, c.service)) return *e;
  if (auto e = get_string(j, "operation", where, c.operation)) return *e;
  if (auto e = get_string(j, "resource_type", where, c.resource_type, false)) return *e;
  if (auto e = get_string(j, "resource_id", where, c.resource_id, false)) return *e;
  if (auto e = get_string(j, "kind", where, kind)) return *e;
  if (auto e = get_string(j, "code", where, c.code, false)) return *e;
  if (auto e = get_string(j, "message", where, c.message, false)) return *e;
  auto k = error_kind_from_string(kind);
  if (!k) return field_error(where, "kind", "unknown error kind \"" + kind + "\"");
  c.kind = *k;
  return c;
}

Result<ScanInfo> scan_info_from_json(const Json& j, const std::string& where) {
  if (!j.is_object()) return not_object(where);
  ScanInfo s;
  std::string status;
  if (auto e = get_string(j, "account", where, s.account)) return *e;
  if (auto e = get_string(j, "started", where, s.started)) return *e;
  if (auto e = get_string(j, "finished", where, s.finished, false)) return *e;
  if (auto e = get_string(j, "rampart_version", where, s.rampart_version, false)) return *e;
  if (auto e = get_string(j, "status", where, status)) return *e;
  if (auto e = get_object(j, "options", where, s.options)) return *e;
  auto st = scan_status_from_string(status);
  if (!st) return field_error(where, "status", "unknown status \"" + status + "\"");
  s.status = *st;
  if (auto id = j.find("id"); id != j.end() && id->is_number_integer()) {
    s.id = id->get<std::int64_t>();
  }
  if (auto regions = j.find("regions"); regions != j.end() && !regions->is_null()) {
    if (!regions->is_array()) return field_error(where, "regions", "not an array");
    for (const auto& r : *regions) {
      if (!r.is_string()) return field_error(where, "regions", "not an array of strings");
      s.regions.push_back(r.get<std::string>());
    }
  }
  return s;
}

}  // namespace rampart::inventory
