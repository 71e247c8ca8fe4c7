// Condition evaluation per "IAM JSON policy elements: Condition operators": every operator
// family, the IfExists suffix, ForAnyValue/ForAllValues, absent-key rules (negated operators
// and ForAllValues are true, ForAnyValue and the rest false, Null tests presence), values of one
// key OR'ed, keys and operators AND'ed, and policy variables in values.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/iam/context.h"
#include "engine/iam/policy.h"

namespace rampart::iam {

// When set, a clause whose key is absent from the request evaluates to this value instead of
// the AWS absent-key rule: the "existential" question (is there SOME request context that
// would make this statement apply?) passes true for Allow and false for Deny statements.
struct ConditionMode {
  std::optional<bool> absent_key_result;
};

bool condition_matches(const Condition& c, const RequestContext& ctx, bool variables_enabled,
                       ConditionMode mode = {});
bool conditions_match(const std::vector<Condition>& cs, const RequestContext& ctx,
                      bool variables_enabled, ConditionMode mode = {});

struct Cidr {
  bool v6 = false;
  std::array<std::uint8_t, 16> addr{};
  int prefix = 0;  // 32 or 128 for a bare address
};
// "203.0.113.0/24", "2001:db8::/32", or a bare address.
std::optional<Cidr> parse_cidr(std::string_view text);
bool cidr_contains(const Cidr& net, const Cidr& addr);

}  // namespace rampart::iam
