// The account itself (`account:summary`, Global, id = the account id): STS GetCallerIdentity,
// and from Organizations the organization (DescribeOrganization), the account's name and
// email (DescribeAccount) and its tags (ListTagsForResource). AWSOrganizationsNotInUseException
// means the account is in no organization: Organization, OrganizationAccount and
// OrganizationTags are then absent, not errors. DescribeAccount and ListTagsForResource work
// only from the management (or a delegated administrator) account; elsewhere they are unknown
// with the AccessDenied that hid them. The IAM collector adds SummaryMap to the same resource.
#include "collect/collector.h"
#include "collect/response_util.h"

namespace rampart::collect {

namespace {

constexpr std::string_view kNotInUse = "AWSOrganizationsNotInUseException";

void collect_account(CollectTask& task) {
  inventory::Resource account;
  account.account = task.account();
  account.region = std::string(inventory::kGlobalRegion);
  account.type = "account:summary";
  account.id = task.account();
  account.name = task.account();
  account.arn = "arn:" + task.partition() + ":iam::" + task.account() + ":root";

  if (auto identity = task.describe(account, "sts", "GetCallerIdentity", Json::object(),
                                    "CallerIdentity")) {
    account.document["CallerIdentity"] = std::move(*identity);
  }

  auto org = task.describe(account, "organizations", "DescribeOrganization", Json::object(),
                           "Organization", {kNotInUse});
  if (!org) {
    if (account.document.contains("Organization")) {  // not in an organization: all absent
      account.document["OrganizationAccount"] = nullptr;
      account.document["OrganizationTags"] = nullptr;
    } else {
      // The organization is unknown, so whether the account has org details is unknown too.
      account.unknown["OrganizationAccount"] = account.unknown["Organization"];
      account.unknown["OrganizationTags"] = account.unknown["Organization"];
    }
    task.emit(std::move(account));
    return;
  }
  account.document["Organization"] = member_or_null(*org, "Organization");

  const Json id = {{"AccountId", task.account()}};
  if (auto described = task.describe(account, "organizations", "DescribeAccount", id,
                                     "OrganizationAccount", {kNotInUse})) {
    account.document["OrganizationAccount"] = member_or_null(*described, "Account");
    if (auto name = account.document["OrganizationAccount"].find("Name");
        account.document["OrganizationAccount"].is_object() &&
        name != account.document["OrganizationAccount"].end() && name->is_string()) {
      account.name = name->get<std::string>();
    }
  }
  auto tags = describe_all_pages(task, account, "organizations", "ListTagsForResource",
                                 {{"ResourceId", task.account()}}, "OrganizationTags",
                                 {"Tags", "NextToken", "NextToken"}, kNotInUse);
  if (tags) {
    account.tags = tags_from_list(member_or_null(*tags, "Tags"));
    account.document["OrganizationTags"] = account.tags;
  }
  task.emit(std::move(account));
}

}  // namespace

extern const CollectorSpec kCollector_account{"account", Scope::Global, collect_account};

}  // namespace rampart::collect
