// Signer behaviour outside the suites: AWS documentation vectors (signing key, S3 header and
// presigned examples), re-signing, the key cache, the clock seam and input errors.
#include "aws/sigv4/signer.h"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "aws/core/encoding.h"

namespace rampart::aws::sigv4 {
namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

system_clock::time_point at_epoch(std::int64_t s) { return system_clock::time_point(seconds(s)); }

Credentials s3_doc_credentials() {
  Credentials c;
  c.access_key_id = "AKIAIOSFODNN7EXAMPLE";
  c.secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  return c;
}

constexpr std::int64_t k20130524 = 1369353600;  // 2013-05-24T00:00:00Z

TEST(DeriveSigningKey, AwsDocumentationExample) {
  // "Examples of how to derive a signing key for Signature Version 4" (AWS General Reference).
  EXPECT_EQ(hex_encode(derive_signing_key("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215",
                                          "us-east-1", "iam")),
            "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
}

TEST(AmzDate, FormatsUtcBasicIso8601) {
  EXPECT_EQ(amz_date(at_epoch(1440938160)), "20150830T123600Z");
  EXPECT_EQ(amz_day(at_epoch(1440938160)), "20150830");
  EXPECT_EQ(amz_date(at_epoch(1440938160) + std::chrono::milliseconds(999)), "20150830T123600Z");
}

TEST(SignHeaders, S3GetObjectDocumentationExample) {
  // S3 API Reference, "Signature Calculations for the Authorization Header", GET Object.
  HttpRequest r;
  r.host = "examplebucket.s3.amazonaws.com";
  r.path = "/test.txt";
  r.headers = {{"Range", "bytes=0-9"}};
  auto d =
      sign_headers(r, s3_doc_credentials(), SigningParams::s3("us-east-1", at_epoch(k20130524)));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->signed_headers, "host;range;x-amz-content-sha256;x-amz-date");
  EXPECT_EQ(d->signature, "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  ASSERT_NE(r.header("x-amz-content-sha256"), nullptr);
  EXPECT_EQ(*r.header("x-amz-content-sha256"),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(PresignQuery, S3DocumentationExample) {
  // S3 API Reference, "Authenticating Requests: Using Query Parameters", GET /test.txt.
  HttpRequest r;
  r.host = "examplebucket.s3.amazonaws.com";
  r.path = "/test.txt";
  SigningParams p = SigningParams::s3("us-east-1", at_epoch(k20130524));
  p.unsigned_payload = true;
  p.expires = seconds(86400);
  auto d = presign_query(r, s3_doc_credentials(), p);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->signature, "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
  EXPECT_EQ(r.query,
            "X-Amz-Algorithm=AWS4-HMAC-SHA256"
            "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
            "&X-Amz-Date=20130524T000000Z&X-Amz-SignedHeaders=host&X-Amz-Expires=86400"
            "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
  EXPECT_EQ(r.header("x-amz-content-sha256"), nullptr);
}

HttpRequest simple_request() {
  HttpRequest r;
  r.host = "iam.amazonaws.com";
  r.query = "Action=ListUsers&Version=2010-05-08";
  return r;
}

SigningParams iam_params(std::int64_t t = 1440938160) {
  SigningParams p;
  p.region = "us-east-1";
  p.service = "iam";
  p.time = at_epoch(t);
  return p;
}

TEST(SignHeaders, ResigningReplacesEarlierSignature) {
  HttpRequest once = simple_request();
  ASSERT_TRUE(sign_headers(once, s3_doc_credentials(), iam_params()).ok());
  HttpRequest twice = simple_request();
  ASSERT_TRUE(sign_headers(twice, s3_doc_credentials(), iam_params(1)).ok());
  ASSERT_TRUE(sign_headers(twice, s3_doc_credentials(), iam_params()).ok());
  EXPECT_EQ(twice.headers, once.headers);
  std::size_t auth = 0;
  for (const auto& h : twice.headers) auth += iequals(h.first, "authorization");
  EXPECT_EQ(auth, 1u);
}

TEST(PresignQuery, PresigningTwiceKeepsOneSetOfParameters) {
  HttpRequest once = simple_request();
  ASSERT_TRUE(presign_query(once, s3_doc_credentials(), iam_params()).ok());
  HttpRequest twice = simple_request();
  ASSERT_TRUE(presign_query(twice, s3_doc_credentials(), iam_params(1)).ok());
  ASSERT_TRUE(presign_query(twice, s3_doc_credentials(), iam_params()).ok());
  EXPECT_EQ(twice.query, once.query);
  EXPECT_TRUE(once.query.starts_with("Action=ListUsers&Version=2010-05-08&X-Amz-Algorithm="));
}

TEST(SignHeaders, UnsignedPayloadWithContentHeader) {
  HttpRequest r = simple_request();
  r.body = "payload";
  SigningParams p = iam_params();
  p.unsigned_payload = true;
  p.sign_body = true;
  auto d = sign_headers(r, s3_doc_credentials(), p);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->canonical_request.ends_with("\nUNSIGNED-PAYLOAD"));
  ASSERT_NE(r.header("x-amz-content-sha256"), nullptr);
  EXPECT_EQ(*r.header("x-amz-content-sha256"), "UNSIGNED-PAYLOAD");
}

TEST(SignHeaders, PayloadHashFollowsTheBody) {
  HttpRequest a = simple_request();
  HttpRequest b = simple_request();
  b.body = "Action=ListUsers";
  auto da = sign_headers(a, s3_doc_credentials(), iam_params());
  auto db = sign_headers(b, s3_doc_credentials(), iam_params());
  ASSERT_TRUE(da.ok() && db.ok());
  EXPECT_TRUE(db->canonical_request.ends_with(sha256_hex("Action=ListUsers")));
  EXPECT_NE(da->signature, db->signature);
}

TEST(SignHeaders, RejectsMissingCredentialsAndBadConfig) {
  HttpRequest r = simple_request();
  auto no_creds = sign_headers(r, Credentials{}, iam_params());
  ASSERT_FALSE(no_creds.ok());
  EXPECT_EQ(no_creds.error().kind, ErrorKind::InvalidRequest);
  EXPECT_EQ(r.header("authorization"), nullptr);
  SigningParams p = iam_params();
  p.region.clear();
  EXPECT_FALSE(sign_headers(r, s3_doc_credentials(), p).ok());
  p = iam_params();
  p.expires = seconds(7 * 24 * 3600 + 1);
  EXPECT_FALSE(presign_query(r, s3_doc_credentials(), p).ok());
  p.expires = seconds(0);
  EXPECT_FALSE(presign_query(r, s3_doc_credentials(), p).ok());
}

TEST(SigningKeyCache, ReturnsDerivedKeysAndStaysBounded) {
  SigningKeyCache cache(2);
  const std::string k = cache.get("secret", "20150830", "us-east-1", "iam");
  EXPECT_EQ(k, derive_signing_key("secret", "20150830", "us-east-1", "iam"));
  EXPECT_EQ(cache.get("secret", "20150830", "us-east-1", "iam"), k);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_NE(cache.get("secret", "20150831", "us-east-1", "iam"), k);
  EXPECT_NE(cache.get("other", "20150830", "us-east-1", "iam"), k);
  EXPECT_LE(cache.size(), 2u);
}

TEST(SigningKeyCache, SignaturesMatchUncachedAcrossThreads) {
  SigningKeyCache cache;
  HttpRequest plain = simple_request();
  auto expected = sign_headers(plain, s3_doc_credentials(), iam_params());
  ASSERT_TRUE(expected.ok());
  std::vector<std::thread> threads;
  std::vector<std::string> got(4);
  for (std::size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int n = 0; n < 50; ++n) {
        HttpRequest r = simple_request();
        auto d = sign_headers(r, s3_doc_credentials(), iam_params(), &cache);
        got[i] = d.ok() ? d->signature : "error";
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& s : got) EXPECT_EQ(s, expected->signature);
  EXPECT_EQ(cache.size(), 1u);
}

class FixedClock final : public Clock {
 public:
  explicit FixedClock(system_clock::time_point t) : t_(t) {}
  system_clock::time_point now() const override { return t_; }
  std::chrono::steady_clock::time_point steady_now() const override { return {}; }
  void sleep_for(std::chrono::nanoseconds) const override {}

 private:
  system_clock::time_point t_;
};

TEST(SigningParams, TakesTimeFromTheClock) {
  FixedClock clock(at_epoch(1440938160));
  SigningParams p = SigningParams::at("eu-west-1", "ec2", clock);
  HttpRequest r = simple_request();
  ASSERT_TRUE(sign_headers(r, s3_doc_credentials(), p).ok());
  ASSERT_NE(r.header("x-amz-date"), nullptr);
  EXPECT_EQ(*r.header("x-amz-date"), "20150830T123600Z");
  EXPECT_NE(r.header("authorization")->find("/20150830/eu-west-1/ec2/aws4_request"),
            std::string::npos);
}

}  // namespace
}  // namespace rampart::aws::sigv4
