// One condition clause = (operator, key, values). The request's value(s) for the key are tested
// against the policy values; how a multi-valued key combines depends on the set qualifier.
#include "engine/iam/conditions.h"

#include <arpa/inet.h>

#include <cctype>
#include <cstdlib>
#include <string>

#include "aws/core/timestamp.h"
#include "engine/iam/match.h"
#include "engine/iam/variables.h"

namespace rampart::iam {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::optional<double> to_number(std::string_view s) {
  if (s.empty() || s.size() > 64) return std::nullopt;
  const std::string buf(s);
  char* end = nullptr;
  const double v = std::strtod(buf.c_str(), &end);
  if (end != buf.c_str() + buf.size()) return std::nullopt;
  return v;
}

std::optional<double> to_time(std::string_view s) {
  if (auto t = aws::parse_any_timestamp(s)) return t->epoch();
  return std::nullopt;
}

// The positive form of a negated operator, so matching is written once.
CondOp positive(CondOp op) {
  switch (op) {
    case CondOp::StringNotEquals: return CondOp::StringEquals;
    case CondOp::StringNotEqualsIgnoreCase: return CondOp::StringEqualsIgnoreCase;
    case CondOp::StringNotLike: return CondOp::StringLike;
    case CondOp::NumericNotEquals: return CondOp::NumericEquals;
    case CondOp::DateNotEquals: return CondOp::DateEquals;
    case CondOp::NotIpAddress: return CondOp::IpAddress;
    case CondOp::ArnNotEquals: return CondOp::ArnEquals;
    case CondOp::ArnNotLike: return CondOp::ArnLike;
    default: return op;
  }
}

// Does request value `r` satisfy policy value `p` under a positive operator?
bool value_matches(CondOp op, const Pattern& p, std::string_view r) {
  switch (op) {
    case CondOp::StringEquals: return p.text == r;
    case CondOp::StringEqualsIgnoreCase: return iequals(p.text, r);
    case CondOp::StringLike: return glob_match(p, r);
    case CondOp::NumericEquals:
    case CondOp::NumericLessThan:
    case CondOp::NumericLessThanEquals:
    case CondOp::NumericGreaterThan:
    case CondOp::NumericGreaterThanEquals:
    case CondOp::DateEquals:
    case CondOp::DateLessThan:
    case CondOp::DateLessThanEquals:
    case CondOp::DateGreaterThan:
    case CondOp::DateGreaterThanEquals: {
      const bool is_date = op >= CondOp::DateEquals;
      const auto a = is_date ? to_time(r) : to_number(r);
      const auto b = is_date ? to_time(p.text) : to_number(p.text);
      if (!a || !b) return false;
      switch (op) {
        case CondOp::NumericEquals: case CondOp::DateEquals: return *a == *b;
        case CondOp::NumericLessThan: case CondOp::DateLessThan: return *a < *b;
        case CondOp::NumericLessThanEquals: case CondOp::DateLessThanEquals: return *a <= *b;
        case CondOp::NumericGreaterThan: case CondOp::DateGreaterThan: return *a > *b;
        default: return *a >= *b;
      }
    }
    case CondOp::Bool: return iequals(p.text, r);
    case CondOp::BinaryEquals: return p.text == r;
    case CondOp::IpAddress: {
      const auto net = parse_cidr(p.text);
      const auto addr = parse_cidr(r);
      return net && addr && cidr_contains(*net, *addr);
    }
    case CondOp::ArnEquals:
    case CondOp::ArnLike: return arn_matches(p, r);
    default: return false;
  }
}

}  // namespace

std::optional<Cidr> parse_cidr(std::string_view text) {
  Cidr c;
  std::string addr(text);
  int prefix = -1;
  if (const auto slash = addr.find('/'); slash != std::string::npos) {
    const auto n = to_number(std::string_view(addr).substr(slash + 1));
    if (!n || *n < 0 || *n > 128 || *n != static_cast<int>(*n)) return std::nullopt;
    prefix = static_cast<int>(*n);
    addr.resize(slash);
  }
  if (addr.find(':') != std::string::npos) {
    c.v6 = true;
    if (inet_pton(AF_INET6, addr.c_str(), c.addr.data()) != 1) return std::nullopt;
    c.prefix = prefix < 0 ? 128 : prefix;
  } else {
    if (inet_pton(AF_INET, addr.c_str(), c.addr.data()) != 1) return std::nullopt;
    if (prefix > 32) return std::nullopt;
    c.prefix = prefix < 0 ? 32 : prefix;
  }
  return c;
}

bool cidr_contains(const Cidr& net, const Cidr& addr) {
  if (net.v6 != addr.v6) return false;
  int bits = net.prefix;
  for (std::size_t i = 0; bits > 0; ++i, bits -= 8) {
    const std::uint8_t mask = bits >= 8 ? 0xFF : static_cast<std::uint8_t>(0xFF << (8 - bits));
    if ((net.addr[i] & mask) != (addr.addr[i] & mask)) return false;
  }
  return true;
}

bool condition_matches(const Condition& c, const RequestContext& ctx, bool variables_enabled,
                       ConditionMode mode) {
  const ContextValue* present = ctx.find(c.key);
  if (c.op == CondOp::Null) {
    // "true": the key must be absent; "false": present. Several values OR'ed.
    for (const auto& v : c.values) {
      if (iequals(v, "true") ? present == nullptr : present != nullptr) return true;
    }
    return false;
  }
  const bool negated = is_negated(c.op);
  if (present == nullptr) {
    if (mode.absent_key_result) return *mode.absent_key_result;
    if (c.if_exists) return true;
    if (c.set == SetOp::ForAllValues) return true;
    if (c.set == SetOp::ForAnyValue) return false;
    return negated;
  }
  std::vector<Pattern> policy_values;
  for (const auto& v : c.values) {
    if (auto p = substitute_variables(v, ctx, variables_enabled)) {
      policy_values.push_back(std::move(*p));
    }
  }
  const CondOp base = positive(c.op);
  // One request value against the clause: any policy value matches (positive operators), or
  // none does (negated operators).
  auto one = [&](std::string_view r) {
    bool any = false;
    for (const auto& p : policy_values) {
      if (value_matches(base, p, r)) { any = true; break; }
    }
    return negated ? !any : any;
  };
  const auto& rv = present->values;
  if (c.set == SetOp::ForAllValues) {
    for (const auto& r : rv) {
      if (!one(r)) return false;
    }
    return true;
  }
  if (c.set == SetOp::ForAnyValue) {
    for (const auto& r : rv) {
      if (one(r)) return true;
    }
    return false;
  }
  // No qualifier: a single-valued key is tested directly. For a multi-valued key a positive
  // operator needs some request value to match, a negated one needs every value to pass.
  if (rv.empty()) return negated;
  if (negated) {
    for (const auto& r : rv) {
      if (!one(r)) return false;
    }
    return true;
  }
  for (const auto& r : rv) {
    if (one(r)) return true;
  }
  return false;
}

bool conditions_match(const std::vector<Condition>& cs, const RequestContext& ctx,
                      bool variables_enabled, ConditionMode mode) {
  for (const auto& c : cs) {
    if (!condition_matches(c, ctx, variables_enabled, mode)) return false;
  }
  return true;
}

}  // namespace rampart::iam
