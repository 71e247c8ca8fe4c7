// Structural checks of every generated table (sorted, indices in range, only read-only
// operations) and spot checks of shapes, paginators and traits against botocore's JSON
// (expected values read from botocore 1.43's service-2.json / paginators-1.json by hand).
#include <gtest/gtest.h>

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aws/models/registry.h"

namespace rampart::aws::models {
namespace {

const ServiceModel& service(std::string_view id) {
  const ServiceModel* m = find_service(id);
  EXPECT_NE(m, nullptr) << id;
  return *m;
}

// The member of a structure shape, or nullptr.
const MemberRef* member(const ServiceModel& m, std::uint32_t shape, std::string_view name) {
  for (const MemberRef& ref : m.shape(shape).members) {
    if (ref.name == name) return &ref;
  }
  return nullptr;
}

std::vector<std::string> strings(std::span<const std::string_view> views) {
  return {views.begin(), views.end()};
}

void check_ref(const ServiceModel& m, const MemberRef& ref, const std::string& where) {
  ASSERT_LT(ref.shape, m.shapes.size()) << where;
}

class TablesTest : public ::testing::TestWithParam<const ServiceModel*> {};

TEST_P(TablesTest, ShapesOperationsAndPaginatorsAreSortedAndConsistent) {
  const ServiceModel& m = *GetParam();
  for (std::size_t i = 1; i < m.shapes.size(); ++i) {
    ASSERT_LT(m.shapes[i - 1].name, m.shapes[i].name);
  }
  for (std::size_t i = 1; i < m.operations.size(); ++i) {
    ASSERT_LT(m.operations[i - 1].name, m.operations[i].name);
  }
  for (std::size_t i = 1; i < m.paginators.size(); ++i) {
    ASSERT_LT(m.paginators[i - 1].operation, m.paginators[i].operation);
  }
  for (const Shape& s : m.shapes) {
    const std::string where(s.name);
    for (const MemberRef& ref : s.members) check_ref(m, ref, where + "." + std::string(ref.name));
    if (s.type == ShapeType::List) check_ref(m, s.member, where + ".member");
    if (s.type == ShapeType::Map) {
      check_ref(m, s.key, where + ".key");
      check_ref(m, s.value, where + ".value");
    }
    EXPECT_EQ(m.find_shape(s.name), static_cast<std::uint32_t>(&s - m.shapes.data()));
  }
  for (const Operation& op : m.operations) {
    const std::string where(op.name);
    if (op.input.shape != kNoShape) check_ref(m, op.input, where + ".input");
    if (op.output.shape != kNoShape) {
      check_ref(m, op.output, where + ".output");
      EXPECT_EQ(m.shape(op.output.shape).type, ShapeType::Structure) << where;
    }
    for (std::uint32_t e : op.errors) {
      ASSERT_LT(e, m.shapes.size()) << where;
      EXPECT_TRUE(m.shape(e).exception) << where << " error " << m.shape(e).name;
    }
    EXPECT_EQ(m.find_operation(op.name), &op);
  }
  for (const Paginator& p : m.paginators) {
    EXPECT_NE(m.find_operation(p.operation), nullptr) << p.operation;
    EXPECT_FALSE(p.input_token.empty()) << p.operation;
    EXPECT_EQ(m.find_paginator(p.operation), &p);
  }
}

TEST_P(TablesTest, OnlyReadOnlyOperationsWithoutStreamingOutput) {
  const ServiceModel& m = *GetParam();
  const std::vector<std::string_view> allowed = {"AssumeRole",
                                                 "AssumeRoleWithWebIdentity",
                                                 "DecodeAuthorizationMessage",
                                                 "GenerateCredentialReport",
                                                 "GenerateServiceLastAccessedDetails",
                                                 "SimulatePrincipalPolicy",
                                                 "LookupEvents",
                                                 "BatchGetResourceConfig",
                                                 "SelectResourceConfig",
                                                 "BatchGetSecurityControls",
                                                 "BatchGetStandardsControlAssociations"};
  for (const Operation& op : m.operations) {
    const bool read = op.name.starts_with("Describe") || op.name.starts_with("List") ||
                      op.name.starts_with("Get") || op.name.starts_with("Head");
    EXPECT_TRUE(read || std::find(allowed.begin(), allowed.end(), op.name) != allowed.end())
        << m.metadata.id << " " << op.name;
    if (op.output.shape == kNoShape) continue;
    const Shape& out = m.shape(op.output.shape);
    for (const MemberRef& ref : out.members) {
      EXPECT_FALSE(ref.name == out.payload && m.shape(ref.shape).streaming) << op.name;
      EXPECT_FALSE(m.shape(ref.shape).event_stream) << op.name;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(All, TablesTest,
                         ::testing::ValuesIn(all_services().begin(), all_services().end()),
                         [](const auto& info) { return std::string(info.param->metadata.id); });

TEST(Ec2Model, DescribeInstancesReachesInstanceMetadataOptions) {
  const ServiceModel& ec2 = service("ec2");
  const Operation* op = ec2.find_operation("DescribeInstances");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(ec2.shape(op->input.shape).name, "DescribeInstancesRequest");
  const MemberRef* filters = member(ec2, op->input.shape, "Filters");
  ASSERT_NE(filters, nullptr);
  EXPECT_EQ(filters->location_name, "Filter");
  EXPECT_EQ(ec2.shape(op->output.shape).name, "DescribeInstancesResult");
  const MemberRef* reservations = member(ec2, op->output.shape, "Reservations");
  ASSERT_NE(reservations, nullptr);
  EXPECT_EQ(reservations->location_name, "reservationSet");
  const Shape& list = ec2.shape(reservations->shape);
  ASSERT_EQ(list.type, ShapeType::List);
  EXPECT_EQ(list.member.location_name, "item");
  EXPECT_EQ(ec2.shape(list.member.shape).name, "Reservation");
  const MemberRef* instances = member(ec2, list.member.shape, "Instances");
  ASSERT_NE(instances, nullptr);
  EXPECT_EQ(instances->location_name, "instancesSet");
  const std::uint32_t instance = ec2.shape(instances->shape).member.shape;
  EXPECT_EQ(ec2.shape(instance).name, "Instance");
  const MemberRef* metadata = member(ec2, instance, "MetadataOptions");
  ASSERT_NE(metadata, nullptr);
  EXPECT_EQ(metadata->location_name, "metadataOptions");
  EXPECT_EQ(ec2.shape(metadata->shape).name, "InstanceMetadataOptionsResponse");
  for (const char* name : {"State", "HttpTokens", "HttpPutResponseHopLimit", "HttpEndpoint",
                           "HttpProtocolIpv6", "InstanceMetadataTags"}) {
    EXPECT_NE(member(ec2, metadata->shape, name), nullptr) << name;
  }
  EXPECT_EQ(ec2.metadata.protocol, Protocol::Ec2);
  EXPECT_EQ(ec2.metadata.xml_namespace, "http://ec2.amazonaws.com/doc/2016-11-15");
}

TEST(Paginators, TokensMatchBotocore) {
  const Paginator* p = service("ec2").find_paginator("DescribeInstances");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(strings(p->input_token), std::vector<std::string>{"NextToken"});
  EXPECT_EQ(strings(p->output_token), std::vector<std::string>{"NextToken"});
  EXPECT_EQ(strings(p->result_key), std::vector<std::string>{"Reservations"});
  EXPECT_EQ(p->limit_key, "MaxResults");
  EXPECT_EQ(p->more_results, "");

  p = service("iam").find_paginator("ListUsers");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(strings(p->input_token), std::vector<std::string>{"Marker"});
  EXPECT_EQ(strings(p->output_token), std::vector<std::string>{"Marker"});
  EXPECT_EQ(strings(p->result_key), std::vector<std::string>{"Users"});
  EXPECT_EQ(p->limit_key, "MaxItems");
  EXPECT_EQ(p->more_results, "IsTruncated");

  p = service("s3").find_paginator("ListObjectsV2");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(strings(p->input_token), std::vector<std::string>{"ContinuationToken"});
  EXPECT_EQ(strings(p->output_token), std::vector<std::string>{"NextContinuationToken"});
  EXPECT_EQ(strings(p->result_key), (std::vector<std::string>{"Contents", "CommonPrefixes"}));
  EXPECT_EQ(p->limit_key, "MaxKeys");
  EXPECT_EQ(p->more_results, "IsTruncated");
}

TEST(Selection, AllowlistKeptAndDangerousOperationsDropped) {
  EXPECT_NE(service("sts").find_operation("AssumeRole"), nullptr);
  EXPECT_NE(service("sts").find_operation("AssumeRoleWithWebIdentity"), nullptr);
  EXPECT_NE(service("sts").find_operation("GetCallerIdentity"), nullptr);
  EXPECT_NE(service("iam").find_operation("GenerateCredentialReport"), nullptr);
  EXPECT_EQ(service("s3").find_operation("GetObject"), nullptr);         // streaming
  EXPECT_EQ(service("s3").find_operation("GetObjectTorrent"), nullptr);  // streaming
  EXPECT_NE(service("s3").find_operation("GetObjectAcl"), nullptr);
  EXPECT_EQ(service("secretsmanager").find_operation("GetSecretValue"), nullptr);
  EXPECT_EQ(service("iam").find_operation("CreateUser"), nullptr);
  EXPECT_EQ(service("ec2").find_operation("RunInstances"), nullptr);
  EXPECT_EQ(service("ec2").find_shape("RunInstancesRequest"), kNoShape);  // unreachable
}

TEST(Traits, ErrorsHostPrefixAndMetadata) {
  const ServiceModel& iam = service("iam");
  const Operation* get_user = iam.find_operation("GetUser");
  ASSERT_NE(get_user, nullptr);
  ASSERT_EQ(get_user->errors.size(), 2u);
  const Shape& nse = iam.shape(get_user->errors[0]);
  EXPECT_EQ(nse.name, "NoSuchEntityException");
  EXPECT_EQ(nse.error_code, "NoSuchEntity");
  EXPECT_EQ(nse.error_status, 404);
  EXPECT_EQ(iam.find_operation("ListUsers")->result_wrapper, "ListUsersResult");
  EXPECT_EQ(iam.metadata.global_endpoint, "iam.amazonaws.com");

  const ServiceModel& s3control = service("s3control");
  const Operation* lap = s3control.find_operation("ListAccessPoints");
  ASSERT_NE(lap, nullptr);
  EXPECT_EQ(lap->host_prefix, "{AccountId}.");
  EXPECT_EQ(lap->http_method, "GET");
  EXPECT_EQ(lap->request_uri, "/v20180820/accesspoint");
  const MemberRef* account = member(s3control, lap->input.shape, "AccountId");
  ASSERT_NE(account, nullptr);
  EXPECT_TRUE(account->host_label);
  EXPECT_TRUE(account->required);
  EXPECT_EQ(account->location, Location::Header);
  EXPECT_EQ(account->location_name, "x-amz-account-id");

  const ServiceModel& logs = service("logs");
  EXPECT_EQ(logs.metadata.json_version, "1.1");
  EXPECT_EQ(logs.metadata.target_prefix, "Logs_20140328");
  EXPECT_EQ(logs.metadata.service_id, "CloudWatch Logs");
  EXPECT_EQ(service("s3").metadata.global_endpoint, "s3.amazonaws.com");
  EXPECT_EQ(service("cloudwatch").metadata.target_prefix, "GraniteServiceVersion20100801");
  EXPECT_TRUE(service("cloudwatch").metadata.aws_query_compatible);
  EXPECT_FALSE(logs.metadata.aws_query_compatible);
}

}  // namespace
}  // namespace rampart::aws::models
