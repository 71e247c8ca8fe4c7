// The extra SigV4 vectors smithy-rs carries (testdata/sigv4/smithy-rs-extra): double
// percent-encoding of an already-encoded path for non-S3 services, plus its variant of
// aws-c-auth's get-space-normalized request. These folders have no context.json; their inputs
// are the ones smithy-rs-extra/README.md documents.
#include <filesystem>
#include <ostream>
#include <string>

#include <gtest/gtest.h>

#include "aws/sigv4/raw_request.h"
#include "aws/sigv4/signer.h"
#include "aws/sigv4/suite_test_util.h"

namespace rampart::aws::sigv4 {
namespace {

namespace fs = std::filesystem;
using testutil::read_file;

fs::path suite_dir() { return testutil::suite_root() / "smithy-rs-extra"; }

void skip_if_listed(const std::string& id) {
  auto skips = testutil::load_skips();
  if (auto it = skips.find("smithy-rs-extra/" + id); it != skips.end()) GTEST_SKIP() << it->second;
}

HttpRequest load_request(const fs::path& file) {
  auto text = read_file(file);
  EXPECT_TRUE(text.has_value()) << file;
  auto parsed = parse_raw_http_request(text.value_or(""));
  EXPECT_TRUE(parsed.ok()) << file;
  return parsed.ok() ? *parsed : HttpRequest{};
}

struct SmithyCase {
  std::string id;        // folder under smithy-rs-extra
  std::string artifact;  // "canonical-request", "string-to-sign" or "signed-request"
  std::string region;
  std::string service;
  std::string time;
};

// Readable GetParam() in test output and CTest names.
void PrintTo(const SmithyCase& c, std::ostream* os) { *os << c.id << ":" << c.artifact; }

class SmithyExtra : public ::testing::TestWithParam<SmithyCase> {};

// Each expected file of a folder is its own case so that one inconsistent file (see
// testdata_skips.txt) does not hide the checks the others allow.
TEST_P(SmithyExtra, DoubleEncodesPath) {
  const SmithyCase& c = GetParam();
  skip_if_listed(c.id + ":" + c.artifact);
  if (::testing::Test::IsSkipped()) return;
  const fs::path dir = suite_dir() / c.id;
  HttpRequest req = load_request(dir / "request.txt");
  SigningParams params;
  params.region = c.region;
  params.service = c.service;
  params.time = testutil::parse_time(c.time);
  auto d = sign_headers(req, testutil::example_credentials(), params);
  ASSERT_TRUE(d.ok()) << d.error().describe();

  if (c.artifact == "canonical-request") {
    auto creq = read_file(dir / "header-canonical-request.txt");
    ASSERT_TRUE(creq.has_value());
    EXPECT_EQ(d->canonical_request, *creq);
  } else if (c.artifact == "string-to-sign") {
    auto sts = read_file(dir / "header-string-to-sign.txt");
    ASSERT_TRUE(sts.has_value());
    EXPECT_EQ(d->string_to_sign, *sts);
  } else {
    HttpRequest expected = load_request(dir / "header-signed-request.txt");
    ASSERT_NE(expected.header("authorization"), nullptr);
    ASSERT_NE(req.header("authorization"), nullptr);
    EXPECT_EQ(*req.header("authorization"), *expected.header("authorization"));
    EXPECT_EQ(testutil::missing_header(expected, req), "");
  }
}

constexpr const char* kLambdaTime = "2021-05-11T15:40:45Z";

INSTANTIATE_TEST_SUITE_P(
    Vectors, SmithyExtra,
    ::testing::Values(
        SmithyCase{"v4/double-url-encode", "canonical-request", "us-east-2", "lambda", kLambdaTime},
        SmithyCase{"v4/double-url-encode", "string-to-sign", "us-east-2", "lambda", kLambdaTime},
        SmithyCase{"v4/double-url-encode", "signed-request", "us-east-2", "lambda", kLambdaTime},
        // Only the canonical request is consistent in this folder (README): its x-amz-date
        // line is 20210511T154045Z, which the signer writes over the request's own header.
        SmithyCase{"v4/double-encode-path", "canonical-request", "us-east-1", "service",
                   kLambdaTime}),
    [](const auto& info) {
      return testutil::gtest_name(info.param.id + "_" + info.param.artifact);
    });

// smithy-rs's get-space-normalized request line is pre-encoded; the expected outputs are
// aws-c-auth's get-space-normalized ones.
TEST(SmithyExtraVariant, GetSpaceNormalized) {
  skip_if_listed("v4-get-space-normalized-variant");
  if (::testing::Test::IsSkipped()) return;
  HttpRequest req = load_request(suite_dir() / "v4-get-space-normalized-variant" / "request.txt");
  const fs::path expected_dir =
      testutil::suite_root() / "aws-c-auth" / "v4" / "get-space-normalized";
  SigningParams params;
  params.region = "us-east-1";
  params.service = "service";
  params.time = testutil::parse_time("2015-08-30T12:36:00Z");
  auto d = sign_headers(req, testutil::example_credentials(), params);
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(d->canonical_request,
            read_file(expected_dir / "header-canonical-request.txt").value_or(""));
  EXPECT_EQ(d->signature, read_file(expected_dir / "header-signature.txt").value_or(""));
}

// What the variant does get, by the double-encoding rule: the wire path "%20" is encoded again.
TEST(SmithyExtraVariant, PreEncodedPathIsEncodedAgain) {
  HttpRequest req = load_request(suite_dir() / "v4-get-space-normalized-variant" / "request.txt");
  EXPECT_EQ(req.path, "/example%20space/");
  SigningParams params;
  params.region = "us-east-1";
  params.service = "service";
  params.time = testutil::parse_time("2015-08-30T12:36:00Z");
  EXPECT_EQ(canonical_request(req, params).substr(0, 24), "GET\n/example%2520space/\n");
  // S3-style single encoding canonicalizes it exactly like the literal-space request.
  params.normalize_path = false;
  params.double_encode_path = false;
  EXPECT_EQ(canonical_request(req, params).substr(0, 22), "GET\n/example%20space/\n");
}

}  // namespace
}  // namespace rampart::aws::sigv4
