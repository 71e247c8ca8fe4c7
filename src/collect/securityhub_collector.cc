// Security Hub per region: one `securityhub:hub` row (id = the account id, arn = HubArn when
// subscribed). DescribeHub answers InvalidAccessException "not subscribed" when Security Hub is
// off: that is the answer, not an error, so the row is {"Enabled": false}. When subscribed the
// document is DescribeHub's response (HubArn, SubscribedAt, AutoEnableControls, ...) with
// Enabled = true and Standards = GetEnabledStandards' StandardsSubscriptions (moto 5.2.1 answers
// it 404: unknown). Any other DescribeHub failure leaves Enabled unknown.
#include <string>

#include "collect/collector.h"
#include "collect/response_util.h"

namespace rampart::collect {

namespace {

void collect(CollectTask& task) {
  inventory::Resource hub;
  hub.account = task.account();
  hub.region = task.region();
  hub.type = "securityhub:hub";
  hub.id = task.account();
  hub.name = "Security Hub";
  auto described = task.describe(hub, "securityhub", "DescribeHub", Json::object(), "Enabled",
                                  {"InvalidAccessException"});
  if (!described) {
    if (hub.unknown.contains("Enabled")) {
      hub.unknown["Standards"] = hub.unknown["Enabled"];
    } else {
      hub.document = {{"Enabled", false}};  // not subscribed
    }
    task.emit(std::move(hub));
    return;
  }
  hub.document = *described;
  hub.document["Enabled"] = true;
  hub.arn = described->value("HubArn", "");
  if (auto standards = task.describe(hub, "securityhub", "GetEnabledStandards", Json::object(),
                                     "Standards")) {
    hub.document["Standards"] = standards->value("StandardsSubscriptions", Json::array());
  }
  task.emit(std::move(hub));
}

}  // namespace

extern const CollectorSpec kCollector_securityhub{"securityhub", Scope::Regional, &collect};

}  // namespace rampart::collect
