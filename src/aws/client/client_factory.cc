// Assembles a real AwsClient: the shared config and profile, the credential chain (whose
// assume-role and web-identity steps call STS through a client of their own), the libcurl
// transport, retry settings, and the endpoint overrides (flag > AWS_ENDPOINT_URL_<SERVICE> >
// AWS_ENDPOINT_URL > profile endpoint_url).
#include <cstdlib>

#include "aws/client/client_impl.h"
#include "aws/core/timestamp.h"
#include "aws/credentials/chain.h"
#include "aws/credentials/profile_config.h"
#include "aws/credentials/shared_config.h"
#include "aws/transport/curl_transport.h"

namespace rampart::aws {

namespace {

// STS for the credential chain: each call runs through a short-lived client signed with the
// source credentials (or unsigned, for AssumeRoleWithWebIdentity).
class ClientStsApi final : public StsApi {
 public:
  ClientStsApi(std::shared_ptr<HttpTransport> transport, ClientParts defaults)
      : transport_(std::move(transport)), defaults_(std::move(defaults)) {}

  Result<Credentials> assume_role(const Credentials& source,
                                  const AssumeRoleRequest& request) override {
    Json params = {{"RoleArn", request.role_arn}, {"RoleSessionName", request.role_session_name}};
    if (!request.external_id.empty()) params["ExternalId"] = request.external_id;
    if (request.duration_seconds) params["DurationSeconds"] = *request.duration_seconds;
    return call("AssumeRole", params, source, request.region, "assume-role " + request.role_arn);
  }

  Result<Credentials> assume_role_with_web_identity(
      const AssumeRoleWithWebIdentityRequest& request) override {
    Json params = {{"RoleArn", request.role_arn},
                   {"RoleSessionName", request.role_session_name},
                   {"WebIdentityToken", request.web_identity_token}};
    if (request.duration_seconds) params["DurationSeconds"] = *request.duration_seconds;
    return call("AssumeRoleWithWebIdentity", params, Credentials{"anonymous", "anonymous"},
                request.region, "web-identity " + request.role_arn);
  }

 private:
  Result<Credentials> call(std::string_view op, const Json& params, const Credentials& source,
                           const std::string& region, std::string label) {
    ClientParts parts;
    parts.transport = transport_;
    parts.credentials = std::make_shared<StaticProvider>(source);
    parts.clock = defaults_.clock;
    parts.region = region.empty() ? defaults_.region : region;
    parts.endpoint_url = defaults_.endpoint_url;
    parts.env = defaults_.env;
    parts.retry = defaults_.retry;
    parts.call = defaults_.call;
    parts.debug = defaults_.debug;
    AwsClientImpl client(std::move(parts));
    auto out = client.call("sts", op, params);
    if (!out) return out.error();
    const Json& c = (*out)["Credentials"];
    Credentials creds;
    creds.access_key_id = c.value("AccessKeyId", "");
    creds.secret_access_key = c.value("SecretAccessKey", "");
    creds.session_token = c.value("SessionToken", "");
    if (auto exp = parse_iso8601(c.value("Expiration", ""))) {
      creds.expiration = std::chrono::system_clock::time_point(std::chrono::seconds(exp->seconds));
    }
    creds.source = std::move(label);
    if (creds.empty()) {
      return make_error(ErrorKind::Parse, "sts " + std::string(op) + ": no credentials in the response");
    }
    return creds;
  }

  std::shared_ptr<HttpTransport> transport_;
  ClientParts defaults_;
};

}  // namespace

Result<std::unique_ptr<AwsClient>> AwsClient::create(const ClientConfig& config, GetEnv getenv_fn,
                                                     std::unique_ptr<HttpTransport> transport) {
  Environment env = getenv_fn ? Environment([getenv_fn](const std::string& name) {
                                  return getenv_fn(name);
                                })
                              : Environment::process();
  endpoints::EnvLookup env_lookup = [env](std::string_view name) {
    return env.get(std::string(name));
  };

  ConfigOverrides overrides;
  if (!config.profile.empty()) overrides.profile = config.profile;
  if (!config.region.empty()) overrides.region = config.region;
  if (!config.endpoint_url.empty()) overrides.endpoint_url = config.endpoint_url;

  ClientParts parts;
  if (transport) {
    parts.transport = std::move(transport);
  } else {
    TransportOptions options;
    options.max_connections = static_cast<long>(config.max_connections);
    parts.transport = std::make_shared<CurlTransport>(options);
  }
  parts.env = env_lookup;
  parts.debug = config.debug;
  parts.call.connect_timeout = config.connect_timeout;
  parts.call.total_timeout = config.call_timeout;

  auto shared = load_shared_config(shared_config_paths(env));
  if (!shared) return shared.error();
  auto profile = resolve_profile_config(*shared, env, overrides);
  if (!profile) return profile.error();
  parts.region = profile->region.value_or("us-east-1");
  // The flag applies to every service; a profile's endpoint_url only where no service-specific
  // variable names another (the resolver reads AWS_ENDPOINT_URL_<SERVICE> / AWS_ENDPOINT_URL).
  if (!config.endpoint_url.empty()) {
    parts.endpoint_url = config.endpoint_url;
  } else if (profile->endpoint_url && !env.has("AWS_ENDPOINT_URL")) {
    parts.endpoint_url = *profile->endpoint_url;
  }
  if (profile->ca_bundle) parts.call.ca_bundle = *profile->ca_bundle;
  if (config.max_attempts > 0) {
    parts.retry.max_attempts = config.max_attempts;
  } else if (profile->max_attempts) {
    parts.retry.max_attempts = *profile->max_attempts;
  }

  parts.sts = std::make_unique<ClientStsApi>(parts.transport, ClientParts{
                                                                  .transport = nullptr,
                                                                  .sts = nullptr,
                                                                  .credentials = nullptr,
                                                                  .clock = parts.clock,
                                                                  .region = parts.region,
                                                                  .endpoint_url = parts.endpoint_url,
                                                                  .env = parts.env,
                                                                  .retry = parts.retry,
                                                                  .call = parts.call,
                                                                  .debug = parts.debug,
                                                              });
  auto provider = resolve_default_credentials(env, overrides, parts.sts.get(), parts.transport.get(),
                                              *parts.clock);
  if (!provider) return provider.error();
  parts.credentials = std::move(*provider);
  return std::unique_ptr<AwsClient>(std::make_unique<AwsClientImpl>(std::move(parts)));
}

}  // namespace rampart::aws
