// See response_util.h.
#include "collect/response_util.h"

namespace rampart::collect {

Json parse_embedded_json(const Json& value) {
  if (!value.is_string()) return value;
  Json parsed = Json::parse(value.get<std::string>(), nullptr, false);
  if (parsed.is_discarded()) return value;
  return parsed;
}

Json member_or_null(const Json& response, std::string_view member) {
  if (!response.is_object()) return nullptr;
  auto it = response.find(std::string(member));
  return it == response.end() ? Json(nullptr) : *it;
}

std::optional<Json> describe_one(CollectTask& task, inventory::Resource& resource,
                                 std::string_view service, std::string_view operation,
                                 const Json& params, std::string_view attribute,
                                 std::string_view absent_code, std::string_view region) {
  if (absent_code.empty()) {
    return task.describe(resource, service, operation, params, attribute, {}, region);
  }
  return task.describe(resource, service, operation, params, attribute, {absent_code}, region);
}

std::optional<Json> describe_all_pages(CollectTask& task, inventory::Resource& resource,
                                       std::string_view service, std::string_view operation,
                                       Json params, std::string_view attribute, PageSpec pages,
                                       std::string_view absent_code, std::string_view region) {
  constexpr int kMaxPages = 10000;
  const std::string list_key(pages.list_key);
  const std::string token_out(pages.token_out);
  std::optional<Json> merged;
  for (int page = 0; page < kMaxPages; ++page) {
    auto response =
        describe_one(task, resource, service, operation, params, attribute, absent_code, region);
    if (!response) return std::nullopt;
    std::string token;
    if (auto it = response->find(token_out); it != response->end() && it->is_string()) {
      token = it->get<std::string>();
      response->erase(token_out);
    }
    if (auto it = response->find("IsTruncated"); it != response->end() && *it == false) {
      token.clear();
    }
    if (!merged) {
      merged = std::move(*response);
    } else if (auto it = response->find(list_key); it != response->end() && it->is_array()) {
      Json& into = (*merged)[list_key];
      if (!into.is_array()) into = Json::array();
      for (Json& item : *it) into.push_back(std::move(item));
    }
    if (token.empty()) break;
    params[std::string(pages.token_in)] = token;
  }
  if (merged) {
    merged->erase("IsTruncated");
    merged->erase("Truncated");
  }
  return merged;
}

}  // namespace rampart::collect
