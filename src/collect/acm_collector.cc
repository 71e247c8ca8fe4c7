// The ACM collector (Regional): one `acm:certificate` per certificate (id = the certificate id,
// the last part of its ARN). The document is the ListCertificates summary plus, per
// certificate, `Certificate` (DescribeCertificate: NotAfter, InUseBy, KeyAlgorithm, Status,
// RenewalEligibility, ...) and `Tags` (ListTagsForCertificate).
//
// ListCertificates returns only RSA_2048 certificates unless Includes.keyTypes names the
// others, so every key type is asked for.
#include <utility>

#include "collect/collector.h"

namespace rampart::collect {

namespace {

Json all_key_types() {
  return Json{{"keyTypes", Json::array({"RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096",
                                        "EC_prime256v1", "EC_secp384r1", "EC_secp521r1"})}};
}

void describe_certificate(CollectTask& task, inventory::Resource& cert) {
  Json by_arn{{"CertificateArn", cert.arn}};
  if (auto d = task.describe(cert, "acm", "DescribeCertificate", by_arn, "Certificate")) {
    cert.document["Certificate"] = d->value("Certificate", Json());
  }
  if (auto t = task.describe(cert, "acm", "ListTagsForCertificate", by_arn, "Tags")) {
    Json list = t->value("Tags", Json::array());
    cert.tags = tags_from_list(list);
    cert.document["Tags"] = std::move(list);
  }
}

void collect_acm(CollectTask& task) {
  auto response =
      task.list("acm", "ListCertificates", Json{{"Includes", all_key_types()}}, "acm:certificate");
  if (!response) return;
  for (const Json& item : response->value("CertificateSummaryList", Json::array())) {
    inventory::Resource r;
    r.account = task.account();
    r.region = task.region();
    r.type = "acm:certificate";
    r.arn = item.value("CertificateArn", "");
    auto slash = r.arn.rfind('/');
    if (r.arn.empty() || slash == std::string::npos) continue;
    r.id = r.arn.substr(slash + 1);
    r.name = item.value("DomainName", "");
    r.document = item;
    task.spawn([&task, r = std::move(r)]() mutable {
      describe_certificate(task, r);
      task.emit(std::move(r));
    });
  }
}

}  // namespace

extern const CollectorSpec kCollector_acm;
const CollectorSpec kCollector_acm{"acm", Scope::Regional, &collect_acm};

}  // namespace rampart::collect
