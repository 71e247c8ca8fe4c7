// run_iam_check and run_iam_decide, end to end.
#include "engine/iam/commands.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/iam/test_util.h"

namespace rampart::iam {
namespace {

std::string last_line(const std::string& s) {
  auto t = s;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  return t.substr(t.rfind('\n') + 1);
}

TEST(IamCheck, SharedCasesAllPass) {
  std::ostringstream out, err;
  const int rc = run_iam_check({testing::iam_data("cases/authorization.json"),
                                testing::iam_data("cases/public-classification.json")},
                               out, err);
  EXPECT_EQ(rc, 0) << out.str() << err.str();
  EXPECT_EQ(last_line(out.str()), "140 passed, 0 failed");
  EXPECT_NE(out.str().find("basic-001 allow expected=allow ok\n"), std::string::npos);
  EXPECT_NE(out.str().find("pub-001 public expected=public ok\n"), std::string::npos);
}

TEST(IamCheck, MismatchAndUnreadableFiles) {
  const auto path = std::filesystem::temp_directory_path() / "rampart_iam_check_test.json";
  {
    std::ofstream f(path);
    f << R"({"format":"rampart-iam-case/1","cases":[{"id":"x-1","kind":"authorization",
      "policies":{"identity":[]},"request":{"principal":"arn:aws:iam::111111111111:user/a",
      "action":"s3:GetObject","resource":"arn:aws:s3:::b/k","context":{}},"expected":"allow"}]})";
  }
  std::ostringstream out, err;
  EXPECT_EQ(run_iam_check({path.string()}, out, err), 1);
  EXPECT_NE(out.str().find("x-1 implicit_deny expected=allow MISMATCH"), std::string::npos);
  EXPECT_EQ(last_line(out.str()), "0 passed, 1 failed");
  std::ostringstream out2, err2;
  EXPECT_EQ(run_iam_check({path.string(), "/nonexistent/file.json"}, out2, err2), 2);
  EXPECT_NE(err2.str().find("/nonexistent/file.json"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(IamDecide, PrintsDecisionAndStatement) {
  IamDecideArgs a;
  a.principal = "arn:aws:iam::111111111111:user/alice";
  a.action = "s3:GetObject";
  a.resource = "arn:aws:s3:::bucket-a/x";
  a.identity_policies = {R"({"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]})"};
  std::ostringstream out;
  EXPECT_EQ(run_iam_decide(a, out), 0);
  EXPECT_NE(out.str().find("decision: allow\n"), std::string::npos);
  EXPECT_NE(out.str().find("statement: identity[0] Statement[0] (Sid Read)"), std::string::npos);

  a.scps = {R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"NoS3","Effect":"Deny","Action":"s3:*","Resource":"*"}]})"};
  std::ostringstream out2;
  EXPECT_EQ(run_iam_decide(a, out2), 1);
  EXPECT_NE(out2.str().find("decision: deny\n"), std::string::npos);
  EXPECT_NE(out2.str().find("scp[level 0] Statement[1] (Sid NoS3)"), std::string::npos);

  a.scps.clear();
  a.context_json = R"({"aws:SourceIp":"10.1.2.3"})";
  a.identity_policies = {R"({"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]})"};
  std::ostringstream out3;
  EXPECT_EQ(run_iam_decide(a, out3), 0) << out3.str();

  a.identity_policies = {R"({"Statement":[{"Effect":"Maybe"}]})"};
  std::ostringstream out4;
  EXPECT_EQ(run_iam_decide(a, out4), 2);
  EXPECT_NE(out4.str().find("Statement[0].Effect"), std::string::npos);
}

}  // namespace
}  // namespace rampart::iam
