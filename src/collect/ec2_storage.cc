// EBS in one region: volumes, the snapshots the account owns with their createVolumePermission
// (who may restore them; Group "all" = public), and the region's encryption-by-default setting
// as one `account:ebs-encryption` resource (id = the account).
//
// DescribeSnapshots is filtered on owner-id = the account: OwnerIds=["self"] alone is ignored
// by moto, which then returns thousands of foreign catalogue snapshots; OwnerId is re-checked.
#include <utility>

#include "collect/ec2_internal.h"

namespace rampart::collect::ec2 {

namespace {

constexpr ListSpec kSnapshot{"", "", "ec2:snapshot", "SnapshotId", "snapshot", {}, false};

void collect_snapshots(CollectTask& task) {
  Json filter{{"Name", "owner-id"}, {"Values", Json::array({task.account()})}};
  Json params{{"OwnerIds", Json::array({"self"})}, {"Filters", Json::array({filter})}};
  auto response = task.list("ec2", "DescribeSnapshots", params, kSnapshot.type);
  if (!response) return;
  auto snapshots = response->find("Snapshots");
  if (snapshots == response->end() || !snapshots->is_array()) return;
  for (const Json& item : *snapshots) {
    if (item.value("OwnerId", "") != task.account()) continue;
    inventory::Resource r = make_resource(task, kSnapshot, item);
    if (r.id.empty()) continue;
    task.spawn([&task, r = std::move(r)]() mutable {
      Json attr_params{{"SnapshotId", r.id}, {"Attribute", "createVolumePermission"}};
      auto attr = task.describe(r, "ec2", "DescribeSnapshotAttribute", attr_params,
                                "CreateVolumePermissions");
      if (attr) {
        r.document["CreateVolumePermissions"] =
            attr->value("CreateVolumePermissions", Json::array());
      }
      task.emit(std::move(r));
    });
  }
}

// Two calls, two attributes: GetEbsDefaultKmsKeyId failing (moto answers 500) leaves KmsKeyId
// unknown while EbsEncryptionByDefault stays known.
void collect_ebs_encryption(CollectTask& task) {
  inventory::Resource r;
  r.account = task.account();
  r.region = task.region();
  r.type = "account:ebs-encryption";
  r.id = task.account();
  r.name = "EBS encryption by default";
  if (auto on = task.describe(r, "ec2", "GetEbsEncryptionByDefault", Json::object(),
                              "EbsEncryptionByDefault")) {
    r.document["EbsEncryptionByDefault"] = on->value("EbsEncryptionByDefault", Json());
  }
  if (auto key = task.describe(r, "ec2", "GetEbsDefaultKmsKeyId", Json::object(), "KmsKeyId")) {
    r.document["KmsKeyId"] = key->value("KmsKeyId", Json());
  }
  task.emit(std::move(r));
}

}  // namespace

void collect_storage(CollectTask& task) {
  if (auto volumes = list_resources(
          task, {"DescribeVolumes", "Volumes", "ec2:volume", "VolumeId", "volume"})) {
    emit_all(task, std::move(*volumes));
  }
  collect_snapshots(task);
  collect_ebs_encryption(task);
}

}  // namespace rampart::collect::ec2
