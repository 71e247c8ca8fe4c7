// EC2 compute resources of one region: instances (public IP, instance profile and
// MetadataOptions come with DescribeInstances; user data needs one DescribeInstanceAttribute
// per instance) and the AMIs the account owns with their launch permissions.
//
// User data is kept base64-encoded as AWS returns it (`UserData`): the hard-coded-credentials
// check scans it and never prints it. `UserDataPresent` says whether there is any.
#include <utility>

#include "collect/ec2_internal.h"

namespace rampart::collect::ec2 {

namespace {

constexpr ListSpec kInstance{"", "", "ec2:instance", "InstanceId", "instance"};
constexpr ListSpec kImage{"", "", "ec2:image", "ImageId", "image", {}, false};

void read_user_data(CollectTask& task, inventory::Resource& instance) {
  Json params{{"InstanceId", instance.id}, {"Attribute", "userData"}};
  auto response = task.describe(instance, "ec2", "DescribeInstanceAttribute", params, "UserData");
  if (!response) {
    if (auto it = instance.unknown.find("UserData"); it != instance.unknown.end()) {
      instance.unknown["UserDataPresent"] = *it;
    }
    return;
  }
  Json value = nullptr;
  if (auto ud = response->find("UserData"); ud != response->end() && ud->is_object()) {
    if (auto v = ud->find("Value");
        v != ud->end() && v->is_string() && !v->get_ref<const std::string&>().empty()) {
      value = *v;
    }
  }
  instance.document["UserDataPresent"] = !value.is_null();
  instance.document["UserData"] = std::move(value);
}

// DescribeInstances nests instances in reservations.
void collect_instances(CollectTask& task) {
  auto response = task.list("ec2", "DescribeInstances", Json::object(), kInstance.type);
  if (!response) return;
  auto reservations = response->find("Reservations");
  if (reservations == response->end() || !reservations->is_array()) return;
  for (const Json& reservation : *reservations) {
    auto instances = reservation.find("Instances");
    if (instances == reservation.end() || !instances->is_array()) continue;
    for (const Json& item : *instances) {
      inventory::Resource r = make_resource(task, kInstance, item);
      if (r.id.empty()) continue;
      task.spawn([&task, r = std::move(r)]() mutable {
        read_user_data(task, r);
        task.emit(std::move(r));
      });
    }
  }
}

// Owners=["self"] asks for the account's own AMIs; the OwnerId check keeps it honest where an
// emulator ignores the parameter.
void collect_images(CollectTask& task) {
  auto response =
      task.list("ec2", "DescribeImages", Json{{"Owners", Json::array({"self"})}}, kImage.type);
  if (!response) return;
  auto images = response->find("Images");
  if (images == response->end() || !images->is_array()) return;
  for (const Json& item : *images) {
    if (item.value("OwnerId", "") != task.account()) continue;
    inventory::Resource r = make_resource(task, kImage, item);
    if (r.id.empty()) continue;
    task.spawn([&task, r = std::move(r)]() mutable {
      Json params{{"ImageId", r.id}, {"Attribute", "launchPermission"}};
      auto attr = task.describe(r, "ec2", "DescribeImageAttribute", params, "LaunchPermissions");
      if (attr) r.document["LaunchPermissions"] = attr->value("LaunchPermissions", Json::array());
      task.emit(std::move(r));
    });
  }
}

}  // namespace

void collect_compute(CollectTask& task) {
  collect_instances(task);
  collect_images(task);
}

}  // namespace rampart::collect::ec2
