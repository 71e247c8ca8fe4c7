// Easy-handle setup and completion for one exchange (see curl_transfer.h). The headers we
// send are exactly the request's: libcurl's defaults are suppressed with "Name:" entries, and
// empty-valued headers use curl's "Name;" form so they are sent as "Name:".
#include "aws/transport/curl_transfer.h"

#include <string_view>
#include <utility>

namespace rampart::aws {

CurlTransfer::~CurlTransfer() { curl_slist_free_all(header_list); }

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                        s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// Header lines of every response arrive here; a status line starts a new response (after a
// 1xx or a proxy CONNECT), so only the final response's headers remain.
size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<CurlTransfer*>(user);
  const size_t n = size * count;
  std::string_view line(data, n);
  if (line.starts_with("HTTP/")) {
    t->response.headers.clear();
    return n;
  }
  if (line.empty() || line == "\r\n" || line == "\n") return n;
  if ((line.front() == ' ' || line.front() == '\t') && !t->response.headers.empty()) {
    // obs-fold continuation of the previous header value
    t->response.headers.back().second += ' ';
    t->response.headers.back().second += trim(line);
    return n;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  t->response.headers.emplace_back(std::string(trim(line.substr(0, colon))),
                                   std::string(trim(line.substr(colon + 1))));
  return n;
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<CurlTransfer*>(user);
  t->response.body.append(data, size * count);
  return size * count;
}

bool has_bad_bytes(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

bool method_sends_body(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH";
}

Error invalid(std::string message) {
  return make_error(ErrorKind::InvalidRequest, std::move(message), "InvalidHttpRequest");
}

Result<void> append_header(curl_slist*& list, const std::string& line) {
  curl_slist* next = curl_slist_append(list, line.c_str());
  if (next == nullptr) return make_error(ErrorKind::Internal, "out of memory building headers");
  list = next;
  return {};
}

}  // namespace

Result<void> configure_transfer(CurlTransfer& t, const std::string& no_proxy) {
  const HttpRequest& req = t.request;
  CURL* e = t.easy;
  if (req.scheme != "http" && req.scheme != "https") {
    return invalid("unsupported URL scheme '" + req.scheme + "'");
  }
  if (req.method.empty() || has_bad_bytes(req.method) || req.method.find(' ') != std::string::npos) {
    return invalid("bad HTTP method");
  }
  const std::string url = req.url();
  if (has_bad_bytes(url)) return invalid("bad bytes in URL");

  bool has_accept = false;
  bool has_content_type = false;
  for (const auto& [name, value] : req.headers) {
    if (name.empty() || has_bad_bytes(name) || has_bad_bytes(value) ||
        name.find_first_of(": ") != std::string::npos) {
      return invalid("bad header '" + name + "'");
    }
    if (iequals(name, "Content-Length")) {
      // curl writes Content-Length itself from the body size; they must agree.
      if (value != std::to_string(req.body.size())) {
        return invalid("Content-Length " + value + " does not match the body size " +
                       std::to_string(req.body.size()));
      }
      continue;
    }
    if (iequals(name, "Accept")) has_accept = true;
    if (iequals(name, "Content-Type")) has_content_type = true;
    auto ok = append_header(t.header_list, value.empty() ? name + ";" : name + ": " + value);
    if (!ok) return ok;
  }
  // Suppress what libcurl would add on its own: the signer did not sign these.
  if (auto ok = append_header(t.header_list, "Expect:"); !ok) return ok;  // no 100-continue
  if (!has_accept) {
    if (auto ok = append_header(t.header_list, "Accept:"); !ok) return ok;
  }
  if (!has_content_type) {
    if (auto ok = append_header(t.header_list, "Content-Type:"); !ok) return ok;
  }

  curl_easy_setopt(e, CURLOPT_URL, url.c_str());
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
  curl_easy_setopt(e, CURLOPT_PATH_AS_IS, 1L);  // the signed path, not a normalised one
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_TCP_NODELAY, 1L);
  curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
  if (!no_proxy.empty()) curl_easy_setopt(e, CURLOPT_NOPROXY, no_proxy.c_str());

  if (req.method == "HEAD") {
    curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
  } else if (method_sends_body(req.method) || !req.body.empty()) {
    // POSTFIELDS sends the buffer as-is with Content-Length (even 0); it is not copied, and
    // t.request outlives the transfer.
    curl_easy_setopt(e, CURLOPT_POST, 1L);
    curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
    curl_easy_setopt(e, CURLOPT_POSTFIELDS, req.body.data());
    if (req.method != "POST") curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, req.method.c_str());
  } else {
    curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    if (req.method != "GET") curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, req.method.c_str());
  }
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, t.header_list);

  const CallOptions& o = t.options;
  if (o.connect_timeout.count() > 0) {
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout.count()));
  }
  if (o.total_timeout.count() > 0) {
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(o.total_timeout.count()));
  }
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, o.verify_tls ? 1L : 0L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, o.verify_tls ? 2L : 0L);
  if (!o.ca_bundle.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, o.ca_bundle.c_str());

  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.error_buffer);
  curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
  return {};
}

ErrorKind classify_curl_error(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return ErrorKind::Timeout;
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_BAD_FUNCTION_ARGUMENT:
      return ErrorKind::InvalidRequest;
    case CURLE_OUT_OF_MEMORY:
    case CURLE_FAILED_INIT:
    case CURLE_NOT_BUILT_IN:
      return ErrorKind::Internal;
    default:
      // Refused/reset connections, DNS, TLS handshake and verification, short bodies,
      // malformed responses: the network (or the peer) failed us.
      return ErrorKind::Network;
  }
}

std::string curl_code_name(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST: return "CURLE_COULDNT_RESOLVE_HOST";
    case CURLE_COULDNT_CONNECT: return "CURLE_COULDNT_CONNECT";
    case CURLE_OPERATION_TIMEDOUT: return "CURLE_OPERATION_TIMEDOUT";
    case CURLE_PARTIAL_FILE: return "CURLE_PARTIAL_FILE";
    case CURLE_GOT_NOTHING: return "CURLE_GOT_NOTHING";
    case CURLE_SEND_ERROR: return "CURLE_SEND_ERROR";
    case CURLE_RECV_ERROR: return "CURLE_RECV_ERROR";
    case CURLE_SSL_CONNECT_ERROR: return "CURLE_SSL_CONNECT_ERROR";
    case CURLE_PEER_FAILED_VERIFICATION: return "CURLE_PEER_FAILED_VERIFICATION";
    case CURLE_SSL_CACERT_BADFILE: return "CURLE_SSL_CACERT_BADFILE";
    case CURLE_WEIRD_SERVER_REPLY: return "CURLE_WEIRD_SERVER_REPLY";
    default: return "CURLE_" + std::to_string(static_cast<int>(code));
  }
}

Result<HttpResponse> finish_transfer(CurlTransfer& t, CURLcode code) {
  if (code != CURLE_OK) {
    std::string message = t.error_buffer[0] != '\0' ? t.error_buffer : curl_easy_strerror(code);
    message += " (" + t.request.method + " " + t.request.scheme + "://" + t.request.host + ")";
    return make_error(classify_curl_error(code), std::move(message), curl_code_name(code));
  }
  long status = 0;
  curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
  t.response.status = static_cast<int>(status);
  return std::move(t.response);
}

}  // namespace rampart::aws
