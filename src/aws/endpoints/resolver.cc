// Endpoint resolution over the generated endpoints.json tables (gen/partitions.cc). This is
// botocore's legacy EndpointResolver (regions.py) restricted to what rampart needs: exact
// endpoint entry, else the partition endpoint of a non-regionalized service, else the
// hostname template; plus the two client options that pick a global endpoint (STS "legacy",
// S3 us-east-1 "legacy"). For rampart's services its results equal the endpoint rule sets
// of botocore 1.43 (checked in resolver_test.cc against values botocore produced).
#include "aws/endpoints/resolver.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

#include "aws/endpoints/partitions.h"

namespace rampart::aws::endpoints {

namespace {

constexpr std::string_view kDefaultPartition = "aws";

// botocore.args.LEGACY_GLOBAL_STS_REGIONS: regions whose "legacy" STS endpoint is global.
constexpr std::array<std::string_view, 15> kLegacyGlobalStsRegions = {
    "ap-northeast-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ca-central-1",
    "eu-central-1",   "eu-north-1", "eu-west-1",      "eu-west-2",      "eu-west-3",
    "sa-east-1",      "us-east-1",  "us-east-2",      "us-west-1",      "us-west-2",
};

Error invalid(std::string message) {
  return make_error(ErrorKind::InvalidRequest, std::move(message), "InvalidEndpointConfig");
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
bool alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

// botocore.utils.validate_region_name: 1-63 of [A-Za-z0-9-], no leading/trailing '-', not
// all digits. Guards against a region that would inject into the host name.
bool valid_region(std::string_view r) {
  if (r.empty() || r.size() > 63 || r.front() == '-' || r.back() == '-') return false;
  if (!std::all_of(r.begin(), r.end(), [](char c) { return alnum(c) || c == '-'; })) {
    return false;
  }
  return !std::all_of(r.begin(), r.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// scheme://host[:port][/path] with scheme http or https, host a DNS name, IPv4 address or
// bracketed IPv6 address. Returns the URL without trailing '/'.
Result<std::string> validate_url(std::string_view url, std::string_view source) {
  auto bad = [&](std::string_view why) {
    return invalid(std::string(source) + " '" + std::string(url) +
                   "' is not a valid endpoint URL: " + std::string(why));
  };
  const std::size_t sep = url.find("://");
  if (sep == std::string_view::npos) return bad("missing scheme://");
  const std::string scheme = lowered(url.substr(0, sep));
  if (scheme != "http" && scheme != "https") return bad("scheme must be http or https");
  std::string_view rest = url.substr(sep + 3);
  const std::size_t path_at = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, path_at);
  std::string_view path = path_at == std::string_view::npos ? "" : rest.substr(path_at);
  if (!path.empty() && path.front() != '/') return bad("query and fragment are not allowed");
  if (path.find_first_of("?# ") != std::string_view::npos)
    return bad("query and fragment are not allowed");
  if (authority.find('@') != std::string_view::npos) return bad("user info is not allowed");
  std::string_view host = authority;
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return bad("unterminated IPv6 address");
    host = authority.substr(1, close - 1);
    if (host.empty() || !std::all_of(host.begin(), host.end(), [](char c) {
          return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
        })) {
      return bad("malformed IPv6 address");
    }
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return bad("garbage after IPv6 address");
      port = after.substr(1);
      if (port.empty()) return bad("empty port");
    }
  } else {
    if (const std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
      if (port.empty()) return bad("empty port");
    }
    if (host.empty()) return bad("missing host");
    if (!std::all_of(host.begin(), host.end(),
                     [](char c) { return alnum(c) || c == '-' || c == '.' || c == '_'; })) {
      return bad("invalid character in host");
    }
    if (host.front() == '.' || host.find("..") != std::string_view::npos) {
      return bad("empty host label");
    }
  }
  if (port.size() > 5 ||
      !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return bad("invalid port");
  }
  std::uint32_t port_number = 0;
  for (char c : port) port_number = port_number * 10 + static_cast<std::uint32_t>(c - '0');
  if (!port.empty() && port_number > 65535) return bad("port out of range");
  std::string out(url);
  while (out.size() > sep + 3 + authority.size() && out.back() == '/') out.pop_back();
  return out;
}

// region_regex ^HEAD\-\w+\-\d+$: a listed HEAD prefix, then [A-Za-z0-9_]+ '-' [0-9]+.
bool regex_matches(const Partition& p, std::string_view region) {
  for (std::string_view prefix : p.region_prefixes) {
    if (!region.starts_with(prefix)) continue;
    const std::string_view rest = region.substr(prefix.size());
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash + 1 == rest.size()) continue;
    const std::string_view word = rest.substr(0, dash);
    const std::string_view digits = rest.substr(dash + 1);
    if (std::all_of(word.begin(), word.end(), [](char c) { return alnum(c) || c == '_'; }) &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return true;
    }
  }
  return false;
}

const Partition* partition_by_id(std::string_view id) {
  for (const Partition& p : partitions()) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

const Partition& partition_for(std::string_view region) {
  for (const Partition& p : partitions()) {
    if (std::binary_search(p.regions.begin(), p.regions.end(), region)) return p;
  }
  for (const Partition& p : partitions()) {
    if (regex_matches(p, region)) return p;
  }
  return *partition_by_id(kDefaultPartition);
}

const ServiceEndpoints* service_entry(std::string_view prefix, std::string_view partition) {
  auto entries = service_endpoints();
  auto it = std::lower_bound(entries.begin(), entries.end(), std::pair{prefix, partition},
                             [](const ServiceEndpoints& e, const auto& key) {
                               return std::pair{e.prefix, e.partition} < key;
                             });
  if (it == entries.end() || it->prefix != prefix || it->partition != partition) return nullptr;
  return &*it;
}

const EndpointOverride* find_override(const ServiceEndpoints* entry, std::string_view key) {
  if (entry == nullptr) return nullptr;
  auto it =
      std::lower_bound(entry->endpoints.begin(), entry->endpoints.end(), key,
                       [](const EndpointOverride& o, std::string_view k) { return o.key < k; });
  return (it != entry->endpoints.end() && it->key == key) ? &*it : nullptr;
}

std::string expand(std::string_view tmpl, std::string_view service, std::string_view region,
                   std::string_view dns_suffix) {
  std::string out;
  std::size_t i = 0;
  while (i < tmpl.size()) {
    if (tmpl.substr(i).starts_with("{service}")) {
      out += service;
      i += 9;
    } else if (tmpl.substr(i).starts_with("{region}")) {
      out += region;
      i += 8;
    } else if (tmpl.substr(i).starts_with("{dnsSuffix}")) {
      out += dns_suffix;
      i += 11;
    } else {
      out += tmpl[i++];
    }
  }
  return out;
}

std::optional<std::string> env_value(const EndpointConfig& config, std::string_view name) {
  if (!config.env) return std::nullopt;
  auto v = config.env(name);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

// The setting if given, else the environment variable, else the default; lower-cased.
std::string setting(const EndpointConfig& config, const std::string& given,
                    std::string_view env_name, std::string_view fallback) {
  if (!given.empty()) return lowered(given);
  if (auto v = env_value(config, env_name)) return lowered(*v);
  return std::string(fallback);
}

// --endpoint-url, then AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL (the last two unless
// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true). Empty when none applies.
Result<std::string> configured_url(const ServiceModel& model, const EndpointConfig& config) {
  if (!config.endpoint_url.empty()) return validate_url(config.endpoint_url, "--endpoint-url");
  if (auto ignore = env_value(config, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
      ignore && lowered(*ignore) == "true") {
    return std::string();
  }
  const std::string service_var = service_endpoint_env_name(model);
  if (auto v = env_value(config, service_var)) return validate_url(*v, service_var);
  if (auto v = env_value(config, "AWS_ENDPOINT_URL")) return validate_url(*v, "AWS_ENDPOINT_URL");
  return std::string();
}

// The endpoints.json key to look up: the region, or the global pseudo-region the STS/S3
// "legacy" options select.
Result<std::string> endpoint_key(const ServiceModel& model, std::string_view region,
                                 const EndpointConfig& config) {
  if (model.metadata.id == "sts") {
    const std::string mode =
        setting(config, config.sts_regional_endpoints, "AWS_STS_REGIONAL_ENDPOINTS", "regional");
    if (mode != "regional" && mode != "legacy") {
      return invalid("sts_regional_endpoints must be 'regional' or 'legacy', not '" + mode + "'");
    }
    if (mode == "legacy" &&
        std::find(kLegacyGlobalStsRegions.begin(), kLegacyGlobalStsRegions.end(), region) !=
            kLegacyGlobalStsRegions.end()) {
      return std::string("aws-global");
    }
  }
  if (model.metadata.id == "s3") {
    const std::string mode = setting(config, config.s3_us_east_1_regional_endpoint,
                                     "AWS_S3_US_EAST_1_REGIONAL_ENDPOINT", "legacy");
    if (mode != "regional" && mode != "legacy") {
      return invalid("s3 us_east_1_regional_endpoint must be 'regional' or 'legacy', not '" + mode +
                     "'");
    }
    if (mode == "legacy" && region == "us-east-1") return std::string("aws-global");
  }
  return std::string(region);
}

}  // namespace

EnvLookup system_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* v = std::getenv(std::string(name).c_str());  // NOLINT(concurrency-mt-unsafe)
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  };
}

std::string service_endpoint_env_name(const ServiceModel& model) {
  std::string name = "AWS_ENDPOINT_URL_";
  for (char c : model.metadata.service_id) name += (c == ' ') ? '_' : upper(c);
  return name;
}

Result<ResolvedEndpoint> resolve_endpoint(const ServiceModel& model, std::string_view region,
                                          const EndpointConfig& config) {
  if (region.empty()) {
    return invalid("no region given for " + std::string(model.metadata.id) +
                   " (set --region or AWS_REGION)");
  }
  if (!valid_region(region)) {
    return invalid("'" + std::string(region) + "' is not a valid region name");
  }
  const Partition& partition = partition_for(region);
  const std::string_view prefix = model.metadata.endpoint_prefix;

  auto custom = configured_url(model, config);
  if (!custom) return custom.error();
  if (!custom->empty()) {
    // botocore signs requests to a configured endpoint with the client's region.
    return ResolvedEndpoint{std::move(*custom), std::string(region),
                            std::string(model.metadata.signing_name), std::string(partition.id)};
  }

  auto key = endpoint_key(model, region, config);
  if (!key) return key.error();
  const ServiceEndpoints* entry = service_entry(prefix, partition.id);
  const EndpointOverride* found = find_override(entry, *key);
  if (found == nullptr && entry != nullptr && !entry->regionalized &&
      !entry->partition_endpoint.empty()) {
    *key = std::string(entry->partition_endpoint);
    found = find_override(entry, *key);
  }

  std::string_view tmpl = partition.hostname;
  std::string_view scope_region;
  std::string_view scope_service;
  if (entry != nullptr) {
    if (!entry->hostname.empty()) tmpl = entry->hostname;
    scope_region = entry->credential_region;
    scope_service = entry->credential_service;
  }
  if (found != nullptr) {
    if (!found->hostname.empty()) tmpl = found->hostname;
    if (!found->credential_region.empty()) scope_region = found->credential_region;
    if (!found->credential_service.empty()) scope_service = found->credential_service;
  }
  ResolvedEndpoint out;
  out.url = "https://" + expand(tmpl, prefix, *key, partition.dns_suffix);
  out.signing_region = std::string(scope_region.empty() ? region : scope_region);
  out.signing_name =
      std::string(scope_service.empty() ? model.metadata.signing_name : scope_service);
  out.partition = std::string(partition.id);
  return out;
}

std::vector<std::string> partition_regions(std::string_view partition) {
  std::vector<std::string> out;
  if (const Partition* p = partition_by_id(partition)) {
    out.assign(p->regions.begin(), p->regions.end());
  }
  return out;
}

std::string_view partition_of(std::string_view region) {
  if (!valid_region(region)) return {};
  return partition_for(region).id;
}

}  // namespace rampart::aws::endpoints
