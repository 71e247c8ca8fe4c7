// The per-user IAM calls: MFA devices (ListMFADevices -> MFADevices), access keys
// (ListAccessKeys -> AccessKeys) and when each was last used (GetAccessKeyLastUsed ->
// AccessKeyLastUsed: access key id -> {LastUsedDate, ServiceName, Region}), and the console
// password (GetLoginProfile -> LoginProfile; NoSuchEntity = no console password = absent).
// AccessKeyLastUsed is unknown when any key's call fails or the keys themselves are unknown.
#include "collect/iam_internal.h"
#include "collect/response_util.h"

namespace rampart::collect::iam {

void describe_user(CollectTask& task, inventory::Resource& user) {
  const Json name = {{"UserName", user.id}};
  if (auto mfa = describe_all_pages(task, user, "iam", "ListMFADevices", name, "MFADevices",
                                    {"MFADevices", "Marker", "Marker"})) {
    user.document["MFADevices"] = mfa->value("MFADevices", Json::array());
  }

  auto keys = describe_all_pages(task, user, "iam", "ListAccessKeys", name, "AccessKeys",
                                 {"AccessKeyMetadata", "Marker", "Marker"});
  if (keys) {
    user.document["AccessKeys"] = keys->value("AccessKeyMetadata", Json::array());
    Json last_used = Json::object();
    bool complete = true;
    for (const Json& key : user.document["AccessKeys"]) {
      const std::string id = key.value("AccessKeyId", "");
      if (id.empty()) continue;
      auto used = task.describe(user, "iam", "GetAccessKeyLastUsed", {{"AccessKeyId", id}},
                                "AccessKeyLastUsed");
      if (!used) {
        complete = false;
        break;
      }
      last_used[id] = used->value("AccessKeyLastUsed", Json::object());
    }
    if (complete) user.document["AccessKeyLastUsed"] = std::move(last_used);
  } else {
    user.unknown["AccessKeyLastUsed"] = user.unknown["AccessKeys"];
  }

  if (auto profile = task.describe(user, "iam", "GetLoginProfile", name, "LoginProfile",
                                   {"NoSuchEntity"})) {
    user.document["LoginProfile"] = member_or_null(*profile, "LoginProfile");
  }
}

}  // namespace rampart::collect::iam
