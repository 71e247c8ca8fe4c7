// parse_raw_http_request: the shapes the SigV4 suites use, and the malformed inputs it
// rejects (the fuzzer feeds it arbitrary bytes).
#include "aws/sigv4/raw_request.h"

#include <gtest/gtest.h>

namespace rampart::aws::sigv4 {
namespace {

TEST(ParseRawHttpRequest, RequestLineHeadersAndBody) {
  auto r = parse_raw_http_request(
      "POST /p/a?x=1&y=2 HTTP/1.1\r\nHost: example.com \r\nContent-Length:3\r\n\r\nabc\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->method, "POST");
  EXPECT_EQ(r->path, "/p/a");
  EXPECT_EQ(r->query, "x=1&y=2");
  EXPECT_EQ(r->host, "example.com");
  ASSERT_EQ(r->headers.size(), 2u);
  EXPECT_EQ(r->headers[0], (std::pair<std::string, std::string>{"Host", "example.com"}));
  EXPECT_EQ(r->body, "abc\n");
  EXPECT_EQ(r->scheme, "https");
}

TEST(ParseRawHttpRequest, UnencodedTargetFoldedAndRepeatedHeaders) {
  auto r =
      parse_raw_http_request("GET /example space/ HTTP/1.1\nHost:h\nMy:v1\n  v2\n\tv3\nMy:again");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->path, "/example space/");
  EXPECT_EQ(r->query, "");
  ASSERT_EQ(r->headers.size(), 3u);
  EXPECT_EQ(r->headers[1].second, "v1 v2 v3");
  EXPECT_EQ(r->headers[2].second, "again");
  EXPECT_EQ(r->body, "");
}

TEST(ParseRawHttpRequest, EmptyBodyAfterBlankLineAndNoVersion) {
  auto r = parse_raw_http_request("GET /?a HTTP/1.1\nHost:h\n\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->query, "a");
  EXPECT_EQ(r->body, "");
  auto bare = parse_raw_http_request("DELETE /x");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->path, "/x");
  EXPECT_TRUE(bare->headers.empty());
}

TEST(ParseRawHttpRequest, RejectsMalformedInput) {
  for (const char* bad :
       {"", "GET", " /x HTTP/1.1", "GET  HTTP/1.1", "GET / HTTP/1.1\n  fold",
        "GET / HTTP/1.1\nno colon", "GET / HTTP/1.1\n:v", "GET / HTTP/1.1\nA B:v"}) {
    auto r = parse_raw_http_request(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().kind, ErrorKind::Parse) << bad;
  }
}

}  // namespace
}  // namespace rampart::aws::sigv4
