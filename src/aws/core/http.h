// Plain HTTP request/response values shared by the serializers, the signer and the transport.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rampart::aws {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET";
  std::string scheme = "https";
  std::string host;      // may carry ":port"
  std::string path = "/";  // percent-encoded, as sent on the wire
  std::string query;     // percent-encoded, without the leading '?'
  Headers headers;       // in order; duplicates allowed
  std::string body;

  std::string url() const;
  // Case-insensitive header lookup; nullptr when absent.
  const std::string* header(std::string_view name) const;
  void set_header(std::string_view name, std::string value);  // replaces all same-named
  void remove_header(std::string_view name);
};

struct HttpResponse {
  int status = 0;
  Headers headers;
  std::string body;

  const std::string* header(std::string_view name) const;
};

bool iequals(std::string_view a, std::string_view b);

}  // namespace rampart::aws
