// AWS Backup per region. Plans (`backup:plan`, id = BackupPlanId, arn = BackupPlanArn, name =
// BackupPlanName): ListBackupPlans, then per plan GetBackupPlan -> BackupPlan (Rules: schedule,
// target vault, Lifecycle) and AdvancedBackupSettings, ListBackupSelections + GetBackupSelection
// per selection -> Selections (SelectionId, SelectionName, IamRoleArn, Resources, NotResources,
// ListOfTags, Conditions), ListTags -> Tags. If any selection cannot be read, Selections is
// unknown as a whole (a partial list would under-report what the plan protects).
// Protected resources (`backup:protected-resource`, id = arn = ResourceArn): ListProtectedResources
// (ResourceType, LastBackupTime). moto 5.2.1 answers it 404, which stays a collection error.
#include <string>

#include "collect/collector.h"
#include "collect/response_util.h"

namespace rampart::collect {

namespace {

bool collect_selections(CollectTask& task, inventory::Resource& plan, const Json& by_plan) {
  auto listed = describe_all_pages(task, plan, "backup", "ListBackupSelections", by_plan,
                                   "Selections", {"BackupSelectionsList", "NextToken", "NextToken"});
  if (!listed) return false;
  Json selections = Json::array();
  for (const Json& entry : listed->value("BackupSelectionsList", Json::array())) {
    if (!entry.is_object()) continue;
    Json params = by_plan;
    params["SelectionId"] = entry.value("SelectionId", "");
    auto got = task.describe(plan, "backup", "GetBackupSelection", params, "Selections");
    if (!got) return false;
    Json selection = {{"SelectionId", params["SelectionId"]}};
    const Json body = got->value("BackupSelection", Json::object());
    for (const auto& [key, value] : body.items()) {
      selection[key] = value;
    }
    selections.push_back(std::move(selection));
  }
  plan.document["Selections"] = std::move(selections);
  return true;
}

void collect_plan(CollectTask& task, const Json& entry) {
  inventory::Resource plan;
  plan.account = task.account();
  plan.region = task.region();
  plan.type = "backup:plan";
  plan.id = entry.value("BackupPlanId", "");
  plan.arn = entry.value("BackupPlanArn", "");
  plan.name = entry.value("BackupPlanName", "");
  plan.document = entry;
  const Json by_plan = {{"BackupPlanId", plan.id}};
  if (auto got = task.describe(plan, "backup", "GetBackupPlan", by_plan, "BackupPlan")) {
    plan.document["BackupPlan"] = member_or_null(*got, "BackupPlan");
    plan.document["AdvancedBackupSettings"] = member_or_null(*got, "AdvancedBackupSettings");
  } else {
    plan.unknown["AdvancedBackupSettings"] = plan.unknown["BackupPlan"];
  }
  collect_selections(task, plan, by_plan);
  if (!plan.arn.empty()) {
    if (auto tags = task.describe(plan, "backup", "ListTags", {{"ResourceArn", plan.arn}},
                                  "Tags")) {
      plan.tags = tags_from_list(member_or_null(*tags, "Tags"));
      plan.document["Tags"] = plan.tags;
    }
  }
  task.emit(std::move(plan));
}

void collect_protected(CollectTask& task) {
  auto listed = task.list("backup", "ListProtectedResources", Json::object(),
                          "backup:protected-resource");
  if (!listed) return;
  for (const Json& entry : listed->value("Results", Json::array())) {
    if (!entry.is_object()) continue;
    inventory::Resource r;
    r.account = task.account();
    r.region = task.region();
    r.type = "backup:protected-resource";
    r.id = entry.value("ResourceArn", "");
    r.arn = r.id;
    r.name = entry.value("ResourceName", "");
    r.document = entry;
    task.emit(std::move(r));
  }
}

void collect(CollectTask& task) {
  if (auto plans = task.list("backup", "ListBackupPlans", Json::object(), "backup:plan")) {
    for (const Json& entry : plans->value("BackupPlansList", Json::array())) {
      if (!entry.is_object() || !entry.contains("BackupPlanId")) continue;
      task.spawn([&task, entry] { collect_plan(task, entry); });
    }
  }
  collect_protected(task);
}

}  // namespace

extern const CollectorSpec kCollector_backup{"backup", Scope::Regional, &collect};

}  // namespace rampart::collect
