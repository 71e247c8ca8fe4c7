// Lambda functions per region (`lambda:function`, id = FunctionName, arn = FunctionArn), from
// one paginated ListFunctions (Runtime, Role, Handler, VpcConfig, ...). Per function: GetPolicy
// -> Policy (parsed; ResourceNotFoundException = no resource policy = absent),
// ListFunctionUrlConfigs -> FunctionUrlConfigs (AuthType NONE / AWS_IAM; moto 5.2.1 answers it
// 404, so it stays unknown there), ListTags -> Tags.
//
// Environment variables: only their names are stored. Each value is replaced by null before the
// function's document leaves this file, and Environment.LooksLikeSecret[name] records whether
// the value looked like a credential — an AWS access key id anywhere in it, or a non-empty value
// under a name containing PASSWORD, SECRET, TOKEN or KEY — so a check can report "secret in
// environment" without the secret ever reaching the store.
#include <cctype>
#include <string>
#include <string_view>

#include "collect/collector.h"
#include "collect/response_util.h"

namespace rampart::collect {

namespace {

// (AKIA|ASIA)[A-Z0-9]{16} anywhere in `value`.
bool contains_access_key_id(std::string_view value) {
  constexpr std::size_t kLen = 20;
  for (std::size_t i = 0; i + kLen <= value.size(); ++i) {
    std::string_view prefix = value.substr(i, 4);
    if (prefix != "AKIA" && prefix != "ASIA") continue;
    bool ok = true;
    for (std::size_t j = i + 4; j < i + kLen && ok; ++j) {
      const auto c = static_cast<unsigned char>(value[j]);
      ok = std::isupper(c) != 0 || std::isdigit(c) != 0;
    }
    if (ok) return true;
  }
  return false;
}

bool looks_like_secret(std::string_view name, std::string_view value) {
  if (contains_access_key_id(value)) return true;
  if (value.empty()) return false;
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (std::string_view word : {"PASSWORD", "SECRET", "TOKEN", "KEY"}) {
    if (upper.find(word) != std::string::npos) return true;
  }
  return false;
}

// Replaces every environment value by null and adds Environment.LooksLikeSecret.
void scrub_environment(Json& function) {
  auto env = function.find("Environment");
  if (env == function.end() || !env->is_object()) return;
  auto vars = env->find("Variables");
  if (vars == env->end() || !vars->is_object()) return;
  Json flags = Json::object();
  for (auto& [name, value] : vars->items()) {
    flags[name] = value.is_string() && looks_like_secret(name, value.get_ref<const std::string&>());
    value = nullptr;
  }
  (*env)["LooksLikeSecret"] = std::move(flags);
}

void collect_function(CollectTask& task, inventory::Resource function) {
  const Json by_name = {{"FunctionName", function.id}};
  if (auto policy = task.describe(function, "lambda", "GetPolicy", by_name, "Policy",
                                  {"ResourceNotFoundException"})) {
    function.document["Policy"] = parse_embedded_json(member_or_null(*policy, "Policy"));
  }
  if (auto urls = describe_all_pages(task, function, "lambda", "ListFunctionUrlConfigs", by_name,
                                     "FunctionUrlConfigs",
                                     {"FunctionUrlConfigs", "Marker", "NextMarker"})) {
    function.document["FunctionUrlConfigs"] = urls->value("FunctionUrlConfigs", Json::array());
  }
  if (!function.arn.empty()) {
    if (auto tags = task.describe(function, "lambda", "ListTags", {{"Resource", function.arn}},
                                  "Tags")) {
      function.tags = tags_from_list(member_or_null(*tags, "Tags"));
      function.document["Tags"] = function.tags;
    }
  }
  task.emit(std::move(function));
}

void collect(CollectTask& task) {
  auto functions = task.list("lambda", "ListFunctions", Json::object(), "lambda:function");
  if (!functions || !functions->contains("Functions") || !(*functions)["Functions"].is_array()) {
    return;
  }
  for (Json& entry : (*functions)["Functions"]) {
    if (!entry.is_object()) continue;
    scrub_environment(entry);
    inventory::Resource function;
    function.account = task.account();
    function.region = task.region();
    function.type = "lambda:function";
    function.id = entry.value("FunctionName", "");
    function.arn = entry.value("FunctionArn", "");
    function.name = function.id;
    function.document = std::move(entry);
    task.spawn([&task, function = std::move(function)]() mutable {
      collect_function(task, std::move(function));
    });
  }
}

}  // namespace

extern const CollectorSpec kCollector_lambda{"lambda", Scope::Regional, &collect};

}  // namespace rampart::collect
