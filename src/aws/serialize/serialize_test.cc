// Unit tests for what the protocol suites do not cover: CLI-style string coercion, type errors
// with member paths, host-label validation, endpoint parsing, idempotency tokens and
// Content-MD5, and the test comparators themselves (they must be able to fail).
#include <gtest/gtest.h>

#include "aws/core/encoding.h"
#include "aws/model/model_json.h"
#include "aws/serialize/protocol_compare.h"
#include "aws/serialize/serialize.h"

namespace rampart::aws {
namespace {

// A small EC2-like (or any protocol) service with filters, a map, numbers and a host label.
std::unique_ptr<ModelStorage> make_model(const char* protocol) {
  Json service = Json::parse(R"({
    "metadata": {"protocol": "", "apiVersion": "2016-11-15", "jsonVersion": "1.1",
                 "targetPrefix": "Svc"},
    "shapes": {
      "Input": {"type": "structure", "members": {
        "Filters": {"shape": "FilterList", "locationName": "Filter"},
        "MaxResults": {"shape": "Int"},
        "DryRun": {"shape": "Bool"},
        "Ratio": {"shape": "Dbl"},
        "Since": {"shape": "Time"},
        "Tags": {"shape": "TagMap"},
        "Token": {"shape": "Str", "idempotencyToken": true},
        "Account": {"shape": "Str", "hostLabel": true}
      }},
      "FilterList": {"type": "list", "member": {"shape": "Filter", "locationName": "Filter"}},
      "Filter": {"type": "structure", "members": {
        "Name": {"shape": "Str"},
        "Values": {"shape": "StrList", "locationName": "Value"}
      }},
      "StrList": {"type": "list", "member": {"shape": "Str", "locationName": "item"}},
      "TagMap": {"type": "map", "key": {"shape": "Str"}, "value": {"shape": "Str"}},
      "Str": {"type": "string"},
      "Int": {"type": "integer"},
      "Bool": {"type": "boolean"},
      "Dbl": {"type": "double"},
      "Time": {"type": "timestamp"}
    }
  })");
  service["metadata"]["protocol"] = protocol;
  auto storage = load_model(service);
  EXPECT_TRUE(storage.ok());
  Json op = {{"name", "Describe"}, {"http", {{"method", "POST"}, {"requestUri", "/"}}},
             {"input", {{"shape", "Input"}}}, {"httpChecksumRequired", true}};
  EXPECT_TRUE(add_operation(**storage, op).ok());
  return std::move(*storage);
}

RequestTarget target() { return RequestTarget{"https", "svc.example.com", ""}; }

SerializeOptions fixed_token() {
  SerializeOptions o;
  o.make_idempotency_token = [] { return std::string("tok-1"); };
  return o;
}

Result<HttpRequest> run(const ModelStorage& s, const Json& params,
                        const SerializeOptions& options = fixed_token()) {
  return serialize_request(s.model, *s.model.find_operation("Describe"), params, target(),
                           options);
}

TEST(Serialize, Ec2CoercesCliStringsAndNamesMembers) {
  auto s = make_model("ec2");
  auto req = run(*s, {{"MaxResults", "5"}, {"DryRun", "true"}, {"Ratio", "NaN"},
                      {"Since", "2015-01-25T08:00:00Z"},
                      {"Filters", {{{"Name", "vpc-id"}, {"Values", {"vpc-1", "vpc-2"}}}}}});
  ASSERT_TRUE(req.ok()) << req.error().describe();
  auto form = testing::split_form(req->body);
  auto has = [&](const std::string& k, const std::string& v) {
    return std::find(form.begin(), form.end(), std::make_pair(k, v)) != form.end();
  };
  EXPECT_TRUE(has("Action", "Describe"));
  EXPECT_TRUE(has("Version", "2016-11-15"));
  EXPECT_TRUE(has("MaxResults", "5"));
  EXPECT_TRUE(has("DryRun", "true"));
  EXPECT_TRUE(has("Ratio", "NaN"));
  EXPECT_TRUE(has("Since", "2015-01-25T08:00:00Z"));
  EXPECT_TRUE(has("Filter.1.Name", "vpc-id"));
  EXPECT_TRUE(has("Filter.1.Value.1", "vpc-1"));
  EXPECT_TRUE(has("Filter.1.Value.2", "vpc-2"));
  EXPECT_TRUE(has("Token", "tok-1"));
}

TEST(Serialize, QueryUsesMemberAndEntryPrefixes) {
  auto s = make_model("query");
  auto req = run(*s, {{"Filters", {{{"Values", {"a"}}}}}, {"Tags", {{"k", "v"}}},
                      {"Token", "given"}});
  ASSERT_TRUE(req.ok()) << req.error().describe();
  auto form = testing::split_form(req->body);
  auto has = [&](const std::string& k, const std::string& v) {
    return std::find(form.begin(), form.end(), std::make_pair(k, v)) != form.end();
  };
  EXPECT_TRUE(has("Filter.Filter.1.Value.item.1", "a"));
  EXPECT_TRUE(has("Tags.entry.1.key", "k"));
  EXPECT_TRUE(has("Tags.entry.1.value", "v"));
  EXPECT_TRUE(has("Token", "given"));  // a given token is not replaced
  EXPECT_EQ(*req->header("Content-Type"), "application/x-www-form-urlencoded; charset=utf-8");
}

TEST(Serialize, JsonTypesNumbersAndTimestamps) {
  auto s = make_model("json");
  auto req = run(*s, {{"MaxResults", "7"}, {"Ratio", "-Infinity"}, {"Since", 1422172800.9}});
  ASSERT_TRUE(req.ok()) << req.error().describe();
  Json body = Json::parse(req->body);
  EXPECT_EQ(body["MaxResults"], 7);
  EXPECT_EQ(body["Ratio"], "-Infinity");
  EXPECT_EQ(body["Since"], 1422172800);  // botocore: whole epoch seconds
  EXPECT_EQ(*req->header("X-Amz-Target"), "Svc.Describe");
  EXPECT_EQ(*req->header("Content-Type"), "application/x-amz-json-1.1");
}

TEST(Serialize, WrongTypeNamesTheMemberPath) {
  auto s = make_model("ec2");
  auto req = run(*s, {{"Filters", {{{"Name", "x"}, {"Values", "not-a-list"}}}}});
  ASSERT_FALSE(req.ok());
  EXPECT_EQ(req.error().kind, ErrorKind::InvalidRequest);
  EXPECT_NE(req.error().message.find("Filters[0].Values"), std::string::npos)
      << req.error().message;

  auto bad_int = run(*s, {{"MaxResults", "five"}});
  ASSERT_FALSE(bad_int.ok());
  EXPECT_NE(bad_int.error().message.find("MaxResults"), std::string::npos);

  auto bad_bool = run(*s, {{"DryRun", 1}});
  ASSERT_FALSE(bad_bool.ok());
  EXPECT_NE(bad_bool.error().message.find("DryRun"), std::string::npos);

  auto unknown = run(*s, {{"Nope", 1}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("Nope"), std::string::npos);

  auto not_object = run(*s, Json::array());
  ASSERT_FALSE(not_object.ok());
  EXPECT_EQ(not_object.error().kind, ErrorKind::InvalidRequest);
}

TEST(Serialize, HostPrefixLabelsAreValidated) {
  auto storage = make_model("json");
  Json op = {{"name", "Describe"}, {"input", {{"shape", "Input"}}},
             {"endpoint", {{"hostPrefix", "{Account}.data-"}}}};
  ASSERT_TRUE(add_operation(*storage, op).ok());
  auto ok = run(*storage, {{"Account", "123456789012"}});
  ASSERT_TRUE(ok.ok()) << ok.error().describe();
  EXPECT_EQ(ok->host, "123456789012.data-svc.example.com");
  auto bad = run(*storage, {{"Account", "evil.com/x"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::InvalidRequest);
  auto missing = run(*storage, Json::object());
  EXPECT_FALSE(missing.ok());
}

TEST(Serialize, HostPrefixIsLeftOffIpLiteralEndpoints) {
  auto storage = make_model("json");
  Json op = {{"name", "Describe"}, {"input", {{"shape", "Input"}}},
             {"endpoint", {{"hostPrefix", "{Account}."}}}};
  ASSERT_TRUE(add_operation(*storage, op).ok());
  const ServiceModel& model = storage->model;
  const Operation& o = *model.find_operation("Describe");
  for (const char* url : {"http://127.0.0.1:5100", "http://[::1]:5100", "http://localhost:5100"}) {
    auto target = parse_endpoint_url(url);
    ASSERT_TRUE(target.ok());
    auto req = serialize_request(model, o, {{"Account", "123456789012"}}, *target);
    ASSERT_TRUE(req.ok()) << url;
    EXPECT_EQ(req->host, target->host) << url;
    EXPECT_FALSE(serialize_request(model, o, {{"Account", "evil.com/x"}}, *target).ok()) << url;
  }
  auto named = parse_endpoint_url("http://moto.internal:5100");
  ASSERT_TRUE(named.ok());
  auto req = serialize_request(model, o, {{"Account", "123456789012"}}, *named);
  ASSERT_TRUE(req.ok());
  EXPECT_EQ(req->host, "123456789012.moto.internal:5100");
}

TEST(Serialize, ChecksumRequiredAddsContentMd5) {
  auto s = make_model("json");
  auto req = run(*s, {{"MaxResults", 1}});
  ASSERT_TRUE(req.ok());
  ASSERT_NE(req->header("Content-MD5"), nullptr);
  EXPECT_EQ(*req->header("Content-MD5"), md5_base64(req->body));
}

TEST(Serialize, RandomIdempotencyTokenIsUuidV4) {
  auto s = make_model("json");
  auto req = run(*s, Json::object(), SerializeOptions{});
  ASSERT_TRUE(req.ok());
  std::string token = Json::parse(req->body)["Token"].get<std::string>();
  // xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx, lower-case hex (std::regex trips GCC 12's
  // maybe-uninitialized warning under the sanitizers, so the check is by hand).
  ASSERT_EQ(token.size(), 36u) << token;
  for (std::size_t i = 0; i < token.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    const char c = token[i];
    EXPECT_TRUE(dash ? c == '-' : ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) << token;
  }
  EXPECT_EQ(token[14], '4') << token;
  EXPECT_NE(std::string("89ab").find(token[19]), std::string::npos) << token;
  EXPECT_NE(random_uuid_v4(), random_uuid_v4());
}

TEST(EndpointUrl, ParsesSchemeHostPortAndPath) {
  auto t = parse_endpoint_url("http://127.0.0.1:8080/custom/");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->scheme, "http");
  EXPECT_EQ(t->host, "127.0.0.1:8080");
  EXPECT_EQ(t->path_prefix, "/custom");
  auto plain = parse_endpoint_url("https://ec2.us-east-1.amazonaws.com");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->path_prefix, "");
  EXPECT_FALSE(parse_endpoint_url("ec2.amazonaws.com").ok());
  EXPECT_FALSE(parse_endpoint_url("ftp://host").ok());
  EXPECT_FALSE(parse_endpoint_url("https://").ok());
  EXPECT_FALSE(parse_endpoint_url("https://host/?q=1").ok());
}

TEST(EndpointUrl, PathPrefixIsJoined) {
  auto s = make_model("json");
  auto t = parse_endpoint_url("https://example.com/custom");
  ASSERT_TRUE(t.ok());
  auto req = serialize_request(s->model, *s->model.find_operation("Describe"), Json::object(),
                               *t, fixed_token());
  ASSERT_TRUE(req.ok());
  EXPECT_EQ(req->path, "/custom/");
  EXPECT_EQ(req->url(), "https://example.com/custom/");
}

TEST(Comparators, DetectDifferences) {
  using namespace rampart::aws::testing;
  EXPECT_EQ(form_tree("A=1&B.member.1=x&B.member.2=y"), form_tree("B.member.2=y&A=1&B.member.1=x"));
  EXPECT_NE(form_tree("A=1"), form_tree("A=2"));
  EXPECT_NE(form_tree("B.member.1=x"), form_tree("B.member.1=x&B.member.2=y"));
  EXPECT_EQ(xml_tree("<a><b>1</b><c>2</c></a>"), xml_tree("<a>\n  <c>2</c>\n  <b>1</b>\n</a>"));
  EXPECT_NE(xml_tree("<a><b>1</b></a>"), xml_tree("<a><b>2</b></a>"));
  EXPECT_NE(xml_tree("<a x=\"1\"/>"), xml_tree("<a x=\"2\"/>"));
  EXPECT_NE(canonical_query("a=1&a=2"), canonical_query("a=2&a=1"));
  EXPECT_EQ(canonical_query("a=1&b=2"), canonical_query("b=2&a=1"));
}

}  // namespace
}  // namespace rampart::aws
