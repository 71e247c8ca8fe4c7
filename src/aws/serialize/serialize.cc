// serialize_request: the steps every protocol shares around the protocol-specific encoders —
// idempotency-token auto-fill, the endpoint host prefix ("{label}." from hostLabel members,
// validated), joining the endpoint's base path, and Content-MD5 for operations that require
// a checksum.
#include "aws/serialize/serialize.h"

#include <cstdio>
#include <random>

#include <fmt/format.h>

#include "aws/core/encoding.h"
#include "aws/serialize/serialize_internal.h"

namespace rampart::aws {

namespace {

bool valid_host_label(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// An IP-literal host ("127.0.0.1:5100", "[::1]:5100") or localhost: a custom endpoint such as
// a local emulator. A host prefix ("123456789012.") in front of it names no host, so it is
// left off there (moto serves S3 Control on the bare endpoint); labels are still validated.
bool is_local_literal_host(std::string_view host) {
  if (!host.empty() && host.front() == '[') return true;  // IPv6 literal
  if (auto colon = host.rfind(':'); colon != std::string_view::npos) host = host.substr(0, colon);
  if (host == "localhost") return true;
  int dots = 0;
  for (char c : host) {
    if (c == '.') {
      ++dots;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return dots == 3;
}

Result<std::string> expand_host_prefix(const ServiceModel& model, const Operation& op,
                                       const Json& params) {
  std::string_view tmpl = op.host_prefix;
  std::string out;
  std::size_t i = 0;
  while (i < tmpl.size()) {
    std::size_t open = tmpl.find('{', i);
    std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(tmpl.substr(i, open - i));
    std::string label(tmpl.substr(open + 1, close - open - 1));
    const Shape* input = op.input.shape == kNoShape ? nullptr : &model.shape(op.input.shape);
    const MemberRef* m = input == nullptr ? nullptr : ser::find_member(*input, label);
    if (m == nullptr || !m->host_label) {
      return ser::invalid_param(label, "host prefix label is not a hostLabel member");
    }
    auto it = params.is_object() ? params.find(label) : params.end();
    if (it == params.end() || it->is_null()) {
      return ser::invalid_param(label, "missing required host label");
    }
    auto value = ser::as_string(*it, label);
    if (!value) return value.error();
    if (!valid_host_label(*value)) {
      return ser::invalid_param(label, "host label must contain only alphanumeric characters, "
                                       "hyphen, or period");
    }
    out += *value;
    i = close + 1;
  }
  out.append(tmpl.substr(i));
  return out;
}

// Top-level idempotency-token members the caller left out get a fresh token (botocore's
// generate_idempotent_uuid handler does the same, top level only).
Json fill_idempotency_tokens(const ServiceModel& model, const Operation& op, const Json& params,
                             const SerializeOptions& options) {
  if (op.input.shape == kNoShape || !(params.is_object() || params.is_null())) return params;
  Json out = params.is_null() ? Json::object() : params;
  for (const MemberRef& m : model.shape(op.input.shape).members) {
    if (!m.idempotency_token) continue;
    auto it = out.find(std::string(m.name));
    if (it != out.end() && !it->is_null()) continue;
    out[std::string(m.name)] =
        options.make_idempotency_token ? options.make_idempotency_token() : random_uuid_v4();
  }
  return out;
}

}  // namespace

std::string random_uuid_v4() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned> byte(0, 255);
  unsigned char b[16];
  for (auto& x : b) x = static_cast<unsigned char>(byte(rd));
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  return fmt::format("{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-"
                     "{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
                     b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
                     b[12], b[13], b[14], b[15]);
}

Result<HttpRequest> serialize_request(const ServiceModel& model, const Operation& op,
                                      const Json& params, const RequestTarget& target,
                                      const SerializeOptions& options) {
  if (!params.is_null() && !params.is_object()) {
    return ser::type_error("", "an object of parameters", params);
  }
  if (op.input.shape != kNoShape && op.input.shape >= model.shapes.size()) {
    return make_error(ErrorKind::Internal, "operation input shape out of range");
  }
  const Json filled = fill_idempotency_tokens(model, op, params, options);
  HttpRequest req;
  Result<void> r;
  switch (model.metadata.protocol) {
    case Protocol::Query:
    case Protocol::Ec2: r = ser::serialize_query(model, op, filled, req); break;
    case Protocol::Json: r = ser::serialize_json_rpc(model, op, filled, req); break;
    case Protocol::RestJson:
    case Protocol::RestXml: r = ser::serialize_rest(model, op, filled, req); break;
  }
  if (!r) return r.error();

  std::string prefix;
  if (!op.host_prefix.empty()) {
    auto p = expand_host_prefix(model, op, filled);
    if (!p) return p.error();
    prefix = std::move(*p);
  }
  req.scheme = target.scheme.empty() ? "https" : target.scheme;
  req.host = (is_local_literal_host(target.host) ? std::string() : prefix) + target.host;
  std::string base = target.path_prefix;
  while (!base.empty() && base.back() == '/') base.pop_back();
  req.path = base + (req.path.empty() || req.path.front() != '/' ? "/" : "") + req.path;

  if (op.http_checksum_required && req.header("Content-MD5") == nullptr) {
    req.headers.emplace_back("Content-MD5", md5_base64(req.body));
  }
  return req;
}

}  // namespace rampart::aws
