// libFuzzer target: arbitrary bytes -> policy parser -> evaluator and public-access classifier.
// Built as engine_iam_policy_fuzz by a RAMPART_FUZZ (clang) build (cmake/Fuzz.cmake); its seed
// corpus is fuzz_corpus/engine_iam_policy_fuzz/ (shared-case policies plus malformed inputs).
// Stand-alone, from the repository root:
//   clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -Isrc \
//     src/engine/iam/policy_fuzz.cc \
//     $(ls src/engine/iam/*.cc src/aws/core/*.cc | grep -v -E '_test|_fuzz|_main') \
//     -lcrypto -lfmt -o engine_iam_policy_fuzz
//   ./engine_iam_policy_fuzz src/engine/iam/fuzz_corpus/engine_iam_policy_fuzz/
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/iam/evaluator.h"
#include "engine/iam/public_access.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rampart::iam;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto policy = parse_policy_text(text, "fuzz");
  if (!policy) return 0;
  (void)public_statements(*policy);
  (void)external_access(*policy, "111111111111", {"222222222222"});

  static const char* const kPrincipals[] = {
      "arn:aws:iam::111111111111:user/alice", "arn:aws:sts::111111111111:assumed-role/app/s",
      "arn:aws:iam::222222222222:role/r", "anonymous", "sns.amazonaws.com"};
  for (const char* who : kPrincipals) {
    Request rq;
    rq.principal = *parse_request_principal(who);
    rq.action = "s3:GetObject";
    rq.resource = "arn:aws:s3:::bucket-a/a*b/c";
    rq.resource_account = "111111111111";
    rq.context.set("aws:username", "alice");
    rq.context.set("aws:SourceIp", "203.0.113.10");
    rq.context.set("aws:CurrentTime", "2024-06-01T12:00:00Z");
    rq.context.set_multi("aws:TagKeys", {"env", "cost"});
    PolicySet as_identity;
    as_identity.identity.push_back(*policy);
    as_identity.permissions_boundary = *policy;
    (void)evaluate(rq, as_identity);
    PolicySet as_resource;
    as_resource.resource = *policy;
    (void)evaluate(rq, as_resource, EvalOptions{true});
  }
  return 0;
}
