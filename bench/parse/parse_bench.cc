// Parse throughput (MB/s) of rampart::aws::parse_response on ~50 MB response bodies, against the
// same run's baseline: the raw library parse of the same bytes (pugixml load_buffer with the
// options rampart uses, nlohmann::json::parse). The difference is the cost of walking the
// service model and building botocore-shaped output. Bodies are generated in setup
// (corpus.cc); the size can be changed with RAMPART_PARSE_BENCH_MB. After the runs, the ratio
// rampart/baseline per body is printed. Rates are per CPU second (Google Benchmark's default), so
// a busy shared machine skews them less than wall time would. The timed loop includes freeing
// the output, as every caller pays it.
#include <benchmark/benchmark.h>
#include <pugixml.hpp>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include <unistd.h>

#include "aws/core/json.h"
#include "aws/models/registry.h"
#include "aws/parse/parse.h"
#include "corpus.h"

namespace {

using rampart::Json;
using rampart::aws::HttpResponse;
using rampart::bench::Corpus;

std::size_t corpus_bytes() {
  const char* mb = std::getenv("RAMPART_PARSE_BENCH_MB");
  const long n = mb != nullptr ? std::strtol(mb, nullptr, 10) : 50;
  return static_cast<std::size_t>(n > 0 ? n : 50) * 1024 * 1024;
}

// Generated once per process, immutable afterwards.
const Corpus& ec2_corpus() {
  static const Corpus kCorpus = rampart::bench::make_ec2_describe_instances(corpus_bytes());
  return kCorpus;
}

const Corpus& secrets_corpus() {
  static const Corpus kCorpus = rampart::bench::make_secrets_list(corpus_bytes());
  return kCorpus;
}

HttpResponse ok_response(const std::string& body, const char* content_type) {
  HttpResponse r;
  r.status = 200;
  r.headers = {{"Content-Type", content_type}, {"x-amzn-RequestId", "bench"}};
  r.body = body;
  return r;
}

// Runs parse_response over the body; fails the benchmark unless the output holds every item
// (so a parse error path can never pass for a fast parse).
void run_rampart(benchmark::State& state, const char* service, const char* operation,
                 const Corpus& corpus, const char* content_type, const char* list_key,
                 bool ec2_reservations) {
  const rampart::aws::ServiceModel* model = rampart::aws::models::find_service(service);
  const rampart::aws::Operation* op = model != nullptr ? model->find_operation(operation) : nullptr;
  if (op == nullptr) {
    state.SkipWithError("operation not in the compiled models");
    return;
  }
  const HttpResponse response = ok_response(corpus.body, content_type);
  std::size_t items = 0;
  for (auto _ : state) {
    auto parsed = rampart::aws::parse_response(*model, *op, response);
    if (!parsed.ok()) {
      state.SkipWithError(parsed.error().describe().c_str());
      return;
    }
    const Json& list = (*parsed)[list_key];
    items = 0;
    if (ec2_reservations) {
      for (const Json& r : list) items += r["Instances"].size();
    } else {
      items = list.size();
    }
    benchmark::DoNotOptimize(parsed);
  }
  if (items != corpus.items) {
    state.SkipWithError("parsed output does not hold every generated item");
    return;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.body.size()));
  state.counters["items"] = static_cast<double>(items);
}

void BM_Rampart_Ec2DescribeInstances(benchmark::State& state) {
  run_rampart(state, "ec2", "DescribeInstances", ec2_corpus(), "text/xml;charset=UTF-8",
              "Reservations", true);
}

void BM_Pugixml_Ec2DescribeInstances(benchmark::State& state) {
  const std::string& body = ec2_corpus().body;
  for (auto _ : state) {
    pugi::xml_document doc;
    auto r = doc.load_buffer(body.data(), body.size(),
                             pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_utf8);
    if (!r) {
      state.SkipWithError(r.description());
      return;
    }
    benchmark::DoNotOptimize(doc.document_element());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}

void BM_Rampart_SecretsManagerListSecrets(benchmark::State& state) {
  run_rampart(state, "secretsmanager", "ListSecrets", secrets_corpus(),
              "application/x-amz-json-1.1", "SecretList", false);
}

void BM_Nlohmann_SecretsManagerListSecrets(benchmark::State& state) {
  const std::string& body = secrets_corpus().body;
  for (auto _ : state) {
    Json doc = Json::parse(body, nullptr, false);
    if (doc.is_discarded()) {
      state.SkipWithError("invalid JSON");
      return;
    }
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}

BENCHMARK(BM_Pugixml_Ec2DescribeInstances)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Rampart_Ec2DescribeInstances)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Nlohmann_SecretsManagerListSecrets)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Rampart_SecretsManagerListSecrets)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Console output as usual, plus the bytes/s of each run kept to print the ratios at the end.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  // Colors only on a terminal (a custom reporter does not see --benchmark_color).
  RatioReporter() : ConsoleReporter(isatty(fileno(stdout)) != 0 ? OO_Defaults : OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      auto it = run.counters.find("bytes_per_second");
      if (it != run.counters.end() && !run.error_occurred) {
        rates_[run.benchmark_name()] = it->second.value;
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }

  void print_ratios() const {
    print("EC2 DescribeInstances (XML)", "BM_Rampart_Ec2DescribeInstances",
          "BM_Pugixml_Ec2DescribeInstances");
    print("Secrets Manager ListSecrets (JSON)", "BM_Rampart_SecretsManagerListSecrets",
          "BM_Nlohmann_SecretsManagerListSecrets");
  }

 private:
  void print(const char* what, const std::string& ours, const std::string& base) const {
    auto a = find(ours), b = find(base);
    if (a <= 0 || b <= 0) return;
    std::printf("%s: rampart %.1f MB/s, baseline %.1f MB/s, rampart is %.2fx slower\n", what,
                a / 1e6, b / 1e6, b / a);
  }
  double find(const std::string& prefix) const {
    for (const auto& [name, rate] : rates_) {
      if (name.rfind(prefix, 0) == 0) return rate;
    }
    return 0;
  }
  std::map<std::string, double> rates_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print_ratios();
  benchmark::Shutdown();
  return 0;
}
