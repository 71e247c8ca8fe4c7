// The credential chain end to end over temp config files, an injected environment, a
// recording STS and a scripted HTTP transport: precedence, role chains, web identity, errors.
#include "aws/credentials/chain.h"

#include <gtest/gtest.h>

#include <map>

#include "aws/credentials/test_support.h"

namespace rampart::aws {
namespace {

using testing::FakeClock;
using testing::FakeSts;
using testing::FakeTransport;

constexpr const char* kImdsCreds =
    R"({"AccessKeyId":"ASIAIMDS","SecretAccessKey":"imdsSecret","Token":"t",)"
    R"("Expiration":"2024-01-01T06:00:00Z"})";

struct ChainSetup {
  std::string config;
  std::string credentials;
  std::map<std::string, std::string> env;
  ConfigOverrides overrides;
};

class ChainFixture {
 public:
  FakeClock clock;
  FakeSts sts{clock};
  FakeTransport http;
  testing::TempDir dir;

  Result<std::unique_ptr<CredentialProvider>> resolve(ChainSetup s) {
    s.env["AWS_CONFIG_FILE"] = dir.write("config", s.config);
    s.env["AWS_SHARED_CREDENTIALS_FILE"] = dir.write("credentials", s.credentials);
    ChainOptions options;
    options.container.retry_sleep = std::chrono::milliseconds(0);
    return resolve_default_credentials(Environment::from_map(s.env), s.overrides, &sts, &http,
                                       clock, &profile, options);
  }
  Credentials must_resolve(ChainSetup s) {
    auto provider = resolve(std::move(s));
    EXPECT_TRUE(provider.ok()) << (provider.ok() ? "" : provider.error().message);
    if (!provider.ok()) return {};
    provider_ = std::move(*provider);
    return *provider_->get();
  }
  CredentialProvider& provider() { return *provider_; }

  ProfileConfig profile;

 private:
  std::unique_ptr<CredentialProvider> provider_;
};

// ---- precedence, one case per source pair ----

struct PrecedenceCase {
  const char* name;
  ChainSetup setup;
  const char* want_key;  // the access key id the chain must pick
  bool imds = false;     // script an answering IMDS
};
// Readable names in gtest failure output.
void PrintTo(const PrecedenceCase& c, std::ostream* os) { *os << c.name; }


class ChainPrecedence : public ::testing::TestWithParam<PrecedenceCase> {};

const std::string kCredsDefault =
    "[default]\naws_access_key_id = AKIDCREDSFILE\naws_secret_access_key = s1\n"
    "[dev]\naws_access_key_id = AKIDDEVCREDS\naws_secret_access_key = s2\n";
const std::string kConfigStatic =
    "[default]\naws_access_key_id = AKIDCONFIGFILE\naws_secret_access_key = s3\n"
    "[profile dev]\naws_access_key_id = AKIDDEVCONFIG\naws_secret_access_key = s4\n";
const std::map<std::string, std::string> kEnvKeys = {{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                                                     {"AWS_SECRET_ACCESS_KEY", "envSecret"}};
const std::string kProcessConfig =
    "[default]\ncredential_process = printf '{\"Version\":1,\"AccessKeyId\":\"AKIDPROCESS\","
    "\"SecretAccessKey\":\"p\"}'\naws_access_key_id = AKIDCONFIGFILE\naws_secret_access_key = s3\n";

TEST_P(ChainPrecedence, PicksTheRightSource) {
  ChainFixture f;
  const PrecedenceCase& c = GetParam();
  if (c.imds) {
    f.http.push(200, "tok");
    f.http.push(200, "role");
    f.http.push(200, kImdsCreds);
  }
  testing::TempDir tokens;
  ChainSetup s = c.setup;
  if (s.env.contains("AWS_WEB_IDENTITY_TOKEN_FILE")) {
    s.env["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokens.write("token", "jwt");
  }
  Credentials got = f.must_resolve(s);
  EXPECT_EQ(got.access_key_id, c.want_key) << got.source;
}

std::map<std::string, std::string> with(std::map<std::string, std::string> a,
                                        const std::map<std::string, std::string>& b) {
  a.insert(b.begin(), b.end());
  return a;
}

INSTANTIATE_TEST_SUITE_P(
    Order, ChainPrecedence,
    ::testing::Values(
        PrecedenceCase{"EnvBeatsFiles", {kConfigStatic, kCredsDefault, kEnvKeys, {}}, "AKIDENV"},
        PrecedenceCase{"AwsProfileKeepsEnv",
                       {kConfigStatic, kCredsDefault, with(kEnvKeys, {{"AWS_PROFILE", "dev"}}), {}},
                       "AKIDENV"},
        PrecedenceCase{"ExplicitProfileSkipsEnv",
                       {kConfigStatic, kCredsDefault, kEnvKeys, {.profile = "dev"}},
                       "AKIDDEVCREDS"},
        PrecedenceCase{"AssumeRoleBeatsStaticKeysOfSameProfile",
                       {"", "[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = default\n"
                            "aws_access_key_id = AKIDSELF\naws_secret_access_key = s\n", {}, {}},
                       "ASIAFAKE1"},
        PrecedenceCase{"WebIdentityEnvBeatsCredentialsFile",
                       {"", kCredsDefault,
                        {{"AWS_WEB_IDENTITY_TOKEN_FILE", "set-by-test"},
                         {"AWS_ROLE_ARN", "arn:aws:iam::1:role/web"}}, {}},
                       "ASIAFAKE1"},
        PrecedenceCase{"CredentialsFileBeatsProcessAndConfig", {kProcessConfig, kCredsDefault, {}, {}},
                       "AKIDCREDSFILE"},
        PrecedenceCase{"ProcessBeatsConfigStatic", {kProcessConfig, "", {}, {}}, "AKIDPROCESS"},
        PrecedenceCase{"ConfigStaticWhenAlone", {kConfigStatic, "", {}, {}}, "AKIDCONFIGFILE"},
        PrecedenceCase{"ConfigStaticBeatsImds", {kConfigStatic, "", {}, {}}, "AKIDCONFIGFILE", true},
        PrecedenceCase{"ImdsLast", {"", "", {}, {}}, "ASIAIMDS", true},
        PrecedenceCase{"ProfileFromAwsProfile", {kConfigStatic, "", {{"AWS_PROFILE", "dev"}}, {}},
                       "AKIDDEVCONFIG"}),
    [](const ::testing::TestParamInfo<PrecedenceCase>& info) {
      return std::string(info.param.name);
    });

TEST(Chain, EnvSessionTokenAndExpiration) {
  ChainFixture f;
  Credentials c = f.must_resolve({"", "",
                                  with(kEnvKeys, {{"AWS_SESSION_TOKEN", "sess"},
                                                  {"AWS_SECURITY_TOKEN", "legacy"},
                                                  {"AWS_CREDENTIAL_EXPIRATION",
                                                   "2030-01-01T00:00:00Z"}}),
                                  {}});
  EXPECT_EQ(c.session_token, "legacy");  // botocore checks AWS_SECURITY_TOKEN first
  EXPECT_TRUE(c.expiration.has_value());
  EXPECT_EQ(c.source, "env");
}

TEST(Chain, EcsContainerBeforeImds) {
  ChainFixture f;
  f.http.push(200, kImdsCreds);
  Credentials c =
      f.must_resolve({"", "", {{"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/creds"}}, {}});
  EXPECT_EQ(c.source, "container-role");
  ASSERT_EQ(f.http.requests.size(), 1u);
  EXPECT_EQ(f.http.requests[0].host, "169.254.170.2");
}

// ---- assume role ----

TEST(ChainRoles, ChainedSourceProfilesCallStsInOrder) {
  ChainFixture f;
  Credentials c = f.must_resolve(
      {"[profile top]\nrole_arn = arn:aws:iam::111:role/Top\nsource_profile = mid\n"
       "external_id = ext-123\nrole_session_name = audit\nduration_seconds = 1800\n"
       "region = eu-west-3\n"
       "[profile mid]\nrole_arn = arn:aws:iam::222:role/Mid\nsource_profile = base\n",
       "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = baseSecret\n",
       {},
       {.profile = "top"}});
  EXPECT_EQ(c.access_key_id, "ASIAFAKE2");
  EXPECT_EQ(c.source, "assume-role arn:aws:iam::111:role/Top (profile top)");
  ASSERT_EQ(f.sts.assume_calls.size(), 2u);
  const auto& mid = f.sts.assume_calls[0];
  EXPECT_EQ(mid.request.role_arn, "arn:aws:iam::222:role/Mid");
  EXPECT_EQ(mid.source.access_key_id, "AKIDBASE");
  EXPECT_EQ(mid.source.secret_access_key, "baseSecret");
  EXPECT_EQ(mid.request.external_id, "");
  EXPECT_EQ(mid.request.role_session_name, "rampart-1704067200");  // botocore's default, renamed
  EXPECT_FALSE(mid.request.duration_seconds.has_value());
  const auto& top = f.sts.assume_calls[1];
  EXPECT_EQ(top.request.role_arn, "arn:aws:iam::111:role/Top");
  EXPECT_EQ(top.source.access_key_id, "ASIAFAKE1");  // the Mid role's credentials
  EXPECT_EQ(top.source.session_token, "roleToken1");
  EXPECT_EQ(top.request.external_id, "ext-123");
  EXPECT_EQ(top.request.role_session_name, "audit");
  EXPECT_EQ(top.request.duration_seconds, 1800);
  EXPECT_EQ(top.request.region, "eu-west-3");
}

TEST(ChainRoles, RefreshesBeforeExpiryWithFreshSourceCredentials) {
  ChainFixture f;
  f.must_resolve({"[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = base\n",
                  "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = b\n", {},
                  {.profile = "r"}});
  EXPECT_EQ(f.sts.assume_calls.size(), 1u);
  f.clock.advance(std::chrono::minutes(30));
  EXPECT_EQ(f.provider().get()->access_key_id, "ASIAFAKE1");
  EXPECT_EQ(f.sts.assume_calls.size(), 1u);
  f.clock.advance(std::chrono::minutes(20));  // 10 minutes left
  EXPECT_EQ(f.provider().get()->access_key_id, "ASIAFAKE2");
  EXPECT_EQ(f.sts.assume_calls.size(), 2u);
  // Hours later, still renewed: the scan never dies of ExpiredToken.
  for (int i = 0; i < 10; ++i) {
    f.clock.advance(std::chrono::minutes(50));
    ASSERT_TRUE(f.provider().get().ok());
  }
  EXPECT_EQ(f.sts.assume_calls.size(), 12u);
}

TEST(ChainRoles, CredentialSources) {
  {
    ChainFixture f;
    f.must_resolve({"[profile r]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = Environment\n",
                    "", kEnvKeys, {.profile = "r"}});
    ASSERT_EQ(f.sts.assume_calls.size(), 1u);
    EXPECT_EQ(f.sts.assume_calls[0].source.access_key_id, "AKIDENV");
  }
  {
    ChainFixture f;
    f.http.push(200, "tok");
    f.http.push(200, "role");
    f.http.push(200, kImdsCreds);
    f.must_resolve(
        {"[profile r]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = Ec2InstanceMetadata\n",
         "", {}, {.profile = "r"}});
    ASSERT_EQ(f.sts.assume_calls.size(), 1u);
    EXPECT_EQ(f.sts.assume_calls[0].source.access_key_id, "ASIAIMDS");
  }
  {
    ChainFixture f;
    f.http.push(200, kImdsCreds);
    f.must_resolve({"[profile r]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = EcsContainer\n",
                    "", {{"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/c"}}, {.profile = "r"}});
    ASSERT_EQ(f.sts.assume_calls.size(), 1u);
    EXPECT_EQ(f.sts.assume_calls[0].source.source, "container-role");
  }
}

struct RoleErrorCase {
  const char* name;
  std::string config;
  std::string credentials;
  const char* needle;
};
// Readable names in gtest failure output.
void PrintTo(const RoleErrorCase& c, std::ostream* os) { *os << c.name; }


class ChainRoleErrors : public ::testing::TestWithParam<RoleErrorCase> {};

TEST_P(ChainRoleErrors, ClearError) {
  ChainFixture f;
  auto r = f.resolve({GetParam().config, GetParam().credentials, {}, {.profile = "a"}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find(GetParam().needle), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().message.find("topSecret"), std::string::npos);
  EXPECT_TRUE(f.sts.assume_calls.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ChainRoleErrors,
    ::testing::Values(
        RoleErrorCase{"Cycle",
                      "[profile a]\nrole_arn = arn:r/a\nsource_profile = b\n"
                      "[profile b]\nrole_arn = arn:r/b\nsource_profile = a\n",
                      "", "infinite loop in the source_profile chain: a -> b -> a"},
        RoleErrorCase{"SelfWithoutStaticKeys", "[profile a]\nrole_arn = arn:r/a\nsource_profile = a\n",
                      "", "infinite loop"},
        RoleErrorCase{"MissingSourceProfile", "[profile a]\nrole_arn = arn:r/a\nsource_profile = nope\n",
                      "", "source_profile \"nope\" referenced in the profile \"a\" does not exist"},
        RoleErrorCase{"BothSources",
                      "[profile a]\nrole_arn = arn:r/a\nsource_profile = a\ncredential_source = Environment\n",
                      "", "both source_profile and credential_source"},
        RoleErrorCase{"NoSource", "[profile a]\nrole_arn = arn:r/a\n", "",
                      "neither source_profile nor credential_source"},
        RoleErrorCase{"BadCredentialSource", "[profile a]\nrole_arn = arn:r/a\ncredential_source = Magic\n",
                      "", "credential_source \"Magic\""},
        RoleErrorCase{"EmptyEnvironmentSource",
                      "[profile a]\nrole_arn = arn:r/a\ncredential_source = Environment\n", "",
                      "no credentials found in credential_source Environment"},
        RoleErrorCase{"Mfa",
                      "[profile a]\nrole_arn = arn:r/a\nsource_profile = b\nmfa_serial = arn:mfa/u\n"
                      "[profile b]\naws_access_key_id = AKID\naws_secret_access_key = topSecret\n",
                      "", "requires an MFA code"},
        RoleErrorCase{"SourceWithoutCredentials",
                      "[profile a]\nrole_arn = arn:r/a\nsource_profile = b\n[profile b]\nregion = x\n",
                      "", "source profile \"b\" must have credentials"},
        RoleErrorCase{"PartialStaticKeys", "",
                      "[a]\naws_access_key_id = AKIDPART\n", "aws_secret_access_key is not"},
        RoleErrorCase{"MalformedConfig", "[profile a]\nregion = x\nbad line\n", "", "config:3:"}),
    [](const ::testing::TestParamInfo<RoleErrorCase>& info) {
      return std::string(info.param.name);
    });

TEST(ChainRoles, SelfSourceWithStaticKeys) {
  ChainFixture f;
  f.must_resolve({"[profile a]\nrole_arn = arn:r/a\nsource_profile = a\n",
                  "[a]\naws_access_key_id = AKIDSELF\naws_secret_access_key = s\n", {},
                  {.profile = "a"}});
  ASSERT_EQ(f.sts.assume_calls.size(), 1u);
  EXPECT_EQ(f.sts.assume_calls[0].source.access_key_id, "AKIDSELF");
}

TEST(ChainRoles, StsFailureSurfacesAtResolution) {
  ChainFixture f;
  f.sts.fail = true;
  auto r = f.resolve({"[profile a]\nrole_arn = arn:r/a\nsource_profile = b\n",
                      "[b]\naws_access_key_id = AKID\naws_secret_access_key = topSecret\n", {},
                      {.profile = "a"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::AccessDenied);
}

// ---- web identity ----

TEST(ChainWebIdentity, EnvTokenFileReReadAtRefresh) {
  ChainFixture f;
  std::string token = f.dir.write("jwt", "token-one");
  Credentials c = f.must_resolve({"", "",
                                  {{"AWS_WEB_IDENTITY_TOKEN_FILE", token},
                                   {"AWS_ROLE_ARN", "arn:aws:iam::1:role/web"},
                                   {"AWS_ROLE_SESSION_NAME", "pod-1"},
                                   {"AWS_REGION", "us-west-2"}},
                                  {}});
  EXPECT_EQ(c.source, "assume-role-with-web-identity arn:aws:iam::1:role/web");
  ASSERT_EQ(f.sts.web_calls.size(), 1u);
  EXPECT_EQ(f.sts.web_calls[0].web_identity_token, "token-one");
  EXPECT_EQ(f.sts.web_calls[0].role_session_name, "pod-1");
  EXPECT_EQ(f.sts.web_calls[0].region, "us-west-2");
  f.dir.write("jwt", "token-two");  // rotated by the kubelet
  f.clock.advance(std::chrono::minutes(50));
  ASSERT_TRUE(f.provider().get().ok());
  ASSERT_EQ(f.sts.web_calls.size(), 2u);
  EXPECT_EQ(f.sts.web_calls[1].web_identity_token, "token-two");
}

TEST(ChainWebIdentity, ProfileKeysAndExplicitProfileIgnoresEnv) {
  ChainFixture f;
  std::string token = f.dir.write("jwt", "profile-token");
  f.must_resolve({"[profile w]\nweb_identity_token_file = " + token +
                      "\nrole_arn = arn:aws:iam::1:role/fromprofile\n",
                  "",
                  {{"AWS_ROLE_ARN", "arn:aws:iam::1:role/fromenv"}},
                  {.profile = "w"}});
  ASSERT_EQ(f.sts.web_calls.size(), 1u);
  EXPECT_EQ(f.sts.web_calls[0].role_arn, "arn:aws:iam::1:role/fromprofile");
  EXPECT_EQ(f.sts.web_calls[0].role_session_name, "rampart-1704067200");
  EXPECT_TRUE(f.sts.assume_calls.empty());  // role_arn + token file is not AssumeRole
}

TEST(ChainWebIdentity, MissingRoleArnIsAnError) {
  ChainFixture f;
  auto r = f.resolve({"", "", {{"AWS_WEB_IDENTITY_TOKEN_FILE", f.dir.write("jwt", "x")}}, {}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("AWS_ROLE_ARN"), std::string::npos);
}

// ---- nothing found ----

TEST(Chain, NoCredentialsListsWhatWasTried) {
  ChainFixture f;
  auto r = f.resolve({"[default]\nsso_start_url = https://x.awsapps.com/start\n"
                      "aws_secret_access_key = topSecretConfig\n",
                      "", {{"AWS_SECRET_ACCESS_KEY", "topSecretEnv"}}, {}});
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_EQ(e.kind, ErrorKind::NotFound);
  EXPECT_EQ(e.code, "NoCredentials");
  for (const char* tried : {"env:", "assume-role:", "web identity:", "IAM Identity Center (SSO)",
                            "shared-credentials-file:", "custom-process:", "config-file:",
                            "container-role:", "iam-role:"}) {
    EXPECT_NE(e.message.find(tried), std::string::npos) << tried << " in " << e.message;
  }
  EXPECT_EQ(e.message.find("topSecret"), std::string::npos);
}

TEST(Chain, ImdsDisabledMakesNoRequest) {
  ChainFixture f;
  auto r = f.resolve({"", "", {{"AWS_EC2_METADATA_DISABLED", "true"}}, {}});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(f.http.requests.empty());
  EXPECT_NE(r.error().message.find("disabled by AWS_EC2_METADATA_DISABLED"), std::string::npos);
}

TEST(Chain, ProfileConfigIsReported) {
  ChainFixture f;
  f.must_resolve({"[profile dev]\nregion = ca-central-1\nretry_mode = adaptive\n", kCredsDefault, {},
                  {.profile = "dev"}});
  EXPECT_EQ(f.profile.profile, "dev");
  EXPECT_EQ(f.profile.region, "ca-central-1");
  EXPECT_EQ(f.profile.retry_mode, "adaptive");
}

}  // namespace
}  // namespace rampart::aws
