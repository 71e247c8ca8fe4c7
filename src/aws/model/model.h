// The AWS service model as rampart uses it: shapes, operations, paginators and service
// metadata, mirroring botocore's service-2.json / paginators-1.json. The same plain structs
// back the generated tables (src/aws/models/gen, static arrays) and the models loaded from
// JSON at run time (protocol test suites), so serializers and parsers have one input type.
// All views point into storage that outlives the model (static data, or a ModelStorage).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace rampart::aws {

inline constexpr std::uint32_t kNoShape = 0xFFFFFFFFu;

enum class Protocol : std::uint8_t { Query, Ec2, Json, RestJson, RestXml };

enum class ShapeType : std::uint8_t {
  Structure, List, Map, String, Boolean, Byte, Short, Integer, Long, Float, Double,
  BigInteger, BigDecimal, Timestamp, Blob,
};

// Where a member travels in the HTTP message (botocore "location").
enum class Location : std::uint8_t { Body, Header, Headers, Uri, QueryString, StatusCode };

enum class TimestampFormat : std::uint8_t { Unset, Iso8601, Rfc822, UnixTimestamp };

struct XmlNamespace {
  std::string_view prefix;  // empty: default namespace (xmlns="...")
  std::string_view uri;     // empty: none
};

// A reference to a shape plus the serialization traits of the place that refers to it: a
// structure member, a list's member, a map's key or value, an operation's input or output.
struct MemberRef {
  std::string_view name;  // member name; empty for list members, map keys/values, op I/O
  std::uint32_t shape = kNoShape;
  Location location = Location::Body;
  std::string_view location_name;  // wire name (XML element, header, query key, URI label)
  std::string_view query_name;     // ec2 protocol: explicit query key
  XmlNamespace xml_namespace;
  TimestampFormat timestamp_format = TimestampFormat::Unset;
  bool xml_attribute = false;
  bool flattened = false;
  bool host_label = false;
  bool idempotency_token = false;
  bool json_value = false;   // header carries base64 JSON (botocore "jsonvalue")
  bool required = false;     // listed in the parent's "required"
  bool event_payload = false;
};

struct Shape {
  std::string_view name;
  ShapeType type = ShapeType::String;
  std::span<const MemberRef> members;  // structures, in model order
  MemberRef member;                    // lists
  MemberRef key;                       // maps
  MemberRef value;                     // maps
  std::string_view payload;            // structures: the member sent/received as the body
  std::string_view location_name;      // shape-level wire name (rest-xml roots, list items)
  XmlNamespace xml_namespace;
  TimestampFormat timestamp_format = TimestampFormat::Unset;
  std::string_view error_code;         // exceptions: "error": {"code": ...}
  std::uint16_t error_status = 0;      // exceptions: "error": {"httpStatusCode": ...}
  bool flattened = false;
  bool exception = false;
  bool fault = false;
  bool document = false;
  bool is_union = false;
  bool streaming = false;
  bool sensitive = false;
  bool event_stream = false;
  bool requires_length = false;
};

struct Operation {
  std::string_view name;
  std::string_view http_method = "POST";
  std::string_view request_uri = "/";
  std::uint16_t response_code = 200;  // "http": {"responseCode": ...}
  MemberRef input;                    // shape == kNoShape: no input
  MemberRef output;                   // shape == kNoShape: no output
  std::string_view result_wrapper;    // query protocol: <OpResult> element name
  std::string_view host_prefix;       // "endpoint": {"hostPrefix": ...}
  std::string_view auth_type;         // "authtype": "none", "v4-unsigned-body", ...
  std::span<const std::uint32_t> errors;
  bool http_checksum_required = false;
  bool deprecated = false;
};

// paginators-1.json: tokens are JMESPath-like expressions as botocore writes them
// ("NextToken", "ListBucketResult.NextMarker || Contents[-1].Key").
struct Paginator {
  std::string_view operation;
  std::span<const std::string_view> input_token;
  std::span<const std::string_view> output_token;
  std::span<const std::string_view> result_key;
  std::string_view limit_key;
  std::string_view more_results;
};

struct ServiceMetadata {
  std::string_view id;  // botocore data directory name: "ec2", "elbv2", "logs", ...
  Protocol protocol = Protocol::Query;
  std::string_view api_version;
  std::string_view json_version;    // json protocols: "1.0" / "1.1"
  std::string_view target_prefix;   // json protocol: X-Amz-Target prefix
  std::string_view endpoint_prefix;
  std::string_view signing_name;    // credential scope service (endpoint_prefix when absent)
  std::string_view service_id;      // "EC2", "CloudWatch Logs"; AWS_ENDPOINT_URL_<ID>
  std::string_view xml_namespace;
  std::string_view global_endpoint;
  std::string_view signature_version;
  bool aws_query_compatible = false;  // "awsQueryCompatible": json service migrated from query
};

struct ServiceModel {
  ServiceMetadata metadata;
  std::span<const Shape> shapes;
  std::span<const Operation> operations;  // sorted by name
  std::span<const Paginator> paginators;  // sorted by operation

  const Shape& shape(std::uint32_t index) const { return shapes[index]; }
  const Operation* find_operation(std::string_view name) const;
  const Paginator* find_paginator(std::string_view operation) const;
  std::uint32_t find_shape(std::string_view name) const;  // linear; kNoShape when absent
};

std::string_view to_string(Protocol p);
bool is_scalar(ShapeType t);

}  // namespace rampart::aws
