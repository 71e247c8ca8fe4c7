// SigV4 signing: assembles the canonical request from canonical.h's pieces, derives (or
// reuses) the signing key and writes the signature into the request's headers or query.
#include "aws/sigv4/signer.h"

#include <algorithm>
#include <array>
#include <utility>

#include "aws/core/encoding.h"
#include "aws/core/timestamp.h"
#include "aws/sigv4/canonical.h"

namespace rampart::aws::sigv4 {

namespace {

constexpr std::chrono::seconds kMaxExpires{7 * 24 * 3600};

std::string scope_of(const SigningParams& params) {
  return amz_day(params.time) + "/" + params.region + "/" + params.service + "/aws4_request";
}

Result<void> validate(const Credentials& credentials, const SigningParams& params) {
  if (credentials.empty()) {
    return make_error(ErrorKind::InvalidRequest, "cannot sign: no access key id or secret key",
                      "MissingCredentials");
  }
  if (params.region.empty() || params.service.empty()) {
    return make_error(ErrorKind::Internal, "cannot sign: region and service are required",
                      "SigningConfig");
  }
  return {};
}

void ensure_host(HttpRequest& request) {
  if (request.header("host") != nullptr || request.host.empty()) return;
  request.headers.insert(request.headers.begin(), {"Host", request.host});
}

// Computes canonical request, string to sign and signature of an already-prepared request.
SigningDetails compute(const HttpRequest& request, const Credentials& credentials,
                       const SigningParams& params, SigningKeyCache* cache) {
  SigningDetails d;
  d.scope = scope_of(params);
  d.canonical_request = canonical_request(request, params);
  d.string_to_sign = string_to_sign(d.canonical_request, params);
  std::string day = amz_day(params.time);
  std::string key =
      cache != nullptr
          ? cache->get(credentials.secret_access_key, day, params.region, params.service)
          : derive_signing_key(credentials.secret_access_key, day, params.region, params.service);
  d.signature = hex_encode(hmac_sha256(key, d.string_to_sign));
  d.signed_headers = canonicalize_headers(request.headers).signed_headers;
  return d;
}

// Drops earlier X-Amz-* signing parameters so that presigning twice does not sign them twice;
// every other parameter is kept byte for byte.
std::string strip_signing_params(std::string_view query) {
  static constexpr std::array<std::string_view, 7> kOwn = {
      "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date",          "X-Amz-SignedHeaders",
      "X-Amz-Expires",   "X-Amz-Signature",  "X-Amz-Security-Token"};
  std::string out;
  bool found = false;
  std::size_t pos = 0;
  while (pos <= query.size()) {
    std::size_t end = query.find('&', pos);
    if (end == std::string_view::npos) end = query.size();
    std::string_view item = query.substr(pos, end - pos);
    std::string key = uri_decode(item.substr(0, item.find('=')));
    if (std::find(kOwn.begin(), kOwn.end(), key) != kOwn.end()) {
      found = true;
    } else if (!item.empty()) {
      if (!out.empty()) out += '&';
      out += item;
    }
    pos = end + 1;
  }
  return found ? out : std::string(query);
}

void append_param(std::string& query, std::string_view name, std::string_view value) {
  if (!query.empty()) query += '&';
  query += name;
  query += '=';
  query += uri_encode(value);
}

}  // namespace

SigningParams SigningParams::s3(std::string region, std::chrono::system_clock::time_point time) {
  SigningParams p;
  p.region = std::move(region);
  p.service = "s3";
  p.time = time;
  p.sign_body = true;
  p.normalize_path = false;
  p.double_encode_path = false;
  return p;
}

SigningParams SigningParams::at(std::string region, std::string service, const Clock& clock) {
  SigningParams p;
  p.region = std::move(region);
  p.service = std::move(service);
  p.time = clock.now();
  return p;
}

std::string SigningKeyCache::get(std::string_view secret, std::string_view date,
                                 std::string_view region, std::string_view service) {
  std::string id;
  id.reserve(secret.size() + date.size() + region.size() + service.size() + 3);
  id.append(secret).append(1, '\n').append(date).append(1, '\n').append(region).append(1, '\n');
  id.append(service);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = keys_.find(id); it != keys_.end()) return it->second;
  }
  std::string key = derive_signing_key(secret, date, region, service);
  std::lock_guard<std::mutex> lock(mu_);
  if (keys_.size() >= max_entries_) keys_.clear();
  keys_.emplace(std::move(id), key);
  return key;
}

std::size_t SigningKeyCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return keys_.size();
}

std::string derive_signing_key(std::string_view secret, std::string_view date,
                               std::string_view region, std::string_view service) {
  std::string k = hmac_sha256("AWS4" + std::string(secret), date);
  k = hmac_sha256(k, region);
  k = hmac_sha256(k, service);
  return hmac_sha256(k, "aws4_request");
}

std::string amz_date(std::chrono::system_clock::time_point t) {
  auto secs = std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count();
  std::string iso = format_iso8601(Timestamp{secs, 0}, 0);  // "2015-08-30T12:36:00Z"
  std::string out;
  out.reserve(16);
  for (char c : iso) {
    if (c != '-' && c != ':') out += c;
  }
  return out;
}

std::string amz_day(std::chrono::system_clock::time_point t) { return amz_date(t).substr(0, 8); }

std::string payload_hash(const HttpRequest& request, const SigningParams& params) {
  if (const std::string* given = request.header("x-amz-content-sha256")) return *given;
  if (params.unsigned_payload) return std::string(kUnsignedPayload);
  return sha256_hex(request.body);
}

std::string canonical_request(const HttpRequest& request, const SigningParams& params) {
  CanonicalHeaders headers = canonicalize_headers(request.headers);
  std::string out;
  out.reserve(256 + request.path.size() + request.query.size() + headers.block.size());
  out += request.method;
  out += '\n';
  out += canonical_uri(request.path, params.normalize_path, params.double_encode_path);
  out += '\n';
  out += canonical_query(request.query);
  out += '\n';
  out += headers.block;
  out += '\n';
  out += headers.signed_headers;
  out += '\n';
  out += payload_hash(request, params);
  return out;
}

std::string string_to_sign(std::string_view canonical_request, const SigningParams& params) {
  std::string out(kAlgorithm);
  out += '\n';
  out += amz_date(params.time);
  out += '\n';
  out += scope_of(params);
  out += '\n';
  out += sha256_hex(canonical_request);
  return out;
}

Result<SigningDetails> sign_headers(HttpRequest& request, const Credentials& credentials,
                                    const SigningParams& params, SigningKeyCache* cache) {
  if (auto ok = validate(credentials, params); !ok) return ok.error();
  request.remove_header("authorization");
  ensure_host(request);
  request.set_header("X-Amz-Date", amz_date(params.time));
  const bool has_token = !credentials.session_token.empty();
  if (has_token) {
    request.remove_header("x-amz-security-token");
    if (!params.omit_session_token) {
      request.set_header("X-Amz-Security-Token", credentials.session_token);
    }
  }
  if (params.sign_body && request.header("x-amz-content-sha256") == nullptr) {
    request.set_header("x-amz-content-sha256", payload_hash(request, params));
  }
  SigningDetails d = compute(request, credentials, params, cache);
  if (has_token && params.omit_session_token) {
    request.set_header("X-Amz-Security-Token", credentials.session_token);
  }
  request.headers.emplace_back(
      "Authorization", std::string(kAlgorithm) + " Credential=" + credentials.access_key_id + "/" +
                           d.scope + ", SignedHeaders=" + d.signed_headers +
                           ", Signature=" + d.signature);
  return d;
}

Result<SigningDetails> presign_query(HttpRequest& request, const Credentials& credentials,
                                     const SigningParams& params, SigningKeyCache* cache) {
  if (auto ok = validate(credentials, params); !ok) return ok.error();
  if (params.expires < std::chrono::seconds{1} || params.expires > kMaxExpires) {
    return make_error(ErrorKind::Internal, "presigned URL expiry must be 1 s to 7 days",
                      "SigningConfig");
  }
  request.remove_header("authorization");
  ensure_host(request);
  request.query = strip_signing_params(request.query);
  const std::string signed_headers = canonicalize_headers(request.headers).signed_headers;
  const bool has_token = !credentials.session_token.empty();
  append_param(request.query, "X-Amz-Algorithm", kAlgorithm);
  append_param(request.query, "X-Amz-Credential",
               credentials.access_key_id + "/" + scope_of(params));
  append_param(request.query, "X-Amz-Date", amz_date(params.time));
  append_param(request.query, "X-Amz-SignedHeaders", signed_headers);
  append_param(request.query, "X-Amz-Expires", std::to_string(params.expires.count()));
  if (has_token && !params.omit_session_token) {
    append_param(request.query, "X-Amz-Security-Token", credentials.session_token);
  }
  SigningDetails d = compute(request, credentials, params, cache);
  if (has_token && params.omit_session_token) {
    append_param(request.query, "X-Amz-Security-Token", credentials.session_token);
  }
  append_param(request.query, "X-Amz-Signature", d.signature);
  return d;
}

}  // namespace rampart::aws::sigv4
