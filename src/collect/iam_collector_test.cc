// IAM collector tests: the recorded cases of testdata/iam/, the credential report's CSV reader
// and its bounded wait for report generation.
#include <chrono>

#include "aws/core/encoding.h"
#include "collect/iam_internal.h"
#include "collect/recorded_case.h"

namespace rampart::collect::testing {
namespace {

class IamCases : public ::testing::TestWithParam<RecordedCase> {};
TEST_P(IamCases, EmitsWhatTheRecordingHolds) { run_recorded_case(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Recorded, IamCases, ::testing::ValuesIn(load_recorded_cases("iam")),
                         [](const auto& info) { return info.param.name; });

using Rows = std::vector<std::vector<std::string>>;

TEST(CredentialReportCsv, ReadsPlainQuotedAndEmptyFields) {
  EXPECT_EQ(iam::parse_csv("user,arn\nalice,arn:1\n"), (Rows{{"user", "arn"}, {"alice", "arn:1"}}));
  EXPECT_EQ(iam::parse_csv("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n"),
            (Rows{{"a", "b"}, {"x,y", "say \"hi\""}}));
  EXPECT_EQ(iam::parse_csv("a,,c\n,\n"), (Rows{{"a", "", "c"}, {"", ""}}));
  EXPECT_EQ(iam::parse_csv("\"multi\nline\",z"), (Rows{{"multi\nline", "z"}}));
  EXPECT_EQ(iam::parse_csv(""), Rows{});
  EXPECT_EQ(iam::parse_csv("\"\"\n"), (Rows{{""}}));
}

TEST(CredentialReport, RootRowAndColumnsBecomeOneResourcePerRow) {
  FakeTask task("123456789012", "us-east-1");
  task.respond("iam", "GenerateCredentialReport", {{"State", "COMPLETE"}});
  const std::string csv =
      "user,arn,mfa_active,password_enabled\n"
      "<root_account>,arn:aws:iam::123456789012:root,false,not_supported\n"
      "dave,arn:aws:iam::123456789012:user/dave,true,true\n";
  task.respond("iam", "GetCredentialReport", {{"Content", aws::base64_encode(csv)}});
  iam::collect_credential_report(task, iam::ReportWait{});
  ASSERT_EQ(task.emitted.size(), 2u);
  const auto* root = task.resource("iam:credential-report", "<root_account>");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->region, "global");
  EXPECT_EQ(root->arn, "arn:aws:iam::123456789012:root");
  EXPECT_EQ(root->document.value("mfa_active", ""), "false");
  const auto* dave = task.resource("iam:credential-report", "dave");
  ASSERT_NE(dave, nullptr);
  EXPECT_EQ(dave->document.value("password_enabled", ""), "true");
  EXPECT_TRUE(task.errors.empty());
}

TEST(CredentialReport, StopsWaitingAfterTheBoundAndRecordsWhyThereAreNoRows) {
  FakeTask task("123456789012", "us-east-1");
  task.respond("iam", "GenerateCredentialReport", {{"State", "INPROGRESS"}});
  task.fail("iam", "GetCredentialReport",
            Error{ErrorKind::InvalidRequest, "ReportInProgress", "not ready", "", 404});
  const auto started = std::chrono::steady_clock::now();
  iam::collect_credential_report(task, iam::ReportWait{3, std::chrono::milliseconds(1)});
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  std::size_t generate_calls = 0;
  for (const auto& [name, params] : task.calls) generate_calls += name == "iam:GenerateCredentialReport";
  EXPECT_EQ(generate_calls, 4u);  // the first call and three polls
  EXPECT_TRUE(task.emitted.empty());
  ASSERT_EQ(task.errors.size(), 1u);
  EXPECT_EQ(task.errors[0].code, "ReportInProgress");
  EXPECT_EQ(task.errors[0].resource_type, "iam:credential-report");
  EXPECT_EQ(task.errors[0].resource_id, "");
}

// Answers GenerateCredentialReport "STARTED" twice, then "COMPLETE"; everything else from
// the FakeTask it wraps (FakeTask serves one canned answer per call).
class SequencedReport final : public CollectTask {
 public:
  explicit SequencedReport(FakeTask& fake) : fake_(fake) {}
  int generate = 0;
  const std::string& account() const override { return fake_.account(); }
  const std::string& partition() const override { return fake_.partition(); }
  const std::string& region() const override { return fake_.region(); }
  std::optional<Json> list(std::string_view service, std::string_view operation,
                           const Json& params, std::string_view type) override {
    if (operation == "GenerateCredentialReport") {
      return Json{{"State", ++generate < 3 ? "STARTED" : "COMPLETE"}};
    }
    return fake_.list(service, operation, params, type);
  }
  std::optional<Json> describe(inventory::Resource& r, std::string_view service,
                               std::string_view operation, const Json& params,
                               std::string_view attribute,
                               std::initializer_list<std::string_view> absent,
                               std::string_view region) override {
    return fake_.describe(r, service, operation, params, attribute, absent, region);
  }
  void emit(inventory::Resource r) override { fake_.emit(std::move(r)); }
  void spawn(std::function<void()> work) override { fake_.spawn(std::move(work)); }

 private:
  FakeTask& fake_;
};

TEST(CredentialReport, PollsUntilComplete) {
  FakeTask fake("123456789012", "us-east-1");
  fake.respond("iam", "GetCredentialReport",
               {{"Content", aws::base64_encode("user,arn\nerin,arn:aws:iam::123456789012:user/erin\n")}});
  SequencedReport task(fake);
  iam::collect_credential_report(task, iam::ReportWait{10, std::chrono::milliseconds(1)});
  EXPECT_EQ(task.generate, 3);
  ASSERT_EQ(fake.emitted.size(), 1u);
  EXPECT_EQ(fake.emitted[0].id, "erin");
}

}  // namespace
}  // namespace rampart::collect::testing
