// The aws-c-auth SigV4 suite (testdata/sigv4/aws-c-auth/v4, 38 cases): every case is signed
// both ways (Authorization header and presigned query) with the inputs of its context.json,
// and the canonical request, string to sign, signature and signed request are compared with
// the expected files byte for byte.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "aws/core/json.h"
#include "aws/sigv4/raw_request.h"
#include "aws/sigv4/signer.h"
#include "aws/sigv4/suite_test_util.h"

namespace rampart::aws::sigv4 {
namespace {

namespace fs = std::filesystem;
using testutil::read_file;

fs::path suite_dir() { return testutil::suite_root() / "aws-c-auth" / "v4"; }

std::vector<std::string> load_cases() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(suite_dir(), ec)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

struct Inputs {
  HttpRequest request;
  Credentials credentials;
  SigningParams params;
};

// Reads context.json and request.txt; fails the test (and returns false) when unreadable.
bool load_inputs(const fs::path& dir, Inputs& out) {
  auto context_text = read_file(dir / "context.json");
  auto request_text = read_file(dir / "request.txt");
  if (!context_text || !request_text) {
    ADD_FAILURE() << "missing context.json or request.txt in " << dir;
    return false;
  }
  Json ctx = Json::parse(*context_text, nullptr, /*allow_exceptions=*/false);
  if (ctx.is_discarded()) {
    ADD_FAILURE() << "bad context.json in " << dir;
    return false;
  }
  const Json& creds = ctx.at("credentials");
  out.credentials.access_key_id = creds.at("access_key_id").get<std::string>();
  out.credentials.secret_access_key = creds.at("secret_access_key").get<std::string>();
  out.credentials.session_token = creds.value("token", "");
  out.params.region = ctx.at("region").get<std::string>();
  out.params.service = ctx.at("service").get<std::string>();
  out.params.time = testutil::parse_time(ctx.at("timestamp").get<std::string>());
  // "normalize": false marks the S3-style cases: no normalization, single encoding.
  out.params.normalize_path = ctx.value("normalize", true);
  out.params.double_encode_path = out.params.normalize_path;
  out.params.sign_body = ctx.value("sign_body", false);
  out.params.omit_session_token = ctx.value("omit_session_token", false);
  out.params.expires = std::chrono::seconds(ctx.value("expiration_in_seconds", 3600));
  auto parsed = parse_raw_http_request(*request_text);
  if (!parsed) {
    ADD_FAILURE() << parsed.error().describe();
    return false;
  }
  out.request = std::move(parsed).value();
  return true;
}

class AwsCAuthV4 : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto skips = testutil::load_skips();
    if (auto it = skips.find("aws-c-auth/v4/" + GetParam()); it != skips.end()) {
      GTEST_SKIP() << it->second;
    }
  }

  // Checks one signing mode ("header" or "query") against its four expected files.
  void check(const std::string& mode, const Inputs& in, const HttpRequest& signed_request,
             const SigningDetails& d) {
    const fs::path dir = suite_dir() / GetParam();
    auto creq = read_file(dir / (mode + "-canonical-request.txt"));
    auto sts = read_file(dir / (mode + "-string-to-sign.txt"));
    auto sig = read_file(dir / (mode + "-signature.txt"));
    auto sreq = read_file(dir / (mode + "-signed-request.txt"));
    ASSERT_TRUE(creq && sts && sig && sreq) << "expected files missing in " << dir;
    EXPECT_EQ(d.canonical_request, *creq);
    EXPECT_EQ(d.string_to_sign, *sts);
    EXPECT_EQ(d.signature, *sig);

    auto expected = parse_raw_http_request(*sreq);
    ASSERT_TRUE(expected.ok()) << expected.error().describe();
    EXPECT_EQ(testutil::request_line(signed_request), testutil::first_line(*sreq));
    EXPECT_EQ(testutil::missing_header(*expected, signed_request), "");
    const std::string* want_auth = expected->header("authorization");
    const std::string* got_auth = signed_request.header("authorization");
    if (mode == "header") {
      ASSERT_NE(want_auth, nullptr);
      ASSERT_NE(got_auth, nullptr);
      EXPECT_EQ(*got_auth, *want_auth);
    } else {
      EXPECT_EQ(got_auth, nullptr);
    }
    EXPECT_EQ(signed_request.body, in.request.body);
  }
};

TEST_P(AwsCAuthV4, HeaderSigning) {
  Inputs in;
  ASSERT_TRUE(load_inputs(suite_dir() / GetParam(), in));
  HttpRequest req = in.request;
  auto d = sign_headers(req, in.credentials, in.params);
  ASSERT_TRUE(d.ok()) << d.error().describe();
  check("header", in, req, *d);
}

TEST_P(AwsCAuthV4, QuerySigning) {
  Inputs in;
  ASSERT_TRUE(load_inputs(suite_dir() / GetParam(), in));
  HttpRequest req = in.request;
  auto d = presign_query(req, in.credentials, in.params);
  ASSERT_TRUE(d.ok()) << d.error().describe();
  check("query", in, req, *d);
}

INSTANTIATE_TEST_SUITE_P(Vectors, AwsCAuthV4, ::testing::ValuesIn(load_cases()),
                         [](const auto& info) { return testutil::gtest_name(info.param); });

TEST(AwsCAuthV4Suite, AllCasesFound) { EXPECT_EQ(load_cases().size(), 38u) << suite_dir(); }

}  // namespace
}  // namespace rampart::aws::sigv4
