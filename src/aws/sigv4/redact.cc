// Masks signing secrets in a request before it is logged (see redact.h). Masking is by
// structure (parameter and header names, the Credential=/Signature= fields), so a value that
// merely looks like a key is left alone and a secret in a known place is never missed.
#include "aws/sigv4/redact.h"

#include <string_view>

#include "aws/core/credentials.h"
#include "aws/core/encoding.h"

namespace rampart::aws::sigv4 {

namespace {

constexpr std::string_view kMask = "<redacted>";

std::string mask_key_id(std::string_view id) {
  Credentials c;
  c.access_key_id = std::string(id);
  return c.redacted();  // "AKID****MPLE", or "****" for short ids
}

// "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request" with the key id masked.
std::string mask_credential(std::string_view credential) {
  std::size_t slash = credential.find('/');
  if (slash == std::string_view::npos) return std::string(kMask);
  return mask_key_id(credential.substr(0, slash)) + std::string(credential.substr(slash));
}

// "AWS4-HMAC-SHA256 Credential=AKID/scope, SignedHeaders=a;b, Signature=hex".
std::string mask_authorization(std::string_view value) {
  if (!value.starts_with("AWS4-")) return std::string(kMask);
  std::string out;
  std::size_t pos = 0;
  while (pos < value.size()) {
    std::size_t end = value.find(',', pos);
    if (end == std::string_view::npos) end = value.size();
    std::string_view part = value.substr(pos, end - pos);
    if (std::size_t at = part.find("Credential="); at != std::string_view::npos) {
      out += part.substr(0, at + 11);
      out += mask_credential(part.substr(at + 11));
    } else if (std::size_t sig = part.find("Signature="); sig != std::string_view::npos) {
      out += part.substr(0, sig + 10);
      out += kMask;
    } else {
      out += part;
    }
    if (end < value.size()) out += ',';
    pos = end + 1;
  }
  return out;
}

// The same for the percent-encoded query form "AKIDEXAMPLE%2F20150830%2F...": the scope is
// kept as sent.
std::string mask_encoded_credential(std::string_view value) {
  std::size_t cut = value.size();
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '/') {
      cut = i;
      break;
    }
    if (value[i] == '%' && i + 2 < value.size() && value[i + 1] == '2' &&
        (value[i + 2] == 'F' || value[i + 2] == 'f')) {
      cut = i;
      break;
    }
  }
  if (cut == value.size()) return std::string(kMask);
  return mask_key_id(uri_decode(value.substr(0, cut))) + std::string(value.substr(cut));
}

std::string mask_query(std::string_view query) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= query.size()) {
    std::size_t end = query.find('&', pos);
    if (end == std::string_view::npos) end = query.size();
    std::string_view item = query.substr(pos, end - pos);
    std::size_t eq = item.find('=');
    std::string key = uri_decode(item.substr(0, eq));
    if (pos > 0) out += '&';
    if (eq != std::string_view::npos &&
        (iequals(key, "X-Amz-Signature") || iequals(key, "X-Amz-Security-Token"))) {
      out += item.substr(0, eq + 1);
      out += kMask;
    } else if (eq != std::string_view::npos && iequals(key, "X-Amz-Credential")) {
      out += item.substr(0, eq + 1);
      out += mask_encoded_credential(item.substr(eq + 1));
    } else {
      out += item;
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace

std::string redact_for_log(const HttpRequest& request) {
  std::string out = request.method + " " + request.scheme + "://" + request.host + request.path;
  if (!request.query.empty()) out += "?" + mask_query(request.query);
  out += '\n';
  for (const auto& [name, value] : request.headers) {
    out += name;
    out += ": ";
    if (iequals(name, "authorization")) {
      out += mask_authorization(value);
    } else if (iequals(name, "x-amz-security-token")) {
      out += kMask;
    } else {
      out += value;
    }
    out += '\n';
  }
  out += "[body: " + std::to_string(request.body.size()) + " bytes]";
  return out;
}

}  // namespace rampart::aws::sigv4
