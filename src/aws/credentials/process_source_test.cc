// credential_process with small shell commands: good output, failures, timeout, secrecy.
#include "aws/credentials/process_source.h"

#include <gtest/gtest.h>

#include <chrono>

#include "aws/credentials/test_support.h"

namespace rampart::aws {
namespace {

constexpr const char* kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

std::string printf_json(const std::string& json) {
  std::string quoted;
  for (char c : json) {
    if (c == '\'') quoted += "'\\''";
    else quoted += c;
  }
  return "printf '%s' '" + quoted + "'";
}

TEST(CredentialProcess, GoodOutputWithExpiration) {
  auto r = run_credential_process(printf_json(
      std::string(R"({"Version": 1, "AccessKeyId": "ASIAPROC", "SecretAccessKey": ")") + kSecret +
      R"(", "SessionToken": "tok", "Expiration": "2030-01-02T03:04:05Z"})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->access_key_id, "ASIAPROC");
  EXPECT_EQ(r->secret_access_key, kSecret);
  EXPECT_EQ(r->session_token, "tok");
  ASSERT_TRUE(r->expiration.has_value());
  EXPECT_EQ(std::chrono::duration_cast<std::chrono::seconds>(r->expiration->time_since_epoch())
                .count(),
            1893553445);
}

TEST(CredentialProcess, LongTermKeysWithoutTokenOrExpiration) {
  auto r = run_credential_process(
      printf_json(R"({"Version":1,"AccessKeyId":"AKIAPROC","SecretAccessKey":"x"})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->session_token.empty());
  EXPECT_FALSE(r->expiration.has_value());
}

TEST(CredentialProcess, ShellFeaturesAndNoStdin) {
  // Runs through /bin/sh -c (pipes, variables); stdin is /dev/null so `cat` ends at once.
  auto r = run_credential_process(
      "cat; K=AKIASH; echo '{\"Version\":1,\"AccessKeyId\":\"'$K'\",\"SecretAccessKey\":\"s\"}' | "
      "tr -d '\\n'");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->access_key_id, "AKIASH");
}

TEST(CredentialProcess, NonZeroExitReportsStatusAndStderr) {
  auto r = run_credential_process(std::string("echo '{\"SecretAccessKey\":\"") + kSecret +
                                  "\"}'; echo 'token expired, run login' >&2; exit 3");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("status 3"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("token expired, run login"), std::string::npos);
  EXPECT_EQ(r.error().message.find(kSecret), std::string::npos);
}

struct BadOutput {
  const char* name;
  std::string json;
  const char* needle;
};
// Readable names in gtest failure output.
void PrintTo(const BadOutput& c, std::ostream* os) { *os << c.name; }


class CredentialProcessBadOutput : public ::testing::TestWithParam<BadOutput> {};

TEST_P(CredentialProcessBadOutput, ClearErrorWithoutTheSecret) {
  auto r = run_credential_process(printf_json(GetParam().json));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Parse);
  EXPECT_NE(r.error().message.find(GetParam().needle), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().message.find(kSecret), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().describe().find(kSecret), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CredentialProcessBadOutput,
    ::testing::Values(
        BadOutput{"NotJson", std::string("AccessKeyId=AKIA SecretAccessKey=") + kSecret,
                  "not a JSON object"},
        BadOutput{"TruncatedJson", std::string(R"({"Version":1,"SecretAccessKey":")") + kSecret,
                  "not a JSON object"},
        BadOutput{"WrongVersion",
                  std::string(R"({"Version":2,"AccessKeyId":"A","SecretAccessKey":")") + kSecret +
                      "\"}",
                  "Version"},
        BadOutput{"MissingVersion",
                  std::string(R"({"AccessKeyId":"A","SecretAccessKey":")") + kSecret + "\"}",
                  "Version"},
        BadOutput{"MissingAccessKey",
                  std::string(R"({"Version":1,"SecretAccessKey":")") + kSecret + "\"}",
                  "missing AccessKeyId"},
        BadOutput{"BadExpiration",
                  std::string(R"({"Version":1,"AccessKeyId":"A","SecretAccessKey":")") + kSecret +
                      R"(","Expiration":"tomorrow"})",
                  "Expiration"}),
    [](const ::testing::TestParamInfo<BadOutput>& info) { return std::string(info.param.name); });

TEST(CredentialProcess, TimeoutKillsTheProcessGroup) {
  auto start = std::chrono::steady_clock::now();
  ProcessOptions options;
  options.timeout = std::chrono::milliseconds(300);
  // A background child keeps the pipe open: the whole group must be killed.
  auto r = run_credential_process("sleep 30 & sleep 30", options);
  auto took = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Timeout);
  EXPECT_LT(took, std::chrono::seconds(5));
}

TEST(CredentialProcess, TimeoutAfterClosingOutput) {
  ProcessOptions options;
  options.timeout = std::chrono::milliseconds(300);
  auto r = run_credential_process("exec >&- 2>&-; sleep 30", options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::Timeout);
}

}  // namespace
}  // namespace rampart::aws
