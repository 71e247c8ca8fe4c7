// IAM account-wide settings and the entities outside the authorization details:
//  - account:summary (id = account id) gets SummaryMap from GetAccountSummary — the only
//    source of root MFA / root access keys where the credential report has no root row (moto);
//    the account collector fills the same resource's identity and organization;
//  - account:password-policy: GetAccountPasswordPolicy; NoSuchEntity = no policy = absent;
//  - virtual MFA devices (root's included; the seed and QR code moto returns are dropped),
//    instance profiles, SAML and OIDC providers (GetOpenIDConnectProvider per provider),
//    server certificates.
#include "collect/iam_internal.h"
#include "collect/response_util.h"

namespace rampart::collect::iam {

namespace {

// The name after the last '/' of an ARN ("arn:aws:iam::1:saml-provider/Okta" -> "Okta"), or
// the part after "oidc-provider/" (a URL host and path).
std::string arn_resource_name(const std::string& arn, std::string_view marker) {
  auto pos = arn.find(marker);
  if (pos != std::string::npos) return arn.substr(pos + marker.size());
  auto slash = arn.rfind('/');
  return slash == std::string::npos ? arn : arn.substr(slash + 1);
}

void collect_virtual_mfa(CollectTask& task) {
  auto devices = task.list("iam", "ListVirtualMFADevices", Json::object(), "iam:virtual-mfa-device");
  if (!devices) return;
  for (Json d : devices->value("VirtualMFADevices", Json::array())) {
    if (!d.is_object() || !d.contains("SerialNumber")) continue;
    d.erase("Base32StringSeed");  // secrets: never stored
    d.erase("QRCodePNG");
    std::string serial = d.value("SerialNumber", "");
    const Json user = d.value("User", Json::object());
    std::string user_arn = user.value("Arn", "");
    d["AssignedToRoot"] = user_arn.size() > 5 && user_arn.ends_with(":root");
    auto r = make_resource(task, "iam:virtual-mfa-device", serial, serial, d);
    r.name = d["AssignedToRoot"].get<bool>() ? "root" : user.value("UserName", serial);
    task.emit(std::move(r));
  }
}

void collect_providers(CollectTask& task) {
  if (auto saml = task.list("iam", "ListSAMLProviders", Json::object(), "iam:saml-provider")) {
    for (const Json& p : saml->value("SAMLProviderList", Json::array())) {
      std::string arn = p.value("Arn", "");
      if (arn.empty()) continue;
      task.emit(make_resource(task, "iam:saml-provider", arn_resource_name(arn, "saml-provider/"),
                              arn, p));
    }
  }
  auto oidc = task.list("iam", "ListOpenIDConnectProviders", Json::object(), "iam:oidc-provider");
  if (!oidc) return;
  for (const Json& p : oidc->value("OpenIDConnectProviderList", Json::array())) {
    std::string arn = p.value("Arn", "");
    if (arn.empty()) continue;
    auto r = make_resource(task, "iam:oidc-provider", arn_resource_name(arn, "oidc-provider/"),
                           arn, p);
    // Url stands for the whole GetOpenIDConnectProvider answer (ClientIDList, ThumbprintList).
    if (auto got = task.describe(r, "iam", "GetOpenIDConnectProvider",
                                 {{"OpenIDConnectProviderArn", arn}}, "Url")) {
      for (auto& [k, v] : got->items()) r.document[k] = v;
      r.tags = tags_from_list(r.document.value("Tags", Json::array()));
    }
    task.emit(std::move(r));
  }
}

}  // namespace

void collect_account_settings(CollectTask& task) {
  auto summary = make_resource(task, "account:summary", task.account(),
                               "arn:" + task.partition() + ":iam::" + task.account() + ":root",
                               Json::object());
  if (auto got = task.describe(summary, "iam", "GetAccountSummary", Json::object(), "SummaryMap")) {
    summary.document["SummaryMap"] = member_or_null(*got, "SummaryMap");
  }
  task.emit(std::move(summary));

  auto policy = make_resource(task, "account:password-policy", task.account(), "", Json::object());
  if (auto got = task.describe(policy, "iam", "GetAccountPasswordPolicy", Json::object(),
                               "PasswordPolicy", {"NoSuchEntity"})) {
    policy.document["PasswordPolicy"] = member_or_null(*got, "PasswordPolicy");
  }
  task.emit(std::move(policy));
}

void collect_other_entities(CollectTask& task) {
  collect_virtual_mfa(task);
  if (auto profiles = task.list("iam", "ListInstanceProfiles", Json::object(),
                                "iam:instance-profile")) {
    for (const Json& p : profiles->value("InstanceProfiles", Json::array())) {
      if (!p.is_object() || !p.contains("InstanceProfileName")) continue;
      task.emit(make_resource(task, "iam:instance-profile", p.value("InstanceProfileName", ""),
                              p.value("Arn", ""), p));
    }
  }
  collect_providers(task);
  if (auto certs = task.list("iam", "ListServerCertificates", Json::object(),
                             "iam:server-certificate")) {
    for (const Json& c : certs->value("ServerCertificateMetadataList", Json::array())) {
      if (!c.is_object() || !c.contains("ServerCertificateName")) continue;
      task.emit(make_resource(task, "iam:server-certificate", c.value("ServerCertificateName", ""),
                              c.value("Arn", ""), c));
    }
  }
}

}  // namespace rampart::collect::iam
