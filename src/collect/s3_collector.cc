// S3 buckets (Global: ListBuckets is account-wide). Each bucket is read in its own region: its
// region comes from ListBuckets' BucketRegion when AWS sends it, else GetBucketLocation (null
// or "" = us-east-1, "EU" = eu-west-1). Then one call per configuration, sent to that region,
// each filling one document attribute; the "not configured" answer of each call is absent,
// anything else unknown.
//
// Region decision: an s3:bucket resource carries the bucket's real region (so "resources in
// non-approved regions" and per-region summaries see it), and document.Location holds the same
// region name (document.LocationConstraint the raw answer). A bucket whose location cannot be
// read is stored under kGlobalRegion with Location unknown, and its calls go to the task region.
#include <array>
#include <string>

#include "collect/collector.h"
#include "collect/response_util.h"

namespace rampart::collect {

namespace {

struct BucketCall {
  std::string_view operation;
  std::string_view attribute;
  std::string_view member;       // the response member kept; empty: the whole response
  std::string_view absent_code;  // AWS's "not configured" answer; empty: none
};

constexpr std::array kBucketCalls = {
    BucketCall{"GetBucketEncryption", "ServerSideEncryptionConfiguration",
               "ServerSideEncryptionConfiguration", "ServerSideEncryptionConfigurationNotFoundError"},
    BucketCall{"GetBucketVersioning", "Versioning", "", ""},
    BucketCall{"GetPublicAccessBlock", "PublicAccessBlockConfiguration",
               "PublicAccessBlockConfiguration", "NoSuchPublicAccessBlockConfiguration"},
    BucketCall{"GetBucketPolicy", "Policy", "Policy", "NoSuchBucketPolicy"},
    BucketCall{"GetBucketPolicyStatus", "PolicyStatus", "PolicyStatus", "NoSuchBucketPolicy"},
    BucketCall{"GetBucketAcl", "Acl", "", ""},
    BucketCall{"GetBucketOwnershipControls", "OwnershipControls", "OwnershipControls",
               "OwnershipControlsNotFoundError"},
    BucketCall{"GetBucketLogging", "Logging", "", ""},
    BucketCall{"GetBucketLifecycleConfiguration", "LifecycleRules", "Rules",
               "NoSuchLifecycleConfiguration"},
    BucketCall{"GetBucketReplication", "Replication", "ReplicationConfiguration",
               "ReplicationConfigurationNotFoundError"},
    BucketCall{"GetObjectLockConfiguration", "ObjectLock", "ObjectLockConfiguration",
               "ObjectLockConfigurationNotFoundError"},
    BucketCall{"GetBucketTagging", "Tags", "TagSet", "NoSuchTagSet"},
};

// GetBucketLocation's LocationConstraint -> region name.
std::string region_from_constraint(const Json& constraint) {
  if (!constraint.is_string() || constraint.get<std::string>().empty()) return "us-east-1";
  std::string c = constraint.get<std::string>();
  return c == "EU" ? "eu-west-1" : c;
}

// Sets resource.region and document.Location; returns the region to send calls to.
std::string locate_bucket(CollectTask& task, inventory::Resource& bucket, const Json& entry) {
  if (auto it = entry.find("BucketRegion"); it != entry.end() && it->is_string()) {
    bucket.region = it->get<std::string>();
    bucket.document["Location"] = bucket.region;
    return bucket.region;
  }
  auto location = task.describe(bucket, "s3", "GetBucketLocation", {{"Bucket", bucket.id}},
                                "Location", {}, task.region());
  if (!location) {
    bucket.region = std::string(inventory::kGlobalRegion);
    return task.region();
  }
  const Json constraint = member_or_null(*location, "LocationConstraint");
  bucket.region = region_from_constraint(constraint);
  bucket.document["Location"] = bucket.region;
  bucket.document["LocationConstraint"] = constraint;
  return bucket.region;
}

void collect_bucket(CollectTask& task, const Json& entry) {
  inventory::Resource bucket;
  bucket.account = task.account();
  bucket.type = "s3:bucket";
  bucket.id = entry.value("Name", "");
  bucket.name = bucket.id;
  bucket.arn = "arn:" + task.partition() + ":s3:::" + bucket.id;
  bucket.document = entry;
  const std::string region = locate_bucket(task, bucket, entry);
  const Json params = {{"Bucket", bucket.id}};
  for (const BucketCall& call : kBucketCalls) {
    auto response = describe_one(task, bucket, "s3", call.operation, params, call.attribute,
                                 call.absent_code, region);
    if (!response) continue;
    Json value = call.member.empty() ? *response : member_or_null(*response, call.member);
    if (call.attribute == "Policy") value = parse_embedded_json(value);
    if (call.attribute == "Tags") {
      value = tags_from_list(value);
      bucket.tags = value;
    }
    bucket.document[std::string(call.attribute)] = std::move(value);
  }
  task.emit(std::move(bucket));
}

void collect_s3(CollectTask& task) {
  auto buckets = task.list("s3", "ListBuckets", Json::object(), "s3:bucket");
  if (!buckets) return;
  for (const Json& entry : buckets->value("Buckets", Json::array())) {
    if (!entry.is_object() || !entry.contains("Name")) continue;
    task.spawn([&task, entry] { collect_bucket(task, entry); });
  }
}

}  // namespace

extern const CollectorSpec kCollector_s3{"s3", Scope::Global, collect_s3};

}  // namespace rampart::collect
