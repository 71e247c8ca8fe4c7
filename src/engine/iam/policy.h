// IAM policy documents in a compact, pre-parsed form: statements with Effect, Action/NotAction,
// Resource/NotResource, Principal/NotPrincipal and Conditions, for every policy type AWS
// evaluates (identity, resource, trust, boundary, session, SCP, RCP, VPC endpoint).
// Parsing accepts AWS's "string or array" everywhere; malformed input is ErrorKind::Parse with
// the JSON path of the offending element ("Statement[2].Condition.StringEquals").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aws/core/json.h"
#include "aws/core/result.h"

namespace rampart::iam {

enum class Effect : std::uint8_t { Allow, Deny };

// The base condition operator, without the IfExists suffix or set qualifier.
enum class CondOp : std::uint8_t {
  StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase,
  StringLike, StringNotLike,
  NumericEquals, NumericNotEquals, NumericLessThan, NumericLessThanEquals,
  NumericGreaterThan, NumericGreaterThanEquals,
  DateEquals, DateNotEquals, DateLessThan, DateLessThanEquals, DateGreaterThan,
  DateGreaterThanEquals,
  Bool, BinaryEquals, IpAddress, NotIpAddress,
  ArnEquals, ArnLike, ArnNotEquals, ArnNotLike,
  Null,
};

enum class SetOp : std::uint8_t { None, ForAnyValue, ForAllValues };

struct Condition {
  std::string op_text;  // as written, e.g. "ForAllValues:StringLikeIfExists"
  CondOp op = CondOp::StringEquals;
  SetOp set = SetOp::None;
  bool if_exists = false;
  std::string key;  // lower-cased: condition key names are case-insensitive
  std::vector<std::string> values;
};

// Principal or NotPrincipal. "*" and {"AWS": "*"} set `any`.
struct PrincipalSpec {
  bool any = false;
  std::vector<std::string> aws;  // account ids, root ARNs, user/role/session ARNs
  std::vector<std::string> service;
  std::vector<std::string> federated;
  std::vector<std::string> canonical_user;
};

struct Statement {
  std::size_t index = 0;
  std::string sid;
  Effect effect = Effect::Allow;
  bool has_principal = false;  // Principal or NotPrincipal present
  bool not_principal = false;
  PrincipalSpec principal;
  bool not_action = false;
  std::vector<std::string> actions;
  bool has_resource = false;  // trust policies carry no Resource: it then matches any
  bool not_resource = false;
  std::vector<std::string> resources;
  std::vector<Condition> conditions;
};

struct Policy {
  std::string label;    // where it came from, for explanations ("identity[0]", "resource")
  std::string version;  // "" when absent
  std::string id;
  std::vector<Statement> statements;
  // Policy variables are substituted only with Version 2012-10-17; otherwise literal text.
  bool variables_enabled() const { return version == "2012-10-17"; }
};

// Parses one policy document. `label` is stored for explanations.
Result<Policy> parse_policy(const Json& doc, std::string label = {});
// Parses JSON text; also accepts the URL-encoded form IAM APIs return.
Result<Policy> parse_policy_text(std::string_view text, std::string label = {});

// "StringEqualsIfExists" -> {StringEquals, if_exists}; false on an unknown operator.
bool parse_condition_operator(std::string_view text, Condition& out);
std::string_view to_string(CondOp op);
bool is_negated(CondOp op);

}  // namespace rampart::iam
