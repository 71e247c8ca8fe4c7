// ECS container credentials and EC2 IMDSv2 against a scripted transport.
#include <gtest/gtest.h>

#include "aws/credentials/container_source.h"
#include "aws/credentials/imds_source.h"
#include "aws/credentials/test_support.h"

namespace rampart::aws {
namespace {

using testing::FakeClock;
using testing::FakeTransport;

constexpr const char* kCredsJson =
    R"({"Code":"Success","AccessKeyId":"ASIAMETA","SecretAccessKey":"metaSecret",)"
    R"("Token":"metaToken","Expiration":"2024-01-01T06:00:00Z"})";

// --- ECS / EKS container credentials ---

TEST(ContainerCredentials, RelativeUriWithToken) {
  FakeClock clock;
  FakeTransport http;
  http.push(200, kCredsJson);
  auto env = Environment::from_map({{"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/creds?id=1"},
                                    {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "Basic abc"}});
  ASSERT_TRUE(container_credentials_configured(env));
  auto fetch = container_fetcher(env, http, clock);
  ASSERT_TRUE(fetch.ok());
  auto creds = (*fetch)();
  ASSERT_TRUE(creds.ok()) << creds.error().message;
  EXPECT_EQ(creds->access_key_id, "ASIAMETA");
  EXPECT_EQ(creds->session_token, "metaToken");
  ASSERT_EQ(http.requests.size(), 1u);
  EXPECT_EQ(http.requests[0].url(), "http://169.254.170.2/v2/creds?id=1");
  ASSERT_NE(http.requests[0].header("Authorization"), nullptr);
  EXPECT_EQ(*http.requests[0].header("Authorization"), "Basic abc");
  EXPECT_EQ(http.call_options[0].connect_timeout, std::chrono::milliseconds(2000));
}

TEST(ContainerCredentials, FullUriTokenFileIsReadAtEachFetch) {
  FakeClock clock;
  FakeTransport http;
  testing::TempDir dir;
  std::string token_file = dir.write("token", "eks-token-1");
  auto env = Environment::from_map(
      {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials"},
       {"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token_file},
       {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "ignored-when-file-set"}});
  auto fetch = container_fetcher(env, http, clock);
  ASSERT_TRUE(fetch.ok());
  http.push(200, kCredsJson);
  ASSERT_TRUE((*fetch)().ok());
  dir.write("token", "eks-token-2");
  http.push(200, kCredsJson);
  ASSERT_TRUE((*fetch)().ok());
  ASSERT_EQ(http.requests.size(), 2u);
  EXPECT_EQ(*http.requests[0].header("Authorization"), "eks-token-1");
  EXPECT_EQ(*http.requests[1].header("Authorization"), "eks-token-2");
  EXPECT_EQ(http.requests[1].host, "169.254.170.23");
}

TEST(ContainerCredentials, AllowedAndRejectedHosts) {
  FakeClock clock;
  FakeTransport http;
  auto with = [&](const std::string& uri) {
    return container_fetcher(Environment::from_map({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", uri}}),
                             http, clock);
  };
  EXPECT_TRUE(with("http://127.0.0.1:8080/creds").ok());
  EXPECT_TRUE(with("http://127.1.2.3/creds").ok());
  EXPECT_TRUE(with("http://[::1]:9000/creds").ok());
  EXPECT_TRUE(with("http://localhost/creds").ok());
  EXPECT_TRUE(with("http://[fd00:ec2::23]/creds").ok());
  EXPECT_TRUE(with("https://creds.example.com/x").ok());
  auto bad = with("http://169.254.169.254/latest");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("unsupported host '169.254.169.254'"), std::string::npos);
  EXPECT_FALSE(with("http://evil.example.com/").ok());
  EXPECT_FALSE(with("ftp://127.0.0.1/").ok());
}

TEST(ContainerCredentials, RetriesThenFailsWithoutSecret) {
  FakeClock clock;
  FakeTransport http;
  http.push(500, "oops");
  http.push_error(ErrorKind::Network);
  http.push(200, kCredsJson);
  auto env = Environment::from_map({{"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/c"}});
  auto fetch = container_fetcher(env, http, clock);
  ASSERT_TRUE(fetch.ok());
  EXPECT_TRUE((*fetch)().ok());  // third attempt succeeds
  EXPECT_EQ(clock.slept(), std::chrono::seconds(2));
  http.push(200, R"({"AccessKeyId":"A","SecretAccessKey":"topSecretValue"})");
  auto r = (*fetch)();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("missing Token, Expiration"), std::string::npos);
  EXPECT_EQ(r.error().message.find("topSecretValue"), std::string::npos);
}

TEST(ContainerCredentials, TokenWithNewlineRejected) {
  FakeClock clock;
  FakeTransport http;
  auto env = Environment::from_map({{"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/c"},
                                    {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "a\r\nX-Evil: 1"}});
  auto fetch = container_fetcher(env, http, clock);
  ASSERT_TRUE(fetch.ok());
  EXPECT_FALSE((*fetch)().ok());
  EXPECT_TRUE(http.requests.empty());
}

// --- EC2 instance metadata ---

TEST(Imds, V2TokenFlow) {
  FakeTransport http;
  http.push(200, "imds-session-token");
  http.push(200, "my-instance-role");
  http.push(200, kCredsJson);
  auto creds = imds_fetcher(http, ImdsOptions{})();
  ASSERT_TRUE(creds.ok()) << creds.error().message;
  EXPECT_EQ(creds->access_key_id, "ASIAMETA");
  EXPECT_EQ(creds->source, "iam-role my-instance-role");
  ASSERT_EQ(http.requests.size(), 3u);
  const auto& put = http.requests[0];
  EXPECT_EQ(put.method, "PUT");
  EXPECT_EQ(put.url(), "http://169.254.169.254/latest/api/token");
  ASSERT_NE(put.header("x-aws-ec2-metadata-token-ttl-seconds"), nullptr);
  EXPECT_EQ(*put.header("x-aws-ec2-metadata-token-ttl-seconds"), "21600");
  EXPECT_EQ(http.requests[1].method, "GET");
  EXPECT_EQ(http.requests[1].path, "/latest/meta-data/iam/security-credentials/");
  EXPECT_EQ(http.requests[2].path, "/latest/meta-data/iam/security-credentials/my-instance-role");
  for (int i : {1, 2}) {
    ASSERT_NE(http.requests[i].header("x-aws-ec2-metadata-token"), nullptr);
    EXPECT_EQ(*http.requests[i].header("x-aws-ec2-metadata-token"), "imds-session-token");
  }
  EXPECT_EQ(http.call_options[0].connect_timeout, std::chrono::milliseconds(1000));
}

TEST(Imds, FallsBackToV1WhenTokenUnsupported) {
  FakeTransport http;
  http.push(403, "");
  http.push(200, "role");
  http.push(200, kCredsJson);
  ASSERT_TRUE(imds_fetcher(http, ImdsOptions{})().ok());
  EXPECT_EQ(http.requests[1].header("x-aws-ec2-metadata-token"), nullptr);

  FakeTransport http2;
  http2.push(404, "");
  ImdsOptions v2_only;
  v2_only.v1_disabled = true;
  auto r = imds_fetcher(http2, v2_only)();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(http2.requests.size(), 1u);
}

TEST(Imds, RetriesOnceThenGivesUp) {
  FakeTransport http;  // empty queue: every request is "connection refused"
  auto r = imds_fetcher(http, ImdsOptions{})();
  ASSERT_FALSE(r.ok());
  // token: 2 attempts, role list: 2 attempts (as IMDSv1), then stop.
  EXPECT_EQ(http.requests.size(), 4u);
}

TEST(Imds, RetriesEmptyAndBadJsonResponses) {
  FakeTransport http;
  http.push(200, "tok");
  http.push(200, "");       // empty role list: retried
  http.push(200, "role");
  http.push(200, "{not json");  // retried
  http.push(200, kCredsJson);
  auto r = imds_fetcher(http, ImdsOptions{})();
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(http.requests.size(), 5u);
}

TEST(Imds, ErrorDocumentIsNotCredentials) {
  FakeTransport http;
  http.push(200, "tok");
  http.push(200, "role");
  http.push(200, R"({"Code":"AssumeRoleUnauthorizedAccess","Message":"EC2 cannot assume"})");
  auto r = imds_fetcher(http, ImdsOptions{})();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("AssumeRoleUnauthorizedAccess"), std::string::npos);
}

TEST(Imds, OptionsFromEnvironmentAndProfile) {
  EXPECT_TRUE(imds_disabled(Environment::from_map({{"AWS_EC2_METADATA_DISABLED", "TRUE"}})));
  EXPECT_FALSE(imds_disabled(Environment::from_map({{"AWS_EC2_METADATA_DISABLED", "1"}})));
  auto env = Environment::from_map({{"AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:1338"},
                                    {"AWS_METADATA_SERVICE_TIMEOUT", "0.5"},
                                    {"AWS_METADATA_SERVICE_NUM_ATTEMPTS", "3"}});
  ImdsOptions o = imds_options(env, nullptr);
  EXPECT_EQ(o.endpoint, "http://127.0.0.1:1338");
  EXPECT_EQ(o.timeout, std::chrono::milliseconds(500));
  EXPECT_EQ(o.attempts, 3);
  Profile p{"x", {{"ec2_metadata_service_endpoint_mode", IniEntry{"IPv6", 1, std::nullopt}}}};
  EXPECT_EQ(imds_options(Environment::from_map({}), &p).endpoint, "http://[fd00:ec2::254]");

  FakeTransport http;
  http.push(200, "tok");
  http.push(200, "role");
  http.push(200, kCredsJson);
  ASSERT_TRUE(imds_fetcher(http, o)().ok());
  EXPECT_EQ(http.requests[0].url(), "http://127.0.0.1:1338/latest/api/token");
}

}  // namespace
}  // namespace rampart::aws
