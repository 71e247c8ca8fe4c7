// A CollectTask for collector unit tests: serves canned responses per (service, operation
// [, params]) — typically recorded from moto or AWS — and canned errors, runs spawned work
// inline, and keeps what the collector emitted and recorded. Test code only.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "collect/collector.h"

namespace rampart::collect::testing {

class FakeTask final : public CollectTask {
 public:
  FakeTask(std::string account, std::string region)
      : account_(std::move(account)), region_(std::move(region)) {}

  // The response to (service, operation); with `params` set, only to calls with exactly those
  // parameters (more specific wins).
  void respond(std::string service, std::string operation, Json response,
               std::optional<Json> params = std::nullopt) {
    responses_.push_back({std::move(service), std::move(operation), std::move(params),
                          std::move(response), std::nullopt});
  }
  void fail(std::string service, std::string operation, Error error,
            std::optional<Json> params = std::nullopt) {
    responses_.push_back({std::move(service), std::move(operation), std::move(params), Json(),
                          std::move(error)});
  }

  const std::string& account() const override { return account_; }
  const std::string& partition() const override { return partition_; }
  const std::string& region() const override { return region_; }

  std::optional<Json> list(std::string_view service, std::string_view operation,
                           const Json& params, std::string_view resource_type) override {
    calls.emplace_back(std::string(service) + ":" + std::string(operation), params);
    const Canned* c = find(service, operation, params);
    if (c == nullptr || c->error) {
      errors.push_back(make_collection_error(service, operation, resource_type, "", c));
      return std::nullopt;
    }
    return c->response;
  }

  std::optional<Json> describe(inventory::Resource& resource, std::string_view service,
                               std::string_view operation, const Json& params,
                               std::string_view attribute,
                               std::initializer_list<std::string_view> absent_codes,
                               std::string_view /*region*/) override {
    calls.emplace_back(std::string(service) + ":" + std::string(operation), params);
    const Canned* c = find(service, operation, params);
    if (c != nullptr && !c->error) return c->response;
    if (c != nullptr) {
      for (std::string_view code : absent_codes) {
        if (c->error->code == code) {
          resource.document[std::string(attribute)] = nullptr;
          return std::nullopt;
        }
      }
    }
    auto e = make_collection_error(service, operation, resource.type, resource.id, c);
    resource.unknown[std::string(attribute)] = {
        {"operation", e.operation}, {"kind", std::string(to_string(e.kind))},
        {"code", e.code}, {"message", e.message}};
    errors.push_back(std::move(e));
    return std::nullopt;
  }

  void emit(inventory::Resource resource) override { emitted.push_back(std::move(resource)); }
  void spawn(std::function<void()> work) override { work(); }

  // The emitted resource of `type` with `id`, or nullptr.
  const inventory::Resource* resource(std::string_view type, std::string_view id) const {
    for (const auto& r : emitted) {
      if (r.type == type && r.id == id) return &r;
    }
    return nullptr;
  }

  std::vector<inventory::Resource> emitted;
  std::vector<inventory::CollectionError> errors;
  std::vector<std::pair<std::string, Json>> calls;

 private:
  struct Canned {
    std::string service, operation;
    std::optional<Json> params;
    Json response;
    std::optional<Error> error;
  };

  const Canned* find(std::string_view service, std::string_view operation, const Json& params) const {
    const Canned* any = nullptr;
    for (const auto& c : responses_) {
      if (c.service != service || c.operation != operation) continue;
      if (c.params && *c.params == params) return &c;
      if (!c.params && any == nullptr) any = &c;
    }
    return any;
  }

  inventory::CollectionError make_collection_error(std::string_view service,
                                                   std::string_view operation,
                                                   std::string_view type, std::string_view id,
                                                   const Canned* c) const {
    Error err = c && c->error ? *c->error
                              : make_error(ErrorKind::Internal, "no canned response", "NoFixture");
    return inventory::CollectionError{account_, region_, std::string(service),
                                      std::string(operation), std::string(type),
                                      std::string(id), err.kind, err.code, err.message};
  }

  std::string account_;
  std::string partition_ = "aws";
  std::string region_;
  std::vector<Canned> responses_;
};

}  // namespace rampart::collect::testing
