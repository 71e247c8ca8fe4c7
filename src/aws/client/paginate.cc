#include "aws/client/paginate.h"

#include <charconv>
#include <string>

namespace rampart::aws {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool is_empty_value(const Json& v) {
  return v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty());
}

// One path: "Contents[-1].Key", "ListBucketResult.NextMarker".
Json eval_path(const Json& root, std::string_view path) {
  const Json* cur = &root;
  std::size_t pos = 0;
  while (pos < path.size()) {
    std::size_t end = path.find_first_of(".[", pos);
    std::string_view name = path.substr(pos, end == std::string_view::npos ? path.npos : end - pos);
    if (!name.empty()) {
      if (!cur->is_object()) return nullptr;
      auto it = cur->find(std::string(name));
      if (it == cur->end()) return nullptr;
      cur = &*it;
    }
    if (end == std::string_view::npos) break;
    if (path[end] == '.') {
      pos = end + 1;
      continue;
    }
    std::size_t close = path.find(']', end);
    if (close == std::string_view::npos) return nullptr;
    std::string_view idx_text = path.substr(end + 1, close - end - 1);
    long long idx = 0;
    auto [p, ec] = std::from_chars(idx_text.data(), idx_text.data() + idx_text.size(), idx);
    if (ec != std::errc() || !cur->is_array() || cur->empty()) return nullptr;
    auto n = static_cast<long long>(cur->size());
    if (idx < 0) idx += n;
    if (idx < 0 || idx >= n) return nullptr;
    cur = &(*cur)[static_cast<std::size_t>(idx)];
    pos = close + 1;
    if (pos < path.size() && path[pos] == '.') ++pos;
  }
  return *cur;
}

// Removes a dotted path's leaf from an object (tokens are top-level or one level deep).
void erase_path(Json& root, std::string_view path) {
  if (path.find('[') != std::string_view::npos) return;
  Json* cur = &root;
  std::size_t pos = 0;
  while (true) {
    std::size_t dot = path.find('.', pos);
    std::string key(path.substr(pos, dot == std::string_view::npos ? path.npos : dot - pos));
    if (!cur->is_object()) return;
    if (dot == std::string_view::npos) {
      cur->erase(key);
      return;
    }
    auto it = cur->find(key);
    if (it == cur->end()) return;
    cur = &*it;
    pos = dot + 1;
  }
}

}  // namespace

Json eval_token_expression(const Json& page, std::string_view expression) {
  std::size_t pos = 0;
  while (pos <= expression.size()) {
    std::size_t bar = expression.find("||", pos);
    std::string_view alt = trim(expression.substr(pos, bar == std::string_view::npos ? expression.npos : bar - pos));
    Json v = eval_path(page, alt);
    if (!is_empty_value(v)) return v;
    if (bar == std::string_view::npos) break;
    pos = bar + 2;
  }
  return nullptr;
}

std::optional<Json> next_page_params(const Paginator& paginator, const Json& previous_params,
                                     const Json& page) {
  if (!paginator.more_results.empty()) {
    Json more = eval_token_expression(page, paginator.more_results);
    if (!(more.is_boolean() && more.get<bool>())) return std::nullopt;
  }
  Json next = previous_params.is_object() ? previous_params : Json::object();
  bool any = false;
  for (std::size_t i = 0; i < paginator.input_token.size(); ++i) {
    std::string key(paginator.input_token[i]);
    Json token = i < paginator.output_token.size()
                     ? eval_token_expression(page, paginator.output_token[i])
                     : Json(nullptr);
    if (is_empty_value(token)) {
      next.erase(key);
    } else {
      any = true;
      next[key] = token;
    }
  }
  if (!any) return std::nullopt;
  // A service that hands back the token it was given would loop forever.
  bool same = true;
  for (std::string_view key : paginator.input_token) {
    std::string k(key);
    Json before = previous_params.is_object() && previous_params.contains(k) ? previous_params[k] : Json();
    Json after = next.contains(k) ? next[k] : Json();
    if (before != after) same = false;
  }
  if (same) return std::nullopt;
  return next;
}

void merge_page(const Paginator& paginator, Json& merged, const Json& page) {
  if (merged.is_null()) {
    merged = page;
    return;
  }
  for (std::string_view key : paginator.result_key) {
    Json value = eval_token_expression(page, key);
    if (value.is_null()) continue;
    std::string k(key);
    if (k.find('.') != std::string::npos || k.find('[') != std::string::npos) continue;
    if (value.is_array() && merged.contains(k) && merged[k].is_array()) {
      for (auto& item : value) merged[k].push_back(std::move(item));
    } else {
      merged[k] = std::move(value);
    }
  }
  // Non-result members (counts, flags): keep the latest page's view.
  if (page.is_object()) {
    for (const auto& [k, v] : page.items()) {
      bool is_result = false;
      for (std::string_view key : paginator.result_key) is_result = is_result || key == k;
      if (!is_result) merged[k] = v;
    }
  }
}

void finish_merge(const Paginator& paginator, Json& merged) {
  if (!merged.is_object()) return;
  for (std::string_view token : paginator.output_token) {
    for (std::size_t pos = 0;;) {
      std::size_t bar = token.find("||", pos);
      erase_path(merged, trim(token.substr(pos, bar == std::string_view::npos ? token.npos : bar - pos)));
      if (bar == std::string_view::npos) break;
      pos = bar + 2;
    }
  }
  if (!paginator.more_results.empty()) erase_path(merged, paginator.more_results);
}

}  // namespace rampart::aws
