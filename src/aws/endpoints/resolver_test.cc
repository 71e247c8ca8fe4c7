// Endpoint resolution tests. The (service, region, environment) -> URL / SigV4 scope table was
// produced by botocore 1.43 itself (tools/botocore_truth.py endpoints: the URL and credential
// scope of a signed, intercepted request), never by rampart.
#include "aws/endpoints/resolver.h"

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "aws/models/registry.h"

namespace rampart::aws::endpoints {
namespace {

struct EndpointCase {
  const char* service;
  const char* region;
  std::vector<std::pair<std::string, std::string>> env;
  const char* url;
  const char* signing_region;
  const char* signing_name;
};

void PrintTo(const EndpointCase& c, std::ostream* os) {
  *os << c.service << " in " << c.region << " -> " << c.url;
}

// One row per case, as tools/botocore_truth.py prints them.
// clang-format off
const std::vector<EndpointCase>& endpoint_cases() {
  static const std::vector<EndpointCase> kCases = {
      {"ec2", "eu-west-1", {}, "https://ec2.eu-west-1.amazonaws.com", "eu-west-1", "ec2"},
      {"ec2", "cn-north-1", {}, "https://ec2.cn-north-1.amazonaws.com.cn", "cn-north-1", "ec2"},
      {"ec2", "us-gov-west-1", {}, "https://ec2.us-gov-west-1.amazonaws.com", "us-gov-west-1", "ec2"},
      {"s3", "eu-west-1", {}, "https://s3.eu-west-1.amazonaws.com", "eu-west-1", "s3"},
      {"s3", "cn-north-1", {}, "https://s3.cn-north-1.amazonaws.com.cn", "cn-north-1", "s3"},
      {"s3", "us-gov-west-1", {}, "https://s3.us-gov-west-1.amazonaws.com", "us-gov-west-1", "s3"},
      {"s3control", "eu-west-1", {}, "https://s3-control.eu-west-1.amazonaws.com", "eu-west-1", "s3"},
      {"s3control", "cn-north-1", {}, "https://s3-control.cn-north-1.amazonaws.com.cn", "cn-north-1", "s3"},
      {"s3control", "us-gov-west-1", {}, "https://s3-control.us-gov-west-1.amazonaws.com", "us-gov-west-1", "s3"},
      {"rds", "eu-west-1", {}, "https://rds.eu-west-1.amazonaws.com", "eu-west-1", "rds"},
      {"rds", "cn-north-1", {}, "https://rds.cn-north-1.amazonaws.com.cn", "cn-north-1", "rds"},
      {"rds", "us-gov-west-1", {}, "https://rds.us-gov-west-1.amazonaws.com", "us-gov-west-1", "rds"},
      {"iam", "eu-west-1", {}, "https://iam.amazonaws.com", "us-east-1", "iam"},
      {"iam", "cn-north-1", {}, "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1", "iam"},
      {"iam", "us-gov-west-1", {}, "https://iam.us-gov.amazonaws.com", "us-gov-west-1", "iam"},
      {"sts", "eu-west-1", {}, "https://sts.eu-west-1.amazonaws.com", "eu-west-1", "sts"},
      {"sts", "cn-north-1", {}, "https://sts.cn-north-1.amazonaws.com.cn", "cn-north-1", "sts"},
      {"sts", "us-gov-west-1", {}, "https://sts.us-gov-west-1.amazonaws.com", "us-gov-west-1", "sts"},
      {"kms", "eu-west-1", {}, "https://kms.eu-west-1.amazonaws.com", "eu-west-1", "kms"},
      {"kms", "cn-north-1", {}, "https://kms.cn-north-1.amazonaws.com.cn", "cn-north-1", "kms"},
      {"kms", "us-gov-west-1", {}, "https://kms.us-gov-west-1.amazonaws.com", "us-gov-west-1", "kms"},
      {"secretsmanager", "eu-west-1", {}, "https://secretsmanager.eu-west-1.amazonaws.com", "eu-west-1", "secretsmanager"},
      {"secretsmanager", "cn-north-1", {}, "https://secretsmanager.cn-north-1.amazonaws.com.cn", "cn-north-1", "secretsmanager"},
      {"secretsmanager", "us-gov-west-1", {}, "https://secretsmanager.us-gov-west-1.amazonaws.com", "us-gov-west-1", "secretsmanager"},
      {"cloudtrail", "eu-west-1", {}, "https://cloudtrail.eu-west-1.amazonaws.com", "eu-west-1", "cloudtrail"},
      {"cloudtrail", "cn-north-1", {}, "https://cloudtrail.cn-north-1.amazonaws.com.cn", "cn-north-1", "cloudtrail"},
      {"cloudtrail", "us-gov-west-1", {}, "https://cloudtrail.us-gov-west-1.amazonaws.com", "us-gov-west-1", "cloudtrail"},
      {"cloudwatch", "eu-west-1", {}, "https://monitoring.eu-west-1.amazonaws.com", "eu-west-1", "monitoring"},
      {"cloudwatch", "cn-north-1", {}, "https://monitoring.cn-north-1.amazonaws.com.cn", "cn-north-1", "monitoring"},
      {"cloudwatch", "us-gov-west-1", {}, "https://monitoring.us-gov-west-1.amazonaws.com", "us-gov-west-1", "monitoring"},
      {"logs", "eu-west-1", {}, "https://logs.eu-west-1.amazonaws.com", "eu-west-1", "logs"},
      {"logs", "cn-north-1", {}, "https://logs.cn-north-1.amazonaws.com.cn", "cn-north-1", "logs"},
      {"logs", "us-gov-west-1", {}, "https://logs.us-gov-west-1.amazonaws.com", "us-gov-west-1", "logs"},
      {"guardduty", "eu-west-1", {}, "https://guardduty.eu-west-1.amazonaws.com", "eu-west-1", "guardduty"},
      {"guardduty", "cn-north-1", {}, "https://guardduty.cn-north-1.amazonaws.com.cn", "cn-north-1", "guardduty"},
      {"guardduty", "us-gov-west-1", {}, "https://guardduty.us-gov-west-1.amazonaws.com", "us-gov-west-1", "guardduty"},
      {"config", "eu-west-1", {}, "https://config.eu-west-1.amazonaws.com", "eu-west-1", "config"},
      {"config", "cn-north-1", {}, "https://config.cn-north-1.amazonaws.com.cn", "cn-north-1", "config"},
      {"config", "us-gov-west-1", {}, "https://config.us-gov-west-1.amazonaws.com", "us-gov-west-1", "config"},
      {"elbv2", "eu-west-1", {}, "https://elasticloadbalancing.eu-west-1.amazonaws.com", "eu-west-1", "elasticloadbalancing"},
      {"elbv2", "cn-north-1", {}, "https://elasticloadbalancing.cn-north-1.amazonaws.com.cn", "cn-north-1", "elasticloadbalancing"},
      {"elbv2", "us-gov-west-1", {}, "https://elasticloadbalancing.us-gov-west-1.amazonaws.com", "us-gov-west-1", "elasticloadbalancing"},
      {"elb", "eu-west-1", {}, "https://elasticloadbalancing.eu-west-1.amazonaws.com", "eu-west-1", "elasticloadbalancing"},
      {"elb", "cn-north-1", {}, "https://elasticloadbalancing.cn-north-1.amazonaws.com.cn", "cn-north-1", "elasticloadbalancing"},
      {"elb", "us-gov-west-1", {}, "https://elasticloadbalancing.us-gov-west-1.amazonaws.com", "us-gov-west-1", "elasticloadbalancing"},
      {"cloudformation", "eu-west-1", {}, "https://cloudformation.eu-west-1.amazonaws.com", "eu-west-1", "cloudformation"},
      {"cloudformation", "cn-north-1", {}, "https://cloudformation.cn-north-1.amazonaws.com.cn", "cn-north-1", "cloudformation"},
      {"cloudformation", "us-gov-west-1", {}, "https://cloudformation.us-gov-west-1.amazonaws.com", "us-gov-west-1", "cloudformation"},
      {"sns", "eu-west-1", {}, "https://sns.eu-west-1.amazonaws.com", "eu-west-1", "sns"},
      {"sns", "cn-north-1", {}, "https://sns.cn-north-1.amazonaws.com.cn", "cn-north-1", "sns"},
      {"sns", "us-gov-west-1", {}, "https://sns.us-gov-west-1.amazonaws.com", "us-gov-west-1", "sns"},
      {"events", "eu-west-1", {}, "https://events.eu-west-1.amazonaws.com", "eu-west-1", "events"},
      {"events", "cn-north-1", {}, "https://events.cn-north-1.amazonaws.com.cn", "cn-north-1", "events"},
      {"events", "us-gov-west-1", {}, "https://events.us-gov-west-1.amazonaws.com", "us-gov-west-1", "events"},
      {"organizations", "eu-west-1", {}, "https://organizations.us-east-1.amazonaws.com", "us-east-1", "organizations"},
      {"organizations", "cn-north-1", {}, "https://organizations.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1", "organizations"},
      {"organizations", "us-gov-west-1", {}, "https://organizations.us-gov-west-1.amazonaws.com", "us-gov-west-1", "organizations"},
      {"lambda", "eu-west-1", {}, "https://lambda.eu-west-1.amazonaws.com", "eu-west-1", "lambda"},
      {"lambda", "cn-north-1", {}, "https://lambda.cn-north-1.amazonaws.com.cn", "cn-north-1", "lambda"},
      {"lambda", "us-gov-west-1", {}, "https://lambda.us-gov-west-1.amazonaws.com", "us-gov-west-1", "lambda"},
      {"acm", "eu-west-1", {}, "https://acm.eu-west-1.amazonaws.com", "eu-west-1", "acm"},
      {"acm", "cn-north-1", {}, "https://acm.cn-north-1.amazonaws.com.cn", "cn-north-1", "acm"},
      {"acm", "us-gov-west-1", {}, "https://acm.us-gov-west-1.amazonaws.com", "us-gov-west-1", "acm"},
      {"backup", "eu-west-1", {}, "https://backup.eu-west-1.amazonaws.com", "eu-west-1", "backup"},
      {"backup", "cn-north-1", {}, "https://backup.cn-north-1.amazonaws.com.cn", "cn-north-1", "backup"},
      {"backup", "us-gov-west-1", {}, "https://backup.us-gov-west-1.amazonaws.com", "us-gov-west-1", "backup"},
      {"accessanalyzer", "eu-west-1", {}, "https://access-analyzer.eu-west-1.amazonaws.com", "eu-west-1", "access-analyzer"},
      {"accessanalyzer", "cn-north-1", {}, "https://access-analyzer.cn-north-1.amazonaws.com.cn", "cn-north-1", "access-analyzer"},
      {"accessanalyzer", "us-gov-west-1", {}, "https://access-analyzer.us-gov-west-1.amazonaws.com", "us-gov-west-1", "access-analyzer"},
      {"securityhub", "eu-west-1", {}, "https://securityhub.eu-west-1.amazonaws.com", "eu-west-1", "securityhub"},
      {"securityhub", "cn-north-1", {}, "https://securityhub.cn-north-1.amazonaws.com.cn", "cn-north-1", "securityhub"},
      {"securityhub", "us-gov-west-1", {}, "https://securityhub.us-gov-west-1.amazonaws.com", "us-gov-west-1", "securityhub"},
      {"autoscaling", "eu-west-1", {}, "https://autoscaling.eu-west-1.amazonaws.com", "eu-west-1", "autoscaling"},
      {"autoscaling", "cn-north-1", {}, "https://autoscaling.cn-north-1.amazonaws.com.cn", "cn-north-1", "autoscaling"},
      {"autoscaling", "us-gov-west-1", {}, "https://autoscaling.us-gov-west-1.amazonaws.com", "us-gov-west-1", "autoscaling"},
      {"iam", "us-east-1", {}, "https://iam.amazonaws.com", "us-east-1", "iam"},
      {"sts", "us-east-1", {}, "https://sts.us-east-1.amazonaws.com", "us-east-1", "sts"},
      {"s3", "us-east-1", {}, "https://s3.amazonaws.com", "us-east-1", "s3"},
      {"organizations", "us-east-1", {}, "https://organizations.us-east-1.amazonaws.com", "us-east-1", "organizations"},
      {"ec2", "us-east-1", {}, "https://ec2.us-east-1.amazonaws.com", "us-east-1", "ec2"},
      {"iam", "cn-northwest-1", {}, "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1", "iam"},
      {"iam", "us-gov-east-1", {}, "https://iam.us-gov.amazonaws.com", "us-gov-west-1", "iam"},
      {"iam", "ap-southeast-7", {}, "https://iam.amazonaws.com", "us-east-1", "iam"},
      {"iam", "us-east-9", {}, "https://iam.amazonaws.com", "us-east-1", "iam"},
      {"iam", "xx-foo-1", {}, "https://iam.amazonaws.com", "us-east-1", "iam"},
      {"organizations", "cn-northwest-1", {}, "https://organizations.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1", "organizations"},
      {"organizations", "us-gov-east-1", {}, "https://organizations.us-gov-west-1.amazonaws.com", "us-gov-west-1", "organizations"},
      {"organizations", "ap-southeast-7", {}, "https://organizations.us-east-1.amazonaws.com", "us-east-1", "organizations"},
      {"organizations", "us-east-9", {}, "https://organizations.us-east-1.amazonaws.com", "us-east-1", "organizations"},
      {"organizations", "xx-foo-1", {}, "https://organizations.us-east-1.amazonaws.com", "us-east-1", "organizations"},
      {"s3", "cn-northwest-1", {}, "https://s3.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1", "s3"},
      {"s3", "us-gov-east-1", {}, "https://s3.us-gov-east-1.amazonaws.com", "us-gov-east-1", "s3"},
      {"s3", "ap-southeast-7", {}, "https://s3.ap-southeast-7.amazonaws.com", "ap-southeast-7", "s3"},
      {"s3", "us-east-9", {}, "https://s3.us-east-9.amazonaws.com", "us-east-9", "s3"},
      {"s3", "xx-foo-1", {}, "https://s3.xx-foo-1.amazonaws.com", "xx-foo-1", "s3"},
      {"sts", "cn-northwest-1", {}, "https://sts.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1", "sts"},
      {"sts", "us-gov-east-1", {}, "https://sts.us-gov-east-1.amazonaws.com", "us-gov-east-1", "sts"},
      {"sts", "ap-southeast-7", {}, "https://sts.ap-southeast-7.amazonaws.com", "ap-southeast-7", "sts"},
      {"sts", "us-east-9", {}, "https://sts.us-east-9.amazonaws.com", "us-east-9", "sts"},
      {"sts", "xx-foo-1", {}, "https://sts.xx-foo-1.amazonaws.com", "xx-foo-1", "sts"},
      {"s3control", "cn-northwest-1", {}, "https://s3-control.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1", "s3"},
      {"s3control", "us-gov-east-1", {}, "https://s3-control.us-gov-east-1.amazonaws.com", "us-gov-east-1", "s3"},
      {"s3control", "ap-southeast-7", {}, "https://s3-control.ap-southeast-7.amazonaws.com", "ap-southeast-7", "s3"},
      {"s3control", "us-east-9", {}, "https://s3-control.us-east-9.amazonaws.com", "us-east-9", "s3"},
      {"s3control", "xx-foo-1", {}, "https://s3-control.xx-foo-1.amazonaws.com", "xx-foo-1", "s3"},
      {"sts", "us-east-1", {{"AWS_STS_REGIONAL_ENDPOINTS", "legacy"}}, "https://sts.amazonaws.com", "us-east-1", "sts"},
      {"sts", "eu-west-1", {{"AWS_STS_REGIONAL_ENDPOINTS", "legacy"}}, "https://sts.amazonaws.com", "us-east-1", "sts"},
      {"sts", "ap-east-1", {{"AWS_STS_REGIONAL_ENDPOINTS", "legacy"}}, "https://sts.ap-east-1.amazonaws.com", "ap-east-1", "sts"},
      {"sts", "cn-north-1", {{"AWS_STS_REGIONAL_ENDPOINTS", "legacy"}}, "https://sts.cn-north-1.amazonaws.com.cn", "cn-north-1", "sts"},
      {"s3", "us-east-1", {{"AWS_S3_US_EAST_1_REGIONAL_ENDPOINT", "regional"}}, "https://s3.us-east-1.amazonaws.com", "us-east-1", "s3"},
  };
  return kCases;
}
// clang-format on

EnvLookup env_of(std::map<std::string, std::string, std::less<>> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

const ServiceModel& model(std::string_view id) {
  const ServiceModel* m = models::find_service(id);
  EXPECT_NE(m, nullptr) << id;
  return *m;
}

std::string sanitize(std::string s) {
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

class BotocoreEndpointTest : public ::testing::TestWithParam<EndpointCase> {};

TEST_P(BotocoreEndpointTest, MatchesBotocore) {
  const EndpointCase& c = GetParam();
  EndpointConfig config;
  config.env = env_of({c.env.begin(), c.env.end()});
  auto r = resolve_endpoint(model(c.service), c.region, config);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->url, c.url);
  EXPECT_EQ(r->signing_region, c.signing_region);
  EXPECT_EQ(r->signing_name, c.signing_name);
  EXPECT_EQ(r->partition, partition_of(c.region));
}

INSTANTIATE_TEST_SUITE_P(Table, BotocoreEndpointTest, ::testing::ValuesIn(endpoint_cases()),
                         [](const auto& info) {
                           std::string name =
                               std::string(info.param.service) + "_" + info.param.region;
                           if (!info.param.env.empty()) name += "_" + info.param.env[0].second;
                           return sanitize(name);
                         });

TEST(Partitions, RegionsAndLookup) {
  EXPECT_EQ(partition_of("eu-west-1"), "aws");
  EXPECT_EQ(partition_of("cn-northwest-1"), "aws-cn");
  EXPECT_EQ(partition_of("us-gov-east-1"), "aws-us-gov");
  EXPECT_EQ(partition_of("us-gov-west-9"), "aws-us-gov");  // regex, not listed
  EXPECT_EQ(partition_of("us-east-9"), "aws");
  EXPECT_EQ(partition_of("xx-foo-1"), "aws");  // no match: botocore's default partition
  EXPECT_EQ(partition_of(""), "");
  EXPECT_EQ(partition_of("eu-west-1.evil.com"), "");

  const auto aws = partition_regions("aws");
  EXPECT_GE(aws.size(), 30u);
  EXPECT_TRUE(std::is_sorted(aws.begin(), aws.end()));
  for (const char* r : {"us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1"}) {
    EXPECT_NE(std::find(aws.begin(), aws.end(), r), aws.end()) << r;
  }
  EXPECT_EQ(std::find(aws.begin(), aws.end(), "aws-global"), aws.end());
  EXPECT_EQ(partition_regions("aws-cn"),
            (std::vector<std::string>{"cn-north-1", "cn-northwest-1"}));
  EXPECT_EQ(partition_regions("aws-us-gov"),
            (std::vector<std::string>{"us-gov-east-1", "us-gov-west-1"}));
  EXPECT_TRUE(partition_regions("nope").empty());
}

TEST(Overrides, PrecedenceFlagThenServiceEnvThenGlobalEnv) {
  const ServiceModel& logs = model("logs");
  EXPECT_EQ(service_endpoint_env_name(logs), "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS");
  EXPECT_EQ(service_endpoint_env_name(model("elbv2")),
            "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2");
  EXPECT_EQ(service_endpoint_env_name(model("config")), "AWS_ENDPOINT_URL_CONFIG_SERVICE");

  std::map<std::string, std::string, std::less<>> env = {
      {"AWS_ENDPOINT_URL", "http://127.0.0.1:4566"},
      {"AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://localhost:5000/logs/"},
  };
  EndpointConfig config;
  config.env = env_of(env);
  config.endpoint_url = "https://flag.example:8443/p";
  auto r = resolve_endpoint(logs, "eu-west-1", config);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->url, "https://flag.example:8443/p");
  EXPECT_EQ(r->signing_region, "eu-west-1");
  EXPECT_EQ(r->signing_name, "logs");
  EXPECT_EQ(r->partition, "aws");

  config.endpoint_url.clear();
  r = resolve_endpoint(logs, "eu-west-1", config);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->url, "http://localhost:5000/logs");  // trailing '/' dropped

  // Another service has no specific variable: the global one applies.
  r = resolve_endpoint(model("ec2"), "eu-west-1", config);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->url, "http://127.0.0.1:4566");

  // A configured endpoint is signed with the client's region, as botocore does (even IAM).
  r = resolve_endpoint(model("iam"), "eu-west-1", config);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->url, "http://127.0.0.1:4566");
  EXPECT_EQ(r->signing_region, "eu-west-1");

  env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "TRUE";
  config.env = env_of(env);
  r = resolve_endpoint(logs, "eu-west-1", config);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->url, "https://logs.eu-west-1.amazonaws.com");
  config.endpoint_url = "http://[::1]:4566";  // the flag is never ignored
  r = resolve_endpoint(logs, "eu-west-1", config);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->url, "http://[::1]:4566");

  env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "false";
  env["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = "";  // empty: unset
  config.env = env_of(env);
  config.endpoint_url.clear();
  r = resolve_endpoint(logs, "eu-west-1", config);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->url, "http://127.0.0.1:4566");
}

TEST(Overrides, ExplicitSettingsBeatEnvironment) {
  EndpointConfig config;
  config.env = env_of({{"AWS_STS_REGIONAL_ENDPOINTS", "legacy"}});
  config.sts_regional_endpoints = "regional";
  auto r = resolve_endpoint(model("sts"), "eu-west-1", config);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->url, "https://sts.eu-west-1.amazonaws.com");
  config.sts_regional_endpoints = "legacy";
  config.env = nullptr;
  r = resolve_endpoint(model("sts"), "us-west-2", config);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->url, "https://sts.amazonaws.com");
  EXPECT_EQ(r->signing_region, "us-east-1");
  config.s3_us_east_1_regional_endpoint = "regional";
  r = resolve_endpoint(model("s3"), "us-east-1", config);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->url, "https://s3.us-east-1.amazonaws.com");
}

TEST(Errors, InvalidInputsAreInvalidRequest) {
  EndpointConfig config;
  const ServiceModel& ec2 = model("ec2");
  for (const char* region : {"", "eu-west-1.evil.com", "-eu", "eu-", "12345", "eu west", "eu/west",
                             "a234567890123456789012345678901234567890123456789012345678901234"}) {
    auto r = resolve_endpoint(ec2, region, config);
    ASSERT_FALSE(r.ok()) << region;
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidRequest) << region;
    EXPECT_FALSE(r.error().message.empty());
  }
  for (const char* url :
       {"localhost:4566", "ftp://host", "http://", "http://:80", "http://h:x", "http://h:99999",
        "http://h/p?q=1", "http://u@h", "http://[::1", "http://h..x", "http://h x"}) {
    config.endpoint_url = url;
    auto r = resolve_endpoint(ec2, "eu-west-1", config);
    ASSERT_FALSE(r.ok()) << url;
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidRequest) << url;
    EXPECT_NE(r.error().message.find("--endpoint-url"), std::string::npos) << r.error().message;
  }
  config.endpoint_url.clear();
  config.env = env_of({{"AWS_ENDPOINT_URL_EC2", "not a url"}});
  auto r = resolve_endpoint(ec2, "eu-west-1", config);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("AWS_ENDPOINT_URL_EC2"), std::string::npos);
  config.env = env_of({{"AWS_STS_REGIONAL_ENDPOINTS", "sometimes"}});
  r = resolve_endpoint(model("sts"), "eu-west-1", config);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::InvalidRequest);
}

TEST(Overrides, ValidUrlForms) {
  EndpointConfig config;
  for (const char* url : {"http://localhost", "HTTPS://Host.Example.com:443", "http://10.0.0.1:80/",
                          "http://[fe80::1]/base", "http://my_host:1"}) {
    config.endpoint_url = url;
    auto r = resolve_endpoint(model("ec2"), "eu-west-1", config);
    EXPECT_TRUE(r.ok()) << url << ": " << (r.ok() ? "" : r.error().message);
  }
}

}  // namespace
}  // namespace rampart::aws::endpoints
