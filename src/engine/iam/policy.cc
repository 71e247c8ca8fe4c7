// Policy JSON -> Policy. Follows the IAM JSON grammar: Version, Id, Statement (object or array);
// each statement has Effect, exactly one of Action/NotAction, at most one of Resource/NotResource
// and of Principal/NotPrincipal, and Condition {operator: {key: value(s)}}. Scalars that AWS
// accepts where a string is expected (numbers, booleans in Condition) are kept as their text.
#include "engine/iam/policy.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "aws/core/encoding.h"

namespace rampart::iam {
namespace {

Error parse_error(const std::string& path, const std::string& what) {
  return make_error(ErrorKind::Parse, "policy " + path + ": " + what, "MalformedPolicyDocument");
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// A JSON scalar as condition-value text; nullopt-like empty flag for objects/arrays/null.
bool scalar_text(const Json& v, std::string& out) {
  if (v.is_string()) { out = v.get<std::string>(); return true; }
  if (v.is_boolean()) { out = v.get<bool>() ? "true" : "false"; return true; }
  if (v.is_number_integer()) { out = std::to_string(v.get<std::int64_t>()); return true; }
  if (v.is_number_unsigned()) { out = std::to_string(v.get<std::uint64_t>()); return true; }
  if (v.is_number_float()) { out = v.dump(); return true; }
  return false;
}

// String-or-array-of-strings. `lenient_scalars` admits numbers/booleans (Condition values).
Result<std::vector<std::string>> string_list(const Json& v, const std::string& path,
                                             bool lenient_scalars = false) {
  std::vector<std::string> out;
  auto one = [&](const Json& e, const std::string& p) -> Result<void> {
    std::string s;
    if (e.is_string() || (lenient_scalars && scalar_text(e, s))) {
      out.push_back(e.is_string() ? e.get<std::string>() : s);
      return {};
    }
    return parse_error(p, "expected a string");
  };
  if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      auto r = one(v[i], path + "[" + std::to_string(i) + "]");
      if (!r) return r.error();
    }
    return out;
  }
  auto r = one(v, path);
  if (!r) return r.error();
  return out;
}

Result<PrincipalSpec> parse_principal(const Json& v, const std::string& path) {
  PrincipalSpec p;
  if (v.is_string()) {
    // Only "*" is valid per the grammar; a bare ARN/account is read as {"AWS": ...}, which is
    // how the services that accept it (and the public test fixtures) treat it.
    const auto s = v.get<std::string>();
    if (s == "*") p.any = true; else p.aws.push_back(s);
    return p;
  }
  if (!v.is_object()) return parse_error(path, "expected \"*\" or an object");
  for (const auto& [k, val] : v.items()) {
    auto list = string_list(val, path + "." + k);
    if (!list) return list.error();
    if (k == "AWS") {
      for (auto& s : *list) {
        if (s == "*") p.any = true; else p.aws.push_back(std::move(s));
      }
    } else if (k == "Service") {
      p.service = std::move(*list);
    } else if (k == "Federated") {
      p.federated = std::move(*list);
    } else if (k == "CanonicalUser") {
      p.canonical_user = std::move(*list);
    } else {
      return parse_error(path + "." + k, "unknown principal type");
    }
  }
  return p;
}

Result<std::vector<Condition>> parse_conditions(const Json& v, const std::string& path) {
  std::vector<Condition> out;
  if (!v.is_object()) return parse_error(path, "expected an object");
  for (const auto& [op, block] : v.items()) {
    const std::string op_path = path + "." + op;
    Condition proto;
    if (!parse_condition_operator(op, proto)) return parse_error(op_path, "unknown operator");
    if (!block.is_object()) return parse_error(op_path, "expected {key: values}");
    for (const auto& [key, values] : block.items()) {
      auto list = string_list(values, op_path + "." + key, true);
      if (!list) return list.error();
      Condition c = proto;
      c.key = lower(key);
      c.values = std::move(*list);
      out.push_back(std::move(c));
    }
  }
  return out;
}

Result<Statement> parse_statement(const Json& s, std::size_t index, const std::string& path) {
  if (!s.is_object()) return parse_error(path, "expected an object");
  Statement st;
  st.index = index;
  if (auto it = s.find("Sid"); it != s.end()) {
    if (!it->is_string()) return parse_error(path + ".Sid", "expected a string");
    st.sid = it->get<std::string>();
  }
  auto eff = s.find("Effect");
  if (eff == s.end() || !eff->is_string()) return parse_error(path + ".Effect", "missing Effect");
  if (*eff == "Allow") st.effect = Effect::Allow;
  else if (*eff == "Deny") st.effect = Effect::Deny;
  else return parse_error(path + ".Effect", "must be Allow or Deny");

  const bool has_a = s.contains("Action"), has_na = s.contains("NotAction");
  if (has_a == has_na) return parse_error(path, "needs exactly one of Action and NotAction");
  st.not_action = has_na;
  auto acts = string_list(s.at(has_na ? "NotAction" : "Action"),
                          path + (has_na ? ".NotAction" : ".Action"));
  if (!acts) return acts.error();
  st.actions = std::move(*acts);

  const bool has_r = s.contains("Resource"), has_nr = s.contains("NotResource");
  if (has_r && has_nr) return parse_error(path, "both Resource and NotResource");
  if (has_r || has_nr) {
    st.has_resource = true;
    st.not_resource = has_nr;
    auto res = string_list(s.at(has_nr ? "NotResource" : "Resource"),
                           path + (has_nr ? ".NotResource" : ".Resource"));
    if (!res) return res.error();
    st.resources = std::move(*res);
  }

  const bool has_p = s.contains("Principal"), has_np = s.contains("NotPrincipal");
  if (has_p && has_np) return parse_error(path, "both Principal and NotPrincipal");
  if (has_p || has_np) {
    st.has_principal = true;
    st.not_principal = has_np;
    auto p = parse_principal(s.at(has_np ? "NotPrincipal" : "Principal"),
                             path + (has_np ? ".NotPrincipal" : ".Principal"));
    if (!p) return p.error();
    st.principal = std::move(*p);
  }
  if (auto it = s.find("Condition"); it != s.end()) {
    auto c = parse_conditions(*it, path + ".Condition");
    if (!c) return c.error();
    st.conditions = std::move(*c);
  }
  return st;
}

struct OpName {
  std::string_view name;
  CondOp op;
};
constexpr std::array<OpName, 27> kOps{{
    {"StringEquals", CondOp::StringEquals},
    {"StringNotEquals", CondOp::StringNotEquals},
    {"StringEqualsIgnoreCase", CondOp::StringEqualsIgnoreCase},
    {"StringNotEqualsIgnoreCase", CondOp::StringNotEqualsIgnoreCase},
    {"StringLike", CondOp::StringLike},
    {"StringNotLike", CondOp::StringNotLike},
    {"NumericEquals", CondOp::NumericEquals},
    {"NumericNotEquals", CondOp::NumericNotEquals},
    {"NumericLessThan", CondOp::NumericLessThan},
    {"NumericLessThanEquals", CondOp::NumericLessThanEquals},
    {"NumericGreaterThan", CondOp::NumericGreaterThan},
    {"NumericGreaterThanEquals", CondOp::NumericGreaterThanEquals},
    {"DateEquals", CondOp::DateEquals},
    {"DateNotEquals", CondOp::DateNotEquals},
    {"DateLessThan", CondOp::DateLessThan},
    {"DateLessThanEquals", CondOp::DateLessThanEquals},
    {"DateGreaterThan", CondOp::DateGreaterThan},
    {"DateGreaterThanEquals", CondOp::DateGreaterThanEquals},
    {"Bool", CondOp::Bool},
    {"BinaryEquals", CondOp::BinaryEquals},
    {"IpAddress", CondOp::IpAddress},
    {"NotIpAddress", CondOp::NotIpAddress},
    {"ArnEquals", CondOp::ArnEquals},
    {"ArnLike", CondOp::ArnLike},
    {"ArnNotEquals", CondOp::ArnNotEquals},
    {"ArnNotLike", CondOp::ArnNotLike},
    {"Null", CondOp::Null},
}};

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

bool parse_condition_operator(std::string_view text, Condition& out) {
  out.op_text = std::string(text);
  out.set = SetOp::None;
  out.if_exists = false;
  std::string_view rest = text;
  if (const auto colon = rest.find(':'); colon != std::string_view::npos) {
    const auto q = rest.substr(0, colon);
    if (iequals(q, "ForAnyValue")) out.set = SetOp::ForAnyValue;
    else if (iequals(q, "ForAllValues")) out.set = SetOp::ForAllValues;
    else return false;
    rest = rest.substr(colon + 1);
  }
  constexpr std::string_view kIfExists = "IfExists";
  if (rest.size() > kIfExists.size() &&
      iequals(rest.substr(rest.size() - kIfExists.size()), kIfExists)) {
    out.if_exists = true;
    rest = rest.substr(0, rest.size() - kIfExists.size());
  }
  for (const auto& o : kOps) {
    if (iequals(o.name, rest)) {
      out.op = o.op;
      // Null has no IfExists form.
      return !(o.op == CondOp::Null && out.if_exists);
    }
  }
  return false;
}

std::string_view to_string(CondOp op) {
  for (const auto& o : kOps) {
    if (o.op == op) return o.name;
  }
  return "?";
}

bool is_negated(CondOp op) {
  switch (op) {
    case CondOp::StringNotEquals:
    case CondOp::StringNotEqualsIgnoreCase:
    case CondOp::StringNotLike:
    case CondOp::NumericNotEquals:
    case CondOp::DateNotEquals:
    case CondOp::NotIpAddress:
    case CondOp::ArnNotEquals:
    case CondOp::ArnNotLike:
      return true;
    default:
      return false;
  }
}

static Result<Policy> parse_policy_impl(const Json& doc, std::string label) {
  Policy p;
  p.label = std::move(label);
  if (!doc.is_object()) return parse_error("$", "expected a JSON object");
  if (auto it = doc.find("Version"); it != doc.end()) {
    if (!it->is_string()) return parse_error("Version", "expected a string");
    p.version = it->get<std::string>();
    if (p.version != "2012-10-17" && p.version != "2008-10-17") {
      return parse_error("Version", "unknown version '" + p.version + "'");
    }
  }
  if (auto it = doc.find("Id"); it != doc.end() && it->is_string()) p.id = it->get<std::string>();
  auto st = doc.find("Statement");
  if (st == doc.end()) return parse_error("Statement", "missing");
  if (st->is_object()) {
    auto s = parse_statement(*st, 0, "Statement");
    if (!s) return s.error();
    p.statements.push_back(std::move(*s));
  } else if (st->is_array()) {
    for (std::size_t i = 0; i < st->size(); ++i) {
      auto s = parse_statement((*st)[i], i, "Statement[" + std::to_string(i) + "]");
      if (!s) return s.error();
      p.statements.push_back(std::move(*s));
    }
  } else {
    return parse_error("Statement", "expected an object or an array");
  }
  return p;
}

Result<Policy> parse_policy(const Json& doc, std::string label) {
  try {
    return parse_policy_impl(doc, std::move(label));
  } catch (const Json::exception& e) {
    return parse_error("$", e.what());
  }
}

Result<Policy> parse_policy_text(std::string_view text, std::string label) {
  auto parse = [](std::string_view t) {
    return Json::parse(t.begin(), t.end(), nullptr, /*allow_exceptions=*/false);
  };
  Json doc = parse(text);
  if (doc.is_discarded() && text.find('%') != std::string_view::npos) {
    doc = parse(aws::uri_decode(text, /*plus_is_space=*/true));
  }
  if (doc.is_discarded()) return parse_error("$", "not valid JSON");
  return parse_policy(doc, std::move(label));
}

}  // namespace rampart::iam
