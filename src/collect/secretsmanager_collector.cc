// Secrets Manager secrets per region (`secretsmanager:secret`, id = the secret's ARN, name =
// its Name): ListSecrets (rotation settings, last rotated / changed / accessed dates, KMS key,
// tags), DescribeSecret merged on top (adds ReplicationStatus, VersionIdsToStages), and
// GetResourcePolicy parsed to JSON into ResourcePolicy (absent when the secret has none).
// Never GetSecretValue: rampart reads configuration, not secrets.
#include "collect/collector.h"
#include "collect/response_util.h"

namespace rampart::collect {

namespace {

void collect_secret(CollectTask& task, const Json& entry) {
  inventory::Resource secret;
  secret.account = task.account();
  secret.region = task.region();
  secret.type = "secretsmanager:secret";
  secret.arn = entry.value("ARN", "");
  secret.id = secret.arn.empty() ? entry.value("Name", "") : secret.arn;
  secret.name = entry.value("Name", "");
  secret.document = entry;
  const Json id = {{"SecretId", secret.id}};
  // DescribeSecret's extra members are what ListSecrets lacks: ReplicationStatus stands for it.
  if (auto described = task.describe(secret, "secretsmanager", "DescribeSecret", id,
                                     "ReplicationStatus")) {
    for (auto& [k, v] : described->items()) secret.document[k] = v;
  }
  if (auto policy = task.describe(secret, "secretsmanager", "GetResourcePolicy", id,
                                  "ResourcePolicy")) {
    secret.document["ResourcePolicy"] = parse_embedded_json(member_or_null(*policy, "ResourcePolicy"));
  }
  secret.tags = tags_from_list(secret.document.value("Tags", Json::array()));
  task.emit(std::move(secret));
}

void collect_secretsmanager(CollectTask& task) {
  auto secrets = task.list("secretsmanager", "ListSecrets", Json::object(), "secretsmanager:secret");
  if (!secrets) return;
  for (const Json& entry : secrets->value("SecretList", Json::array())) {
    if (!entry.is_object() || !(entry.contains("ARN") || entry.contains("Name"))) continue;
    task.spawn([&task, entry] { collect_secret(task, entry); });
  }
}

}  // namespace

extern const CollectorSpec kCollector_secretsmanager{"secretsmanager", Scope::Regional,
                                                     collect_secretsmanager};

}  // namespace rampart::collect
