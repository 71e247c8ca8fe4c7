// Behaviour the botocore fixtures do not cover: S3's 200-with-<Error>, bodyless HEAD errors,
// unreadable bodies (ErrorKind::Parse naming the operation), HTML 5xx pages, request ids, and a
// large DescribeInstances-shaped response parsed in linear time.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "aws/model/model_json.h"
#include "aws/parse/parse.h"

namespace rampart::aws {
namespace {

struct Fixture {
  std::unique_ptr<ModelStorage> storage;
  const Operation* op = nullptr;
  const ServiceModel& model() const { return storage->model; }
};

Fixture make(const char* protocol, const Json& shapes, const Json& op) {
  Json service = {{"metadata", {{"protocol", protocol}, {"apiVersion", "2016-11-15"}}}, {"shapes", shapes}};
  auto loaded = load_model(service);
  EXPECT_TRUE(loaded.ok()) << loaded.error().describe();
  Fixture f;
  f.storage = std::move(*loaded);
  auto added = add_operation(*f.storage, op);
  EXPECT_TRUE(added.ok()) << added.error().describe();
  f.op = f.storage->model.find_operation(op["name"].get<std::string>());
  return f;
}

Fixture s3_like() {
  Json shapes = {
      {"Out", {{"type", "structure"}, {"members", {{"Location", {{"shape", "Str"}}}, {"ETag", {{"shape", "Str"}}}}}}},
      {"Str", {{"type", "string"}}},
      {"NoSuchKey", {{"type", "structure"}, {"exception", true}, {"members", Json::object()}}},
  };
  return make("rest-xml", shapes,
              {{"name", "CompleteMultipartUpload"}, {"output", {{"shape", "Out"}}}, {"errors", {{{"shape", "NoSuchKey"}}}}});
}

TEST(ParseResponse, S3ErrorInsideA200IsAnError) {
  Fixture f = s3_like();
  HttpResponse r{200, {{"x-amz-request-id", "REQ1"}},
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code>"
                 "<Message>We encountered an internal error. Please try again.</Message>"
                 "<RequestId>BODYREQ</RequestId><HostId>host</HostId></Error>"};
  auto result = parse_response(f.model(), *f.op, r);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "InternalError");
  EXPECT_EQ(result.error().kind, ErrorKind::ServiceUnavailable);  // retryable, like the 500 it is
  EXPECT_EQ(result.error().request_id, "REQ1");
  EXPECT_EQ(result.error().http_status, 200);
}

TEST(ParseResponse, S3SuccessIsNotMistakenForError) {
  Fixture f = s3_like();
  HttpResponse r{200, {}, "<CompleteMultipartUploadResult><Location>l</Location><ETag>e</ETag></CompleteMultipartUploadResult>"};
  auto result = parse_response(f.model(), *f.op, r);
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_EQ(*result, (Json{{"Location", "l"}, {"ETag", "e"}}));
}

TEST(ParseResponse, BodylessHeadErrorsNameTheStatus) {
  Fixture f = s3_like();
  auto not_found = parse_error_response(f.model(), *f.op, HttpResponse{404, {{"x-amz-request-id", "R404"}}, ""});
  ASSERT_TRUE(not_found.has_value());
  EXPECT_EQ(not_found->error.code, "NotFound");
  EXPECT_EQ(not_found->error.message, "Not Found");
  EXPECT_EQ(not_found->error.kind, ErrorKind::NotFound);
  EXPECT_EQ(not_found->error.request_id, "R404");
  auto forbidden = parse_error_response(f.model(), *f.op, HttpResponse{403, {}, ""});
  ASSERT_TRUE(forbidden.has_value());
  EXPECT_EQ(forbidden->error.code, "Forbidden");
  EXPECT_EQ(forbidden->error.kind, ErrorKind::AccessDenied);
}

TEST(ParseResponse, S3ErrorBodyMapsToModeledShape) {
  Fixture f = s3_like();
  auto d = parse_error_response(f.model(), *f.op,
                                HttpResponse{404, {}, "<Error><Code>NoSuchKey</Code><Message>gone</Message><Key>k</Key></Error>"});
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->shape, "NoSuchKey");
  EXPECT_EQ(d->fields, (Json{{"Code", "NoSuchKey"}, {"Message", "gone"}, {"Key", "k"}}));
  EXPECT_EQ(d->error.kind, ErrorKind::NotFound);
}

TEST(ParseResponse, HtmlGatewayPageIsServiceUnavailable) {
  Fixture f = s3_like();
  auto result = parse_response(f.model(), *f.op, HttpResponse{503, {}, "<html><body>Service Unavailable</body></html>"});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "ServiceUnavailable");
  EXPECT_EQ(result.error().kind, ErrorKind::ServiceUnavailable);
}

Fixture ec2_like() {
  Json shapes = {
      {"Out", {{"type", "structure"}, {"members", {{"Reservations", {{"shape", "ResList"}, {"locationName", "reservationSet"}}}}}}},
      {"ResList", {{"type", "list"}, {"member", {{"shape", "Res"}, {"locationName", "item"}}}}},
      {"Res", {{"type", "structure"}, {"members", {{"ReservationId", {{"shape", "Str"}, {"locationName", "reservationId"}}},
                                                  {"Instances", {{"shape", "InstList"}, {"locationName", "instancesSet"}}}}}}},
      {"InstList", {{"type", "list"}, {"member", {{"shape", "Inst"}, {"locationName", "item"}}}}},
      {"Inst", {{"type", "structure"}, {"members", {{"InstanceId", {{"shape", "Str"}, {"locationName", "instanceId"}}},
                                                   {"LaunchTime", {{"shape", "Time"}, {"locationName", "launchTime"}}},
                                                   {"AmiLaunchIndex", {{"shape", "Int"}, {"locationName", "amiLaunchIndex"}}},
                                                   {"EbsOptimized", {{"shape", "Bool"}, {"locationName", "ebsOptimized"}}}}}}},
      {"Str", {{"type", "string"}}},
      {"Int", {{"type", "integer"}}},
      {"Bool", {{"type", "boolean"}}},
      {"Time", {{"type", "timestamp"}}},
  };
  return make("ec2", shapes, {{"name", "DescribeInstances"}, {"output", {{"shape", "Out"}}}});
}

TEST(ParseResponse, UnreadableBodyIsParseErrorNamingOperation) {
  Fixture f = ec2_like();
  auto truncated = parse_response(f.model(), *f.op, HttpResponse{200, {}, "<DescribeInstancesResponse><reservationSet><item>"});
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().kind, ErrorKind::Parse);
  EXPECT_NE(truncated.error().message.find("DescribeInstances"), std::string::npos);
  EXPECT_NE(truncated.error().message.find("invalid XML"), std::string::npos);

  auto bad_int = parse_response(
      f.model(), *f.op,
      HttpResponse{200, {}, "<R><reservationSet><item><instancesSet><item><amiLaunchIndex>x1</amiLaunchIndex>"
                            "</item></instancesSet></item></reservationSet></R>"});
  ASSERT_FALSE(bad_int.ok());
  EXPECT_NE(bad_int.error().message.find("not an integer: 'x1' (at Reservations[0].Instances[0].AmiLaunchIndex)"),
            std::string::npos)
      << bad_int.error().message;
}

TEST(ParseResponse, Ec2ErrorWithRequestId) {
  Fixture f = ec2_like();
  auto d = parse_error_response(
      f.model(), *f.op,
      HttpResponse{400, {}, "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>no</Message></Error>"
                            "</Errors><RequestID>abc-123</RequestID></Response>"});
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->error.code, "UnauthorizedOperation");
  EXPECT_EQ(d->error.kind, ErrorKind::AccessDenied);
  EXPECT_EQ(d->error.request_id, "abc-123");
}

TEST(ParseResponse, JsonGarbageBodyIsParseError) {
  Json shapes = {{"Out", {{"type", "structure"}, {"members", {{"A", {{"shape", "Str"}}}}}}}, {"Str", {{"type", "string"}}}};
  Fixture f = make("json", shapes, {{"name", "ListThings"}, {"output", {{"shape", "Out"}}}});
  auto result = parse_response(f.model(), *f.op, HttpResponse{200, {}, "{\"A\": "});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::Parse);
  EXPECT_NE(result.error().message.find("ListThings"), std::string::npos);
  auto wrong_type = parse_response(f.model(), *f.op, HttpResponse{200, {}, "[1,2]"});
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_EQ(wrong_type.error().kind, ErrorKind::Parse);
  auto throttled = parse_response(
      f.model(), *f.op,
      HttpResponse{400, {{"x-amzn-RequestId", "j1"}}, R"({"__type":"com.amazon#ThrottlingException","message":"slow"})"});
  ASSERT_FALSE(throttled.ok());
  EXPECT_EQ(throttled.error().code, "ThrottlingException");
  EXPECT_EQ(throttled.error().kind, ErrorKind::Throttling);
  EXPECT_EQ(throttled.error().request_id, "j1");
  EXPECT_EQ(throttled.error().message, "slow");
}

// A large DescribeInstances (10k instances, unknown elements interleaved) parses completely.
// Its speed is measured in bench/parse, not here.
TEST(ParseResponse, LargeDescribeInstancesParsesCompletely) {
  Fixture f = ec2_like();
  std::string body = "<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><reservationSet>";
  const int reservations = 2000;
  const int per = 5;
  for (int r = 0; r < reservations; ++r) {
    body += "<item><reservationId>r-" + std::to_string(r) + "</reservationId><ownerId>123456789012</ownerId><instancesSet>";
    for (int i = 0; i < per; ++i) {
      body += "<item><instanceId>i-" + std::to_string(r * per + i) +
              "</instanceId><launchTime>2024-01-02T03:04:05.000Z</launchTime><amiLaunchIndex>" + std::to_string(i) +
              "</amiLaunchIndex><ebsOptimized>false</ebsOptimized>" + std::string(150, ' ') +
              "<unknownElement><deep><deeper>ignored</deeper></deep></unknownElement></item>";
    }
    body += "</instancesSet></item>";
  }
  body += "</reservationSet><requestId>x</requestId></DescribeInstancesResponse>";
  auto result = parse_response(f.model(), *f.op, HttpResponse{200, {}, body});
  ASSERT_TRUE(result.ok()) << result.error().describe();
  const Json& res = (*result)["Reservations"];
  ASSERT_EQ(res.size(), static_cast<std::size_t>(reservations));
  EXPECT_EQ(res.back()["Instances"][4]["InstanceId"], "i-" + std::to_string(reservations * per - 1));
  EXPECT_EQ(res[0]["Instances"][0]["LaunchTime"], "2024-01-02T03:04:05Z");
  EXPECT_EQ(res[0]["Instances"][3]["AmiLaunchIndex"], 3);
}

}  // namespace
}  // namespace rampart::aws
