// redact_for_log must never print a signature, a session token or a full access key id.
#include "aws/sigv4/redact.h"

#include <gtest/gtest.h>

#include "aws/sigv4/signer.h"

namespace rampart::aws::sigv4 {
namespace {

Credentials creds() {
  Credentials c;
  c.access_key_id = "AKIAIOSFODNN7EXAMPLE";
  c.secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  c.session_token = "FQoGZXIvYXdzEXAMPLETOKEN/+=";
  return c;
}

SigningParams params() {
  SigningParams p;
  p.region = "us-east-1";
  p.service = "sts";
  p.time = std::chrono::system_clock::time_point(std::chrono::seconds(1440938160));
  return p;
}

void expect_no_secrets(const std::string& log, const SigningDetails& d) {
  EXPECT_EQ(log.find(d.signature), std::string::npos) << log;
  EXPECT_EQ(log.find("FQoGZXIvYXdzEXAMPLETOKEN"), std::string::npos) << log;
  EXPECT_EQ(log.find("FQoGZXIvYXdzEXAMPLETOKEN%2F"), std::string::npos) << log;
  EXPECT_EQ(log.find("AKIAIOSFODNN7EXAMPLE"), std::string::npos) << log;
  EXPECT_EQ(log.find("wJalrXUtnFEMI"), std::string::npos) << log;
  EXPECT_EQ(log.find("secret-body"), std::string::npos) << log;
}

TEST(RedactForLog, HeaderSignedRequest) {
  HttpRequest r;
  r.method = "POST";
  r.host = "sts.amazonaws.com";
  r.body = "secret-body";
  auto d = sign_headers(r, creds(), params());
  ASSERT_TRUE(d.ok());
  std::string log = redact_for_log(r);
  expect_no_secrets(log, *d);
  EXPECT_NE(log.find("POST https://sts.amazonaws.com/\n"), std::string::npos) << log;
  EXPECT_NE(log.find("Credential=AKIA****MPLE/20150830/us-east-1/sts/aws4_request"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=<redacted>"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("X-Amz-Security-Token: <redacted>"), std::string::npos) << log;
  EXPECT_NE(log.find("[body: 11 bytes]"), std::string::npos) << log;
}

TEST(RedactForLog, PresignedRequest) {
  HttpRequest r;
  r.host = "sts.amazonaws.com";
  r.query = "Action=GetCallerIdentity";
  auto d = presign_query(r, creds(), params());
  ASSERT_TRUE(d.ok());
  std::string log = redact_for_log(r);
  expect_no_secrets(log, *d);
  EXPECT_NE(log.find("?Action=GetCallerIdentity&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                     "&X-Amz-Credential=AKIA****MPLE%2F20150830%2Fus-east-1%2Fsts%2Faws4_request"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("&X-Amz-Security-Token=<redacted>&X-Amz-Signature=<redacted>"),
            std::string::npos)
      << log;
}

TEST(RedactForLog, UnknownAuthorizationSchemeIsMaskedWhole) {
  HttpRequest r;
  r.host = "h";
  r.headers = {{"authorization", "Bearer abc.def"}};
  EXPECT_EQ(redact_for_log(r), "GET https://h/\nauthorization: <redacted>\n[body: 0 bytes]");
}

}  // namespace
}  // namespace rampart::aws::sigv4
