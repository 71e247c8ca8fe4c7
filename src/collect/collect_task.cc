// ScanTask: the CollectTask the scan runs (see collect_task.h).
#include "collect/collect_task.h"

#include <exception>

namespace rampart::collect {

namespace {
Json unknown_entry(const inventory::CollectionError& e) {
  return Json{{"operation", e.operation},
              {"kind", std::string(to_string(e.kind))},
              {"code", e.code},
              {"message", e.message}};
}
}  // namespace

std::string home_region(std::string_view partition, std::string_view fallback) {
  if (partition == "aws") return "us-east-1";
  if (partition == "aws-cn") return "cn-north-1";
  if (partition == "aws-us-gov") return "us-gov-west-1";
  return std::string(fallback);
}

ScanTask::ScanTask(ScanShared& shared, const CollectorSpec& spec, std::string region)
    : shared_(shared),
      spec_(spec),
      region_(std::move(region)),
      error_region_(spec.scope == Scope::Global ? std::string(inventory::kGlobalRegion) : region_) {}

void ScanTask::start() {
  started_ = std::chrono::steady_clock::now();
  outstanding_.store(1);
  shared_.pool.submit([this] {
    run_guarded([this] {
      if (spec_.collect != nullptr) spec_.collect(*this);
    });
  });
}

void ScanTask::spawn(std::function<void()> work) {
  outstanding_.fetch_add(1);
  shared_.pool.submit([this, work = std::move(work)] { run_guarded(work); });
}

void ScanTask::run_guarded(const std::function<void()>& work) {
  std::string failure;
  try {
    work();
  } catch (const std::exception& e) {
    failure = e.what();
  } catch (...) {
    failure = "unknown exception";
  }
  if (!failure.empty()) {
    record(inventory::CollectionError{shared_.account, error_region_, std::string(spec_.service),
                                      "", "", "", ErrorKind::Internal, "CollectorException",
                                      "collector " + std::string(spec_.service) + " failed: " +
                                          failure});
  }
  release();
}

void ScanTask::release() {
  if (outstanding_.fetch_sub(1) != 1) return;
  flush(true);
  TaskReport report;
  report.service = std::string(spec_.service);
  report.region = region_;
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  {
    std::lock_guard lock(mu_);
    report.resources = resources_;
    report.errors = errors_;
    report.write_error = write_error_;
  }
  if (shared_.on_task_done) shared_.on_task_done(report);
}

void ScanTask::record(inventory::CollectionError error) {
  shared_.counters.errors.fetch_add(1);
  bool full = false;
  {
    std::lock_guard lock(mu_);
    ++errors_;
    pending_.errors.push_back(std::move(error));
    full = pending_.resources.size() + pending_.errors.size() >= shared_.batch_size;
  }
  if (full) flush(false);
}

void ScanTask::emit(inventory::Resource resource) {
  if (resource.account.empty()) resource.account = shared_.account;
  if (resource.region.empty()) resource.region = error_region_;
  shared_.counters.resources.fetch_add(1);
  bool full = false;
  {
    std::lock_guard lock(mu_);
    ++resources_;
    pending_.resources.push_back(std::move(resource));
    full = pending_.resources.size() + pending_.errors.size() >= shared_.batch_size;
  }
  if (full) flush(false);
}

void ScanTask::flush(bool final) {
  inventory::Batch batch;
  {
    std::lock_guard lock(mu_);
    if (!final && pending_.resources.size() + pending_.errors.size() < shared_.batch_size) return;
    batch = std::move(pending_);
    pending_ = {};
  }
  if (batch.resources.empty() && batch.errors.empty()) return;
  auto written = shared_.store.write_batch(shared_.scan_id, batch);
  if (!written) {
    std::lock_guard lock(mu_);
    if (write_error_.empty()) write_error_ = written.error().describe();
  }
}

std::optional<Json> ScanTask::list(std::string_view service, std::string_view operation,
                                   const Json& params, std::string_view resource_type) {
  auto response = shared_.client.call_all_pages(service, operation, params, region_);
  if (response) return std::move(response).value();
  const Error& err = response.error();
  // The service is not offered / not subscribed in this region: nothing to collect, and not
  // an error (the issue: "service not offered are skipped cleanly").
  if (err.kind == ErrorKind::OptInRequired) return std::nullopt;
  record(inventory::CollectionError{shared_.account, error_region_, std::string(service),
                                    std::string(operation), std::string(resource_type), "",
                                    err.kind, err.code, err.message});
  return std::nullopt;
}

std::optional<Json> ScanTask::describe(inventory::Resource& resource, std::string_view service,
                                       std::string_view operation, const Json& params,
                                       std::string_view attribute,
                                       std::initializer_list<std::string_view> absent_codes,
                                       std::string_view region) {
  auto response = shared_.client.call_all_pages(service, operation, params,
                                                region.empty() ? std::string_view(region_) : region);
  if (response) return std::move(response).value();
  const Error& err = response.error();
  for (std::string_view code : absent_codes) {
    if (err.code == code) {
      resource.document[std::string(attribute)] = nullptr;
      return std::nullopt;
    }
  }
  inventory::CollectionError e{shared_.account,
                               resource.region.empty() ? error_region_ : resource.region,
                               std::string(service),
                               std::string(operation),
                               resource.type,
                               resource.id,
                               err.kind,
                               err.code,
                               err.message};
  resource.unknown[std::string(attribute)] = unknown_entry(e);
  record(std::move(e));
  return std::nullopt;
}

}  // namespace rampart::collect
