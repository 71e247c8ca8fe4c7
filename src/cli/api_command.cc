// `rampart api SERVICE OPERATION`: one AWS call, printed as JSON (all pages with --paginate).
// Parameters come from --param K=V (K may be a dotted path; V is JSON when it parses as JSON,
// otherwise a string) and --input-json FILE; --param wins over the file.
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/options.h"

namespace rampart::cli {

namespace {

struct ApiArgs {
  std::string service;
  std::string operation;
  std::vector<std::string> params;
  std::string input_json;
  bool paginate = false;
};

// Sets params[a][b] = value for key "a.b"; "a[0]" style indexes are not needed by users.
Result<void> set_param(Json& params, const std::string& assignment) {
  auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    return make_error(ErrorKind::InvalidRequest, "--param '" + assignment + "': expected KEY=VALUE");
  }
  std::string key = assignment.substr(0, eq);
  std::string text = assignment.substr(eq + 1);
  Json value = Json::parse(text, nullptr, false);
  if (value.is_discarded()) value = text;
  Json* cur = &params;
  std::size_t pos = 0;
  while (true) {
    auto dot = key.find('.', pos);
    std::string part = key.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
    if (dot == std::string::npos) {
      (*cur)[part] = std::move(value);
      return {};
    }
    cur = &(*cur)[part];
    if (!cur->is_object()) *cur = Json::object();
    pos = dot + 1;
  }
}

Result<Json> load_params(const ApiArgs& args) {
  Json params = Json::object();
  if (!args.input_json.empty()) {
    std::ifstream in(args.input_json);
    if (!in) return make_error(ErrorKind::InvalidRequest, "cannot read --input-json " + args.input_json);
    std::stringstream text;
    text << in.rdbuf();
    try {
      params = Json::parse(text.str());
    } catch (const Json::parse_error& e) {
      return make_error(ErrorKind::Parse, args.input_json + ": " + e.what());
    }
    if (!params.is_object()) {
      return make_error(ErrorKind::Parse, args.input_json + ": expected a JSON object");
    }
  }
  for (const std::string& p : args.params) {
    if (auto r = set_param(params, p); !r) return r.error();
  }
  return params;
}

}  // namespace

Runner setup_api(CLI::App& sub, GlobalOptions& global) {
  add_global_options(sub, global);
  auto args = std::make_shared<ApiArgs>();
  sub.add_option("service", args->service, "Service (botocore id or AWS CLI name: ec2, s3api, iam, ...)")
      ->required();
  sub.add_option("operation", args->operation, "Operation (DescribeInstances or describe-instances)")
      ->required();
  sub.add_option("--param", args->params, "Parameter KEY=VALUE (VALUE parsed as JSON when it is JSON)");
  sub.add_option("--input-json", args->input_json, "Read parameters from a JSON file");
  sub.add_flag("--paginate", args->paginate, "Follow pagination tokens and merge every page");
  return [&global, args]() {
    auto params = load_params(*args);
    if (!params) {
      std::cerr << "rampart: " << params.error().describe() << "\n";
      return kExitUsage;
    }
    auto client = make_client(global);
    if (!client) {
      std::cerr << "rampart: " << client.error().describe() << "\n";
      return kExitFatal;
    }
    auto result = args->paginate
                      ? (*client)->call_all_pages(args->service, args->operation, *params)
                      : (*client)->call(args->service, args->operation, *params);
    if (!result) {
      std::cerr << "rampart: " << args->service << " " << args->operation << ": "
                << result.error().describe() << "\n";
      return result.error().kind == ErrorKind::InvalidRequest && result.error().http_status == 0
                 ? kExitUsage
                 : kExitFatal;
    }
    std::cout << result->dump(4) << "\n";
    return kExitOk;
  };
}

}  // namespace rampart::cli
