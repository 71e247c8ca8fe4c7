// rampart's in-memory JSON value: request parameters in, parsed responses out.
#pragma once

#include <nlohmann/json.hpp>

namespace rampart {
using Json = nlohmann::json;
}  // namespace rampart
