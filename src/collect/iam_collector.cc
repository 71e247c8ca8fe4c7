// IAM (Global: every resource is in kGlobalRegion). The entry point fans the independent parts
// out: account settings, the credential report (which waits for its generation), the
// authorization details (users, groups, roles, policies; users fan out further from there)
// and the other entities.
#include "collect/iam_internal.h"

namespace rampart::collect {

namespace iam {

inventory::Resource make_resource(const CollectTask& task, std::string_view type, std::string id,
                                  std::string arn, Json doc) {
  inventory::Resource r;
  r.account = task.account();
  r.region = std::string(inventory::kGlobalRegion);
  r.type = std::string(type);
  r.name = id;
  r.id = std::move(id);
  r.arn = std::move(arn);
  r.tags = tags_from_list(doc.value("Tags", Json::array()));
  r.document = std::move(doc);
  return r;
}

}  // namespace iam

namespace {

void collect_iam(CollectTask& task) {
  task.spawn([&task] { iam::collect_credential_report(task, iam::ReportWait{}); });
  task.spawn([&task] { iam::collect_account_settings(task); });
  task.spawn([&task] { iam::collect_other_entities(task); });
  // Runs here, not spawned: it spawns the per-user work itself.
  iam::collect_authorization(task);
}

}  // namespace

extern const CollectorSpec kCollector_iam{"iam", Scope::Global, collect_iam};

}  // namespace rampart::collect
