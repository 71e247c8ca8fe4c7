// IAM Access Analyzer analyzers per region (`accessanalyzer:analyzer`, id = name, arn): one
// paginated ListAnalyzers (type ACCOUNT / ORGANIZATION, status, tags). A region without an
// analyzer emits nothing; a failed list (moto 5.2.1 answers HTTP 500) is a collection error, so
// "enabled?" is unknown there rather than "no".
#include <string>

#include "collect/collector.h"
#include "collect/response_util.h"

namespace rampart::collect {

namespace {

void collect(CollectTask& task) {
  auto analyzers = task.list("accessanalyzer", "ListAnalyzers", Json::object(),
                             "accessanalyzer:analyzer");
  if (!analyzers) return;
  for (const Json& entry : analyzers->value("analyzers", Json::array())) {
    if (!entry.is_object()) continue;
    inventory::Resource analyzer;
    analyzer.account = task.account();
    analyzer.region = task.region();
    analyzer.type = "accessanalyzer:analyzer";
    analyzer.id = entry.value("name", "");
    analyzer.arn = entry.value("arn", "");
    analyzer.name = analyzer.id;
    analyzer.tags = tags_from_list(member_or_null(entry, "tags"));
    analyzer.document = entry;
    task.emit(std::move(analyzer));
  }
}

}  // namespace

extern const CollectorSpec kCollector_accessanalyzer{"accessanalyzer", Scope::Regional, &collect};

}  // namespace rampart::collect
