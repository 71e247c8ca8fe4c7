// Tests of the service registry and of cli_operation_name. The expected CLI names and the
// per-service protocol / signing name / endpoint prefix were computed by botocore 1.43
// (tools/botocore_truth.py xform|protocols), not by rampart.
#include "aws/models/registry.h"

#include <gtest/gtest.h>

#include <cctype>
#include <iterator>
#include <string>

namespace rampart::aws::models {
namespace {

struct XformCase {
  const char* name;
  const char* expected;
};

// botocore.xform_name(name, '-')
const XformCase kXformCases[] = {
    {"DescribeDBInstances", "describe-db-instances"},
    {"GetCallerIdentity", "get-caller-identity"},
    {"ListMFADevices", "list-mfa-devices"},
    {"ListVirtualMFADevices", "list-virtual-mfa-devices"},
    {"GetSAMLProvider", "get-saml-provider"},
    {"ListSAMLProviders", "list-saml-providers"},
    {"GetSSHPublicKey", "get-ssh-public-key"},
    {"ListSSHPublicKeys", "list-ssh-public-keys"},
    {"ListOpenIDConnectProviders", "list-open-id-connect-providers"},
    {"GetOpenIDConnectProvider", "get-open-id-connect-provider"},
    {"DescribeDBClusterSnapshots", "describe-db-cluster-snapshots"},
    {"DescribeDBClusterSnapshotAttributes", "describe-db-cluster-snapshot-attributes"},
    {"DescribeDBSnapshotAttributes", "describe-db-snapshot-attributes"},
    {"ListObjectsV2", "list-objects-v2"},
    {"GetBucketAcl", "get-bucket-acl"},
    {"GetPublicAccessBlock", "get-public-access-block"},
    {"HeadBucket", "head-bucket"},
    {"DescribeVpcEndpointServiceConfigurations", "describe-vpc-endpoint-service-configurations"},
    {"DescribeIpv6Pools", "describe-ipv6-pools"},
    {"DescribeInstanceTypeOfferings", "describe-instance-type-offerings"},
    {"GetEbsEncryptionByDefault", "get-ebs-encryption-by-default"},
    {"DescribeVpcs", "describe-vpcs"},
    {"DescribeNetworkAcls", "describe-network-acls"},
    {"DescribeImages", "describe-images"},
    {"GetAccountAuthorizationDetails", "get-account-authorization-details"},
    {"GenerateCredentialReport", "generate-credential-report"},
    {"AssumeRoleWithWebIdentity", "assume-role-with-web-identity"},
    {"ListWebACLs", "list-web-acls"},
    {"ListGatewayARNs", "list-gateway-arns"},
    {"DescribeCachediSCSIVolumes", "describe-cached-iscsi-volumes"},
    {"ListHITsForQualificationType", "list-hits-for-qualification-type"},
    {"ExecutePartiQLStatement", "execute-partiql-statement"},
    {"GetOTelEnrichment", "get-otel-enrichment"},
    {"DescribeEC2InstanceLimits", "describe-ec2-instance-limits"},
    {"ListCACertificates", "list-ca-certificates"},
    {"GetKeyRotationStatus", "get-key-rotation-status"},
    {"ListTagsForResource", "list-tags-for-resource"},
    {"DescribeLoadBalancerPolicyTypes", "describe-load-balancer-policy-types"},
    {"ListAccessPointsForObjectLambda", "list-access-points-for-object-lambda"},
    {"GetDataRetrievalPolicy", "get-data-retrieval-policy"},
    {"DescribeDhcpOptions", "describe-dhcp-options"},
    {"DescribeTrails", "describe-trails"},
    {"ListAWSServiceAccessForOrganization", "list-aws-service-access-for-organization"},
    {"DescribeConfigurationRecorderStatus", "describe-configuration-recorder-status"},
    {"GetIPSet", "get-ip-set"},
    {"ListIPSets", "list-ip-sets"},
    {"GetS3AccessPolicy", "get-s3-access-policy"},
    {"DescribeIdentityIdFormat", "describe-identity-id-format"},
    {"GetConsoleOutput", "get-console-output"},
    {"ListFunctionsByCodeSigningConfig", "list-functions-by-code-signing-config"},
    {"DescribeStackSetOperation", "describe-stack-set-operation"},
    {"GetSMSAttributes", "get-sms-attributes"},
    {"ListPhoneNumbersOptedOut", "list-phone-numbers-opted-out"},
    {"describe-already-dashed", "describe-already-dashed"},
    {"ARNs", "-arns"},
    {"DescribeAddressesAttribute", "describe-addresses-attribute"},
    {"GetMFADevice", "get-mfa-device"},
    {"ListDBProxyTargets", "list-db-proxy-targets"},
    {"Ec2", "ec2"},
    {"ABCDef", "abc-def"},
    {"A1B2", "a1-b2"},
    {"ListVPCEConfigurations", "list-vpce-configurations"},
};

struct ServiceCase {
  const char* id;
  const char* protocol;  // botocore ServiceModel.resolved_protocol
  const char* signing_name;
  const char* endpoint_prefix;
};

const ServiceCase kServiceCases[] = {
    {"ec2", "ec2", "ec2", "ec2"},
    {"s3", "rest-xml", "s3", "s3"},
    {"s3control", "rest-xml", "s3", "s3-control"},
    {"rds", "query", "rds", "rds"},
    {"iam", "query", "iam", "iam"},
    {"sts", "query", "sts", "sts"},
    {"kms", "json", "kms", "kms"},
    {"secretsmanager", "json", "secretsmanager", "secretsmanager"},
    {"cloudtrail", "json", "cloudtrail", "cloudtrail"},
    {"cloudwatch", "json", "monitoring", "monitoring"},
    {"logs", "json", "logs", "logs"},
    {"guardduty", "rest-json", "guardduty", "guardduty"},
    {"config", "json", "config", "config"},
    {"elbv2", "query", "elasticloadbalancing", "elasticloadbalancing"},
    {"elb", "query", "elasticloadbalancing", "elasticloadbalancing"},
    {"cloudformation", "query", "cloudformation", "cloudformation"},
    {"sns", "query", "sns", "sns"},
    {"events", "json", "events", "events"},
    {"organizations", "json", "organizations", "organizations"},
    {"lambda", "rest-json", "lambda", "lambda"},
    {"acm", "json", "acm", "acm"},
    {"backup", "rest-json", "backup", "backup"},
    {"accessanalyzer", "rest-json", "access-analyzer", "access-analyzer"},
    {"securityhub", "rest-json", "securityhub", "securityhub"},
    {"autoscaling", "query", "autoscaling", "autoscaling"},
};

std::string sanitize(std::string s) {
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

class XformTest : public ::testing::TestWithParam<XformCase> {};

TEST_P(XformTest, MatchesBotocore) {
  EXPECT_EQ(cli_operation_name(GetParam().name), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Botocore, XformTest, ::testing::ValuesIn(kXformCases),
                         [](const auto& info) {
                           return std::to_string(info.index) + "_" + sanitize(info.param.name);
                         });

class ServiceTest : public ::testing::TestWithParam<ServiceCase> {};

TEST_P(ServiceTest, MetadataMatchesBotocore) {
  const ServiceCase& c = GetParam();
  const ServiceModel* m = find_service(c.id);
  ASSERT_NE(m, nullptr) << c.id;
  EXPECT_EQ(m->metadata.id, c.id);
  EXPECT_EQ(to_string(m->metadata.protocol), c.protocol);
  EXPECT_EQ(m->metadata.signing_name, c.signing_name);
  EXPECT_EQ(m->metadata.endpoint_prefix, c.endpoint_prefix);
  EXPECT_FALSE(m->metadata.service_id.empty());
  EXPECT_FALSE(m->metadata.api_version.empty());
  EXPECT_GT(m->operations.size(), 0u);
  EXPECT_GT(m->shapes.size(), 0u);
}

TEST_P(ServiceTest, FoundByCliCommandCaseInsensitively) {
  const ServiceModel* m = find_service(GetParam().id);
  ASSERT_NE(m, nullptr);
  std::string upper(cli_command_name(*m));
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  EXPECT_EQ(find_service(upper), m);
}

TEST_P(ServiceTest, EveryOperationRoundTripsThroughItsCliName) {
  const ServiceModel* m = find_service(GetParam().id);
  ASSERT_NE(m, nullptr);
  for (const Operation& op : m->operations) {
    const Operation* back = find_operation_by_cli_name(*m, cli_operation_name(op.name));
    ASSERT_NE(back, nullptr) << op.name;
    EXPECT_EQ(back->name, op.name);
  }
}

INSTANTIATE_TEST_SUITE_P(Botocore, ServiceTest, ::testing::ValuesIn(kServiceCases),
                         [](const auto& info) { return sanitize(info.param.id); });

TEST(Registry, ListsTheTwentyFiveServicesSortedById) {
  auto all = all_services();
  ASSERT_EQ(all.size(), std::size(kServiceCases));
  for (std::size_t i = 1; i < all.size(); ++i) {
    EXPECT_LT(all[i - 1]->metadata.id, all[i]->metadata.id);
  }
}

TEST(Registry, CliCommandNames) {
  ASSERT_NE(find_service("s3"), nullptr);
  EXPECT_EQ(find_service("s3api"), find_service("s3"));
  EXPECT_EQ(find_service("S3API"), find_service("s3"));
  EXPECT_EQ(cli_command_name(*find_service("s3")), "s3api");
  EXPECT_EQ(find_service("configservice"), find_service("config"));
  EXPECT_EQ(cli_command_name(*find_service("config")), "configservice");
  EXPECT_EQ(cli_command_name(*find_service("elbv2")), "elbv2");
  EXPECT_EQ(find_service("EC2"), find_service("ec2"));
  EXPECT_EQ(find_service("dynamodb"), nullptr);
  EXPECT_EQ(find_service(""), nullptr);
  EXPECT_EQ(find_service("s3ap"), nullptr);
}

TEST(Registry, FindOperationByCliName) {
  const ServiceModel& iam = *find_service("iam");
  const Operation* op = find_operation_by_cli_name(iam, "list-mfa-devices");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->name, "ListMFADevices");
  op = find_operation_by_cli_name(*find_service("ec2"), "DESCRIBE-INSTANCES");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->name, "DescribeInstances");
  op = find_operation_by_cli_name(*find_service("rds"), "describe-db-instances");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->name, "DescribeDBInstances");
  EXPECT_EQ(find_operation_by_cli_name(iam, "create-user"), nullptr);  // not read-only
  EXPECT_EQ(find_operation_by_cli_name(iam, "ListUsers"), nullptr);    // not a CLI name
}

TEST(Registry, BotocoreVersionIsRecorded) {
  EXPECT_FALSE(botocore_version().empty());
  EXPECT_NE(botocore_version(), "unknown");
}

}  // namespace
}  // namespace rampart::aws::models
