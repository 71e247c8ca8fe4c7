#include "aws/client/redact_body.h"

#include <array>

namespace rampart::aws {

namespace {

constexpr std::array<std::string_view, 9> kSecretNames = {
    "SecretAccessKey", "SessionToken", "Token",        "SecretString", "SecretBinary",
    "Password",        "PasswordData", "AccessToken", "RefreshToken"};

// <Name>value</Name> -> <Name>****</Name>
void mask_xml(std::string& s, std::string_view name) {
  std::string open = "<" + std::string(name) + ">";
  std::string close = "</" + std::string(name) + ">";
  for (std::size_t pos = s.find(open); pos != std::string::npos; pos = s.find(open, pos + 1)) {
    std::size_t start = pos + open.size();
    std::size_t end = s.find(close, start);
    if (end == std::string::npos) return;
    s.replace(start, end - start, "****");
  }
}

// "Name": "value" -> "Name": "****" (escaped quotes inside the value are skipped).
void mask_json(std::string& s, std::string_view name) {
  std::string key = "\"" + std::string(name) + "\"";
  for (std::size_t pos = s.find(key); pos != std::string::npos; pos = s.find(key, pos + 1)) {
    std::size_t p = pos + key.size();
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r')) ++p;
    if (p >= s.size() || s[p] != ':') continue;
    ++p;
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r')) ++p;
    if (p >= s.size() || s[p] != '"') continue;
    std::size_t start = p + 1;
    std::size_t end = start;
    while (end < s.size() && s[end] != '"') end += (s[end] == '\\') ? 2 : 1;
    if (end >= s.size()) end = s.size();
    s.replace(start, end - start, "****");
  }
}

}  // namespace

std::string redact_body(std::string_view body) {
  std::string out(body);
  for (std::string_view name : kSecretNames) {
    mask_xml(out, name);
    mask_json(out, name);
  }
  return out;
}

}  // namespace rampart::aws
