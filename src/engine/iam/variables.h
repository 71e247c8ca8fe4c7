// Policy variables (IAM "policy variables" page): ${aws:username}, ${aws:PrincipalTag/team},
// ${key, 'default'}, and the escapes ${*} ${?} ${$}. They are substituted only in policies with
// Version 2012-10-17; with 2008-10-17 or no Version the text is literal. Substituted text is
// marked literal so a '*' inside a value never acts as a wildcard.
#pragma once

#include <optional>
#include <string_view>

#include "engine/iam/context.h"
#include "engine/iam/match.h"

namespace rampart::iam {

// nullopt when a referenced key is absent (or multi-valued) and has no default: the element
// then matches nothing. With `enabled` false the text is returned unchanged.
std::optional<Pattern> substitute_variables(std::string_view text, const RequestContext& ctx,
                                            bool enabled);

}  // namespace rampart::iam
