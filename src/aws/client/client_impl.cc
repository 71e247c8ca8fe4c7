// One AWS call end to end: resolve the endpoint, serialize, sign, wait for the rate limiter,
// send, parse; on failure ask the standard retry strategy (refreshing credentials first on
// ExpiredToken) and go again. Each attempt is signed anew: retries may cross a second
// boundary or follow a credential refresh.
#include "aws/client/client_impl.h"

#include <iostream>

#include "aws/client/paginate.h"
#include "aws/client/postprocess.h"
#include "aws/client/redact_body.h"
#include "aws/models/registry.h"
#include "aws/parse/parse.h"
#include "aws/serialize/request_target.h"
#include "aws/serialize/serialize.h"
#include "aws/sigv4/redact.h"

namespace rampart::aws {

AwsClientImpl::AwsClientImpl(ClientParts parts)
    : parts_(std::move(parts)), retry_(parts_.retry), limiters_(*parts_.clock) {}

ClientStats AwsClientImpl::stats() const {
  return ClientStats{calls_.load(), retries_.load(), throttles_.load(), errors_.load()};
}

Result<AwsClientImpl::Resolved> AwsClientImpl::resolve(std::string_view service,
                                                       std::string_view operation) const {
  const ServiceModel* model = models::find_service(service);
  if (model == nullptr) {
    return make_error(ErrorKind::InvalidRequest, "unknown service '" + std::string(service) + "'");
  }
  const Operation* op = model->find_operation(operation);
  if (op == nullptr) op = models::find_operation_by_cli_name(*model, operation);
  if (op == nullptr) {
    return make_error(ErrorKind::InvalidRequest,
                      "service " + std::string(model->metadata.id) + " has no read operation '" +
                          std::string(operation) + "' (rampart only calls read-only operations)");
  }
  return Resolved{model, op};
}

Result<HttpRequest> AwsClientImpl::build_request(const ServiceModel& model, const Operation& op,
                                                 const Json& params, const std::string& region,
                                                 const Credentials& creds) {
  endpoints::EndpointConfig config;
  config.endpoint_url = parts_.endpoint_url;
  config.env = parts_.env;
  auto endpoint = endpoints::resolve_endpoint(model, region, config);
  if (!endpoint) return endpoint.error();
  auto target = parse_endpoint_url(endpoint->url);
  if (!target) return target.error();
  auto request = serialize_request(model, op, params, *target);
  if (!request) return request.error();
  if (op.auth_type == "none") return request;  // e.g. AssumeRoleWithWebIdentity: anonymous
  bool is_s3 = model.metadata.signing_name == "s3" || model.metadata.id == "s3control";
  sigv4::SigningParams signing =
      is_s3 ? sigv4::SigningParams::s3(endpoint->signing_region, parts_.clock->now())
            : sigv4::SigningParams::at(endpoint->signing_region, endpoint->signing_name,
                                       *parts_.clock);
  if (is_s3) signing.service = endpoint->signing_name;
  if (auto signed_request = sigv4::sign_headers(*request, creds, signing, &signing_keys_);
      !signed_request) {
    return signed_request.error();
  }
  return request;
}

void AwsClientImpl::log_debug(const HttpRequest& request,
                              const Result<HttpResponse>& response) const {
  std::lock_guard lock(log_mu_);
  std::cerr << "rampart: --> " << sigv4::redact_for_log(request) << "\n";
  if (response.ok()) {
    std::cerr << "rampart: <-- " << response->status << " (" << response->body.size()
              << " bytes)\n";
    for (const auto& [k, v] : response->headers) {
      std::cerr << "rampart: <-- " << k << ": " << v << "\n";
    }
    std::cerr << redact_body(response->body.substr(0, 4096)) << "\n";
  } else {
    std::cerr << "rampart: <-- " << response.error().describe() << "\n";
  }
}

Result<Json> AwsClientImpl::invoke(const ServiceModel& model, const Operation& op,
                                   const Json& params, const std::string& region_in) {
  const std::string region = region_in.empty() ? parts_.region : region_in;
  ClientRateLimiter& limiter =
      limiters_.get(std::string(model.metadata.endpoint_prefix) + "/" + region);
  RetryState state = retry_.begin();
  while (true) {
    auto creds = parts_.credentials->get();
    if (!creds) return creds.error();
    auto request = build_request(model, op, params, region, *creds);
    if (!request) return request.error();
    limiter.acquire_and_wait();
    ++calls_;
    Result<HttpResponse> response = parts_.transport->send(*request, parts_.call);
    if (parts_.debug) log_debug(*request, response);
    Error error;
    if (response.ok()) {
      auto parsed = parse_response(model, op, *response);
      if (parsed.ok()) {
        limiter.on_response(false);
        retry_.on_success(state);
        postprocess_response(model, op, *response, *parsed);
        return parsed;
      }
      error = parsed.error();
    } else {
      error = response.error();
    }
    limiter.on_response(error.kind == ErrorKind::Throttling);
    if (error.kind == ErrorKind::Throttling) ++throttles_;
    bool refreshed = false;
    if (error.kind == ErrorKind::ExpiredCredentials) {
      refreshed = parts_.credentials->force_refresh(*creds).ok();
    }
    RetryDecision decision = retry_.on_error(state, error, refreshed);
    if (!decision.retry) {
      ++errors_;
      return error;
    }
    ++retries_;
    parts_.clock->sleep_for(decision.delay);
  }
}

Result<Json> AwsClientImpl::call(std::string_view service, std::string_view operation,
                                 const Json& params, std::string_view region) {
  auto resolved = resolve(service, operation);
  if (!resolved) return resolved.error();
  return invoke(*resolved->model, *resolved->op, params, std::string(region));
}

Result<void> AwsClientImpl::for_each_page(std::string_view service, std::string_view operation,
                                          const Json& params, std::string_view region,
                                          const std::function<bool(const Json&)>& on_page) {
  auto resolved = resolve(service, operation);
  if (!resolved) return resolved.error();
  const Paginator* paginator = resolved->model->find_paginator(resolved->op->name);
  Json current = params.is_null() ? Json::object() : params;
  while (true) {
    auto page = invoke(*resolved->model, *resolved->op, current, std::string(region));
    if (!page) return page.error();
    if (!on_page(*page) || paginator == nullptr) return {};
    auto next = next_page_params(*paginator, current, *page);
    if (!next) return {};
    current = std::move(*next);
  }
}

Result<Json> AwsClientImpl::call_all_pages(std::string_view service, std::string_view operation,
                                           const Json& params, std::string_view region) {
  auto resolved = resolve(service, operation);
  if (!resolved) return resolved.error();
  const Paginator* paginator = resolved->model->find_paginator(resolved->op->name);
  if (paginator == nullptr) return invoke(*resolved->model, *resolved->op, params, std::string(region));
  Json merged;
  auto done = for_each_page(service, operation, params, region, [&](const Json& page) {
    merge_page(*paginator, merged, page);
    return true;
  });
  if (!done) return done.error();
  finish_merge(*paginator, merged);
  return merged;
}

}  // namespace rampart::aws
