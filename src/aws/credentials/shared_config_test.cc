// Profile mapping of the two shared files, file locations and the ProfileConfig precedence.
#include "aws/credentials/shared_config.h"

#include <gtest/gtest.h>

#include "aws/credentials/profile_config.h"
#include "aws/credentials/test_support.h"

namespace rampart::aws {
namespace {

SharedConfig load(const testing::TempDir& dir, const std::string& config,
                  const std::string& credentials) {
  SharedConfigPaths paths{dir.write("config", config), dir.write("credentials", credentials)};
  auto loaded = load_shared_config(paths);
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
  return loaded.ok() ? *loaded : SharedConfig{};
}

TEST(SharedConfig, ConfigSectionsMapToProfiles) {
  testing::TempDir dir;
  SharedConfig c = load(dir,
                        "[default]\nregion = us-east-1\n"
                        "[profile dev]\nregion = eu-west-1\n"
                        "[profile \"with space\"]\nregion = ap-south-1\n"
                        "[sso-session corp]\nsso_region = us-east-1\n"
                        "[prod]\nregion = nope\n"
                        "[profile too many words]\nregion = nope\n",
                        "");
  EXPECT_EQ(c.config_profiles.size(), 3u);
  EXPECT_EQ(*c.profile("default")->get("region"), "us-east-1");
  EXPECT_EQ(*c.profile("dev")->get("region"), "eu-west-1");
  EXPECT_EQ(*c.profile("with space")->get("region"), "ap-south-1");
  EXPECT_EQ(c.profile("prod"), nullptr);  // the config file needs "profile "
  EXPECT_EQ(c.profile("corp"), nullptr);
}

TEST(SharedConfig, CredentialsFileKeysWinKeyByKey) {
  testing::TempDir dir;
  SharedConfig c = load(dir,
                        "[profile dev]\naws_access_key_id = AKIDCONFIG\nregion = eu-west-1\n",
                        "[dev]\naws_access_key_id = AKIDCREDS\naws_secret_access_key = s\n"
                        "[profile dev]\naws_access_key_id = AKIDODD\n");
  const Profile* dev = c.profile("dev");
  ASSERT_NE(dev, nullptr);
  EXPECT_EQ(*dev->get("aws_access_key_id"), "AKIDCREDS");
  EXPECT_EQ(*dev->get("region"), "eu-west-1");  // merged, not replaced
  EXPECT_EQ(*c.config_profiles.at("dev").get("aws_access_key_id"), "AKIDCONFIG");
  // In the credentials file the section name is the profile name, "profile " included.
  ASSERT_NE(c.profile("profile dev"), nullptr);
}

TEST(SharedConfig, MissingFilesAreEmptyMalformedAreErrors) {
  testing::TempDir dir;
  auto empty = load_shared_config({dir.path("no-config"), dir.path("no-creds")});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->profiles.empty());
  auto bad = load_shared_config({dir.path("no-config"), dir.write("creds", "[a]\nx=1\nbroken\n")});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("creds:3:"), std::string::npos) << bad.error().message;
}

TEST(SharedConfig, PathsFromEnvironment) {
  auto defaults = shared_config_paths(Environment::from_map({{"HOME", "/home/u"}}));
  EXPECT_EQ(defaults.config_file, "/home/u/.aws/config");
  EXPECT_EQ(defaults.credentials_file, "/home/u/.aws/credentials");
  auto custom = shared_config_paths(Environment::from_map(
      {{"HOME", "/home/u"}, {"AWS_CONFIG_FILE", "~/cfg"},
       {"AWS_SHARED_CREDENTIALS_FILE", "/etc/creds"}}));
  EXPECT_EQ(custom.config_file, "/home/u/cfg");
  EXPECT_EQ(custom.credentials_file, "/etc/creds");
}

TEST(SharedConfig, ShlexSplit) {
  EXPECT_EQ(shlex_split("profile  dev"), (std::vector<std::string>{"profile", "dev"}));
  EXPECT_EQ(shlex_split("profile 'a b'"), (std::vector<std::string>{"profile", "a b"}));
  EXPECT_EQ(shlex_split(R"(profile "a \"q\" b")"),
            (std::vector<std::string>{"profile", "a \"q\" b"}));
  EXPECT_EQ(shlex_split(R"(profile a\ b)"), (std::vector<std::string>{"profile", "a b"}));
  EXPECT_FALSE(shlex_split("profile \"open").has_value());
}

TEST(ProfileName, Precedence) {
  auto env = Environment::from_map({{"AWS_PROFILE", "p_env"}, {"AWS_DEFAULT_PROFILE", "p_def"}});
  EXPECT_EQ(resolve_profile_name({.profile = "cli"}, env), std::make_pair(std::string("cli"), true));
  EXPECT_EQ(resolve_profile_name({}, env).first, "p_env");
  EXPECT_EQ(resolve_profile_name({}, Environment::from_map({{"AWS_DEFAULT_PROFILE", "p_def"}})).first,
            "p_def");
  EXPECT_EQ(resolve_profile_name({}, Environment::from_map({})),
            std::make_pair(std::string("default"), false));
}

TEST(ProfileConfig, RegionAndClientSettingsPrecedence) {
  testing::TempDir dir;
  SharedConfig c = load(dir,
                        "[profile dev]\nregion = eu-west-1\nendpoint_url = http://localhost:4566\n"
                        "ca_bundle = /etc/ca.pem\nmax_attempts = 7\nretry_mode = adaptive\n",
                        "");
  auto from_profile = resolve_profile_config(c, Environment::from_map({}), {.profile = "dev"});
  ASSERT_TRUE(from_profile.ok());
  EXPECT_EQ(from_profile->profile, "dev");
  EXPECT_TRUE(from_profile->profile_explicit);
  EXPECT_EQ(from_profile->region, "eu-west-1");
  EXPECT_EQ(from_profile->endpoint_url, "http://localhost:4566");
  EXPECT_EQ(from_profile->ca_bundle, "/etc/ca.pem");
  EXPECT_EQ(from_profile->max_attempts, 7);
  EXPECT_EQ(from_profile->retry_mode, "adaptive");

  auto env = Environment::from_map({{"AWS_PROFILE", "dev"},
                                    {"AWS_DEFAULT_REGION", "us-west-1"},
                                    {"AWS_MAX_ATTEMPTS", "3"},
                                    {"AWS_RETRY_MODE", "standard"}});
  auto from_env = resolve_profile_config(c, env, {});
  ASSERT_TRUE(from_env.ok());
  EXPECT_FALSE(from_env->profile_explicit);  // AWS_PROFILE does not disable env credentials
  EXPECT_EQ(from_env->region, "us-west-1");
  EXPECT_EQ(from_env->max_attempts, 3);
  EXPECT_EQ(from_env->retry_mode, "standard");

  auto env2 = Environment::from_map(
      {{"AWS_PROFILE", "dev"}, {"AWS_REGION", "us-east-2"}, {"AWS_DEFAULT_REGION", "us-west-1"}});
  EXPECT_EQ(resolve_profile_config(c, env2, {})->region, "us-east-2");
  EXPECT_EQ(resolve_profile_config(c, env2, {.region = "sa-east-1"})->region, "sa-east-1");
  EXPECT_FALSE(resolve_profile_config(c, Environment::from_map({}), {})->region.has_value());
}

TEST(ProfileConfig, Errors) {
  testing::TempDir dir;
  SharedConfig c = load(dir, "[profile bad]\nmax_attempts = many\n[profile worse]\nretry_mode = x\n", "");
  auto missing = resolve_profile_config(c, Environment::from_map({{"AWS_PROFILE", "ghost"}}), {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "ProfileNotFound");
  EXPECT_NE(missing.error().message.find("ghost"), std::string::npos);
  EXPECT_FALSE(resolve_profile_config(c, Environment::from_map({}), {.profile = "bad"}).ok());
  EXPECT_FALSE(resolve_profile_config(c, Environment::from_map({}), {.profile = "worse"}).ok());
  // The implicit default profile may be absent.
  EXPECT_TRUE(resolve_profile_config(c, Environment::from_map({}), {}).ok());
}

}  // namespace
}  // namespace rampart::aws
