// The collect stage's contract. A collector reads one service for one region (or once for a
// global service) through a CollectTask, and emits Resources; a call that fails becomes a
// CollectionError and marks what it would have filled as unknown — never as absent.
//
// Adding a collector touches one place: a file `<service>_collector.cc` in this folder that
// defines `extern const CollectorSpec kCollector_<service>`; the build generates the table of
// all collectors from the file names (collectors_gen.cc).
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "aws/core/json.h"
#include "inventory/resource.h"

namespace rampart::collect {

enum class Scope : std::uint8_t { Regional, Global };

class CollectTask {
 public:
  virtual ~CollectTask() = default;
  virtual const std::string& account() const = 0;
  virtual const std::string& partition() const = 0;
  // The region this task reads; for Global collectors the region calls go to (e.g. us-east-1),
  // while resources they emit use inventory::kGlobalRegion where AWS has no region for them.
  virtual const std::string& region() const = 0;

  // A list/describe call, all pages merged. On failure records a CollectionError for
  // (region, service, operation, resource_type) and returns nullopt.
  virtual std::optional<Json> list(std::string_view service, std::string_view operation,
                                   const Json& params, std::string_view resource_type) = 0;
  // A call that fills `attribute` of `resource` (resource.document[attribute] = the chosen part
  // of the response is up to the caller). On failure: when the AWS error code is one of
  // `absent_codes` (e.g. "ServerSideEncryptionConfigurationNotFoundError"), sets
  // document[attribute] = null (absent) and returns nullopt; otherwise records a
  // CollectionError with resource.id and sets resource.unknown[attribute]; returns nullopt.
  virtual std::optional<Json> describe(inventory::Resource& resource, std::string_view service,
                                       std::string_view operation, const Json& params,
                                       std::string_view attribute,
                                       std::initializer_list<std::string_view> absent_codes = {},
                                       std::string_view region = {}) = 0;
  // Hands a finished resource to the store (batched; committed per task).
  virtual void emit(inventory::Resource resource) = 0;
  // Per-resource fan-out: runs `work` on the scan's worker pool; all of a task's spawned work
  // is finished before the task's batch is committed.
  virtual void spawn(std::function<void()> work) = 0;
};

struct CollectorSpec {
  std::string_view service;  // botocore id, also the --service filter name
  Scope scope = Scope::Regional;
  void (*collect)(CollectTask& task) = nullptr;
};

// Every collector compiled in, sorted by service (generated from the file names).
std::span<const CollectorSpec* const> all_collectors();

// Helpers collectors share.
// Tags from AWS's [{"Key": k, "Value": v}] (any capitalization of Key/Value) to {"k": "v"}.
Json tags_from_list(const Json& list);
// The value of the "Name" tag, or "".
std::string name_tag(const Json& tags);

}  // namespace rampart::collect
