// The account-level S3 Block Public Access (S3 Control GetPublicAccessBlock) as one
// `account:s3-public-access-block` resource (Global; id = the account id). No configuration
// (NoSuchPublicAccessBlockConfiguration) is absent; any other failure leaves it unknown.
//
// The operation's endpoint carries the account id as a host prefix ("123456789012.s3-control…");
// the client leaves that prefix off when the endpoint is an IP address (a loopback emulator), as
// moto serves it only on the bare host.
#include "collect/collector.h"
#include "collect/response_util.h"

namespace rampart::collect {

namespace {

void collect_s3control(CollectTask& task) {
  inventory::Resource pab;
  pab.account = task.account();
  pab.region = std::string(inventory::kGlobalRegion);
  pab.type = "account:s3-public-access-block";
  pab.id = task.account();
  pab.name = task.account();
  auto response = task.describe(pab, "s3control", "GetPublicAccessBlock",
                                {{"AccountId", task.account()}}, "PublicAccessBlockConfiguration",
                                {"NoSuchPublicAccessBlockConfiguration"}, task.region());
  if (response) {
    pab.document["PublicAccessBlockConfiguration"] =
        member_or_null(*response, "PublicAccessBlockConfiguration");
  }
  task.emit(std::move(pab));
}

}  // namespace

extern const CollectorSpec kCollector_s3control{"s3control", Scope::Global, collect_s3control};

}  // namespace rampart::collect
