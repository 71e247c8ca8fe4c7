// Pagination from paginators-1.json: reads output tokens from a page (a small JMESPath subset:
// dotted paths, [-1]/[N] indexes and "a || b" fallbacks, as botocore's paginators use), feeds
// them back as input tokens, and merges the result keys of all pages into one response.
#pragma once

#include <optional>
#include <string_view>

#include "aws/core/json.h"
#include "aws/model/model.h"

namespace rampart::aws {

// Evaluates one token expression against a parsed page; null when absent or empty.
Json eval_token_expression(const Json& page, std::string_view expression);

// The parameters of the next request, or nullopt when the page was the last one.
// previous_params are the parameters of the request that produced `page`.
std::optional<Json> next_page_params(const Paginator& paginator, const Json& previous_params,
                                     const Json& page);

// Appends the result keys of `page` to `merged` (lists concatenate; other values: the last
// page wins), like botocore's build_full_result. The token members are dropped at the end.
void merge_page(const Paginator& paginator, Json& merged, const Json& page);
void finish_merge(const Paginator& paginator, Json& merged);

}  // namespace rampart::aws
