// Batch decider for the differential test: reads a rampart-iam-case/1 file and prints one
// tab-separated line per authorization case, "<id>\t<decision>\t<deciding statement>\t<reason>",
// with rampart's evaluator (src/engine/iam). The case's own `expected` field is not read, so
// generated cases need no answer. Exit status: 0 on success, 2 when the file cannot be read.
#include <iostream>
#include <string>

#include "engine/iam/case_file.h"
#include "engine/iam/evaluator.h"

int main(int argc, char** argv) {
  using namespace rampart::iam;
  if (argc != 2) {
    std::cerr << "usage: iam_batch_eval CASES.json\n";
    return 2;
  }
  auto doc = read_json_file(argv[1]);
  if (!doc) {
    std::cerr << doc.error().message << "\n";
    return 2;
  }
  int status = 0;
  for (const auto& c : doc->value("cases", rampart::Json::array())) {
    const std::string id = c.value("id", "");
    auto policies = parse_policy_set(c.value("policies", rampart::Json::object()));
    auto request = parse_request(c.value("request", rampart::Json::object()));
    if (!policies || !request) {
      std::cout << id << "\terror\t\t"
                << (!policies ? policies.error().message : request.error().message) << "\n";
      status = 2;
      continue;
    }
    const auto e = evaluate(*request, *policies);
    std::cout << id << '\t' << to_string(e.decision) << '\t'
              << (e.deciding ? e.deciding->describe() : std::string()) << '\t' << e.reason << '\n';
  }
  return status;
}
