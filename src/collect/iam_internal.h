// Internal to the IAM collector: iam_collector.cc (entry), iam_account.cc (account summary,
// password policy, virtual MFA devices, instance profiles, identity providers, server
// certificates), iam_authorization.cc (users, groups, roles, managed policies from
// GetAccountAuthorizationDetails), iam_users.cc (per-user MFA devices, access keys with last
// use, login profile) and iam_credential_report.cc.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "collect/collector.h"

namespace rampart::collect::iam {

// An IAM resource (always kGlobalRegion) of `type` with `id`, `arn` and the document `doc`.
inventory::Resource make_resource(const CollectTask& task, std::string_view type, std::string id,
                                  std::string arn, Json doc);

void collect_account_settings(CollectTask& task);  // account:summary, account:password-policy
void collect_other_entities(CollectTask& task);    // virtual MFA, instance profiles, providers, certs
void collect_authorization(CollectTask& task);     // users, groups, roles, policies
// Fills MFADevices, AccessKeys, AccessKeyLastUsed and LoginProfile of one user.
void describe_user(CollectTask& task, inventory::Resource& user);

// How long to wait for GenerateCredentialReport: up to `attempts` more polls, `delay` apart.
struct ReportWait {
  int attempts = 15;
  std::chrono::milliseconds delay{2000};
};
void collect_credential_report(CollectTask& task, const ReportWait& wait);

// RFC 4180 CSV (the credential report): rows of fields; quoted fields may hold commas, quotes
// ("") and line breaks; CRLF or LF line ends; a trailing line break adds no row.
std::vector<std::vector<std::string>> parse_csv(std::string_view text);

}  // namespace rampart::collect::iam
