// The 2015 AWS SigV4 suite as botocore carries it (testdata/sigv4/botocore-aws4_testsuite, 34
// cases including normalize-path/ and post-sts-token/): each <name>.req is signed with the
// suite's fixed inputs and compared with <name>.creq, .sts, .authz and the Authorization and
// other headers of .sreq, byte for byte.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "aws/sigv4/raw_request.h"
#include "aws/sigv4/signer.h"
#include "aws/sigv4/suite_test_util.h"

namespace rampart::aws::sigv4 {
namespace {

namespace fs = std::filesystem;
using testutil::read_file;

fs::path suite_dir() { return testutil::suite_root() / "botocore-aws4_testsuite"; }

// Case ids are the folder of the .req relative to the suite ("normalize-path/get-slash").
std::vector<std::string> load_cases() {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(suite_dir(), ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".req") {
      ids.push_back(fs::relative(entry.path().parent_path(), suite_dir()).generic_string());
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// The token botocore's harness (tests/unit/auth/test_sigv4.py) supplies for
// get-vanilla-with-session-token; the .req itself does not carry it.
constexpr const char* kVanillaSessionToken =
    "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";

// post-sts-token/readme.txt ends with the session token of the post-sts-* cases.
std::string sts_readme_token() {
  auto text = read_file(suite_dir() / "post-sts-token" / "readme.txt");
  if (!text) return {};
  std::string t = *text;
  while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' ')) t.pop_back();
  return t.substr(t.find_last_of("\n ") + 1);
}

class BotocoreSuite : public ::testing::TestWithParam<std::string> {};

TEST_P(BotocoreSuite, Signs) {
  const std::string id = GetParam();
  auto skips = testutil::load_skips();
  if (auto it = skips.find("botocore-aws4_testsuite/" + id); it != skips.end()) {
    GTEST_SKIP() << it->second;
  }
  const fs::path base = suite_dir() / id / fs::path(id).filename();
  auto req_text = read_file(base.string() + ".req");
  auto creq = read_file(base.string() + ".creq");
  auto sts = read_file(base.string() + ".sts");
  auto authz = read_file(base.string() + ".authz");
  auto sreq = read_file(base.string() + ".sreq");
  ASSERT_TRUE(req_text && creq && sts && authz && sreq) << "files missing for " << base;

  auto parsed = parse_raw_http_request(*req_text);
  ASSERT_TRUE(parsed.ok()) << parsed.error().describe();
  HttpRequest req = *parsed;

  Credentials creds = testutil::example_credentials();
  SigningParams params;
  params.region = "us-east-1";
  params.service = "service";
  params.time = testutil::parse_time("2015-08-30T12:36:00Z");
  const std::string name = fs::path(id).filename().string();
  if (name == "get-vanilla-with-session-token") creds.session_token = kVanillaSessionToken;
  if (name == "post-sts-header-after" || name == "post-sts-header-before") {
    creds.session_token = sts_readme_token();
    ASSERT_FALSE(creds.session_token.empty());
    params.omit_session_token = name == "post-sts-header-after";
  }

  auto d = sign_headers(req, creds, params);
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(d->canonical_request, *creq);
  EXPECT_EQ(d->string_to_sign, *sts);
  const std::string* auth = req.header("authorization");
  ASSERT_NE(auth, nullptr);
  EXPECT_EQ(*auth, *authz);

  auto expected = parse_raw_http_request(*sreq);
  ASSERT_TRUE(expected.ok()) << expected.error().describe();
  EXPECT_EQ(testutil::request_line(req), testutil::first_line(*sreq));
  // Authorization is checked against .authz above. The .sreq files are only used for the
  // request line and the other headers: get-vanilla-with-session-token.sreq carries
  // get-vanilla's signature (an upstream copy error; its .creq, .sts and .authz agree).
  expected->remove_header("authorization");
  EXPECT_EQ(testutil::missing_header(*expected, req), "");
}

INSTANTIATE_TEST_SUITE_P(Vectors, BotocoreSuite, ::testing::ValuesIn(load_cases()),
                         [](const auto& info) { return testutil::gtest_name(info.param); });

TEST(BotocoreSuiteData, AllCasesFound) { EXPECT_EQ(load_cases().size(), 34u) << suite_dir(); }

}  // namespace
}  // namespace rampart::aws::sigv4
