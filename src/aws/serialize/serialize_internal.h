// Shared pieces of the protocol serializers (not a public API): the traits botocore merges
// from a member reference and its target shape, parameter coercion with member paths in the
// errors, scalar formatting, and the per-protocol entry points serialize_request dispatches to.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "aws/core/http.h"
#include "aws/core/json.h"
#include "aws/core/result.h"
#include "aws/core/timestamp.h"
#include "aws/model/model.h"

namespace rampart::aws::ser {

// botocore resolves a member by overlaying the reference's traits on the target shape's.
std::string_view wire_name(const MemberRef& ref, const Shape& shape);  // empty: none
bool is_flattened(const MemberRef& ref, const Shape& shape);
XmlNamespace xml_namespace(const MemberRef& ref, const Shape& shape);
TimestampFormat timestamp_format(const MemberRef& ref, const Shape& shape,
                                 TimestampFormat fallback);
const MemberRef* find_member(const Shape& shape, std::string_view name);

// "Filters" + "Values" -> "Filters.Values"; "Filters" + 0 -> "Filters[0]".
std::string member_path(std::string_view parent, std::string_view name);
std::string index_path(std::string_view parent, std::size_t index);

Error invalid_param(std::string_view path, std::string_view what);
Error type_error(std::string_view path, std::string_view expected, const Json& got);

// Coercions; strings are accepted for numbers and booleans (CLI input).
Result<bool> as_bool(const Json& v, std::string_view path);
// A JSON number (integer or float), or for float/double shapes the strings "NaN",
// "Infinity", "-Infinity".
Result<Json> as_number(const Json& v, ShapeType type, std::string_view path);
Result<std::string> as_string(const Json& v, std::string_view path);
Result<Timestamp> as_timestamp(const Json& v, std::string_view path);
// Structures and maps want objects, lists arrays.
Result<void> check_container(const Json& v, ShapeType type, std::string_view path);

std::string number_text(const Json& number);  // 1, 1.1, 1.0, NaN, Infinity
std::string format_timestamp(Timestamp t, TimestampFormat format);
// Unix timestamps become an integer, the other formats a string.
Json timestamp_json(Timestamp t, TimestampFormat format);

// The text of a scalar member for form bodies, URIs, query strings and headers (blobs are
// base64, booleans "true"/"false", timestamps in ts_fallback unless the model says otherwise).
Result<std::string> scalar_text(const ServiceModel& model, const MemberRef& ref, const Json& v,
                                std::string_view path, TimestampFormat ts_fallback);

// JSON bodies (json and rest-json): the JSON value of a parameter.
Result<Json> json_value(const ServiceModel& model, const MemberRef& ref, const Json& v,
                        const std::string& path);
// Compact JSON text as Python's json.dumps with ensure_ascii; invalid UTF-8 is replaced.
std::string dump_json(const Json& v);

// rest-xml bodies: the XML document for a structure parameter named by ref.
Result<std::string> xml_document(const ServiceModel& model, const MemberRef& ref,
                                 std::string_view root_name, const Json& v,
                                 const std::string& path);

// Per-protocol serializers; host prefix, target and checksums are handled by the caller.
Result<void> serialize_query(const ServiceModel& model, const Operation& op, const Json& params,
                             HttpRequest& out);
Result<void> serialize_json_rpc(const ServiceModel& model, const Operation& op,
                                const Json& params, HttpRequest& out);
Result<void> serialize_rest(const ServiceModel& model, const Operation& op, const Json& params,
                            HttpRequest& out);

}  // namespace rampart::aws::ser
