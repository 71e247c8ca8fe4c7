#include "aws/client/redact_body.h"

#include <gtest/gtest.h>

namespace rampart::aws {
namespace {

TEST(RedactBody, MasksStsCredentialsInXml) {
  std::string body =
      "<AssumeRoleResult><Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId>"
      "<SecretAccessKey>wJalrXUtnFEMI/K7MDENG</SecretAccessKey>"
      "<SessionToken>FQoGZXIvYXdzEXAMPLE</SessionToken></Credentials></AssumeRoleResult>";
  std::string out = redact_body(body);
  EXPECT_EQ(out.find("wJalrXUtnFEMI"), std::string::npos);
  EXPECT_EQ(out.find("FQoGZXIvYXdz"), std::string::npos);
  EXPECT_NE(out.find("<AccessKeyId>ASIAEXAMPLE</AccessKeyId>"), std::string::npos);
}

TEST(RedactBody, MasksJsonSecretsIncludingEscapedQuotes) {
  std::string body = R"({"SecretString" : "p\"ass", "Name": "db", "Token": "abc", "Other": 1})";
  std::string out = redact_body(body);
  EXPECT_EQ(out, R"({"SecretString" : "****", "Name": "db", "Token": "****", "Other": 1})");
}

TEST(RedactBody, LeavesUnterminatedInputAlone) {
  EXPECT_EQ(redact_body("<SessionToken>abc"), "<SessionToken>abc");
  EXPECT_EQ(redact_body(R"({"Password": )"), R"({"Password": )");
}

}  // namespace
}  // namespace rampart::aws
