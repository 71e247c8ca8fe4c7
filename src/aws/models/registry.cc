// Service lookup over the generated models, and botocore's xform_name for CLI operation names.
// xform_name (botocore/__init__.py) is ported without std::regex: the three regular
// expressions it applies are simple enough to scan by hand, with the same leftmost,
// non-overlapping match semantics as Python's re.sub.
#include "aws/models/registry.h"

#include <algorithm>
#include <array>
#include <utility>

#include "aws/models/gen/services.h"

namespace rampart::aws::models {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), to_lower);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return to_lower(x) == to_lower(y);
         });
}

// botocore's _xform_cache: names its regular expressions get wrong (all in services rampart
// does not compile in, kept so the port stays faithful for run-time loaded models).
constexpr std::array<std::pair<std::string_view, std::string_view>, 29> kSpecialCases = {{
    {"CreateCachediSCSIVolume", "create-cached-iscsi-volume"},
    {"DescribeCachediSCSIVolumes", "describe-cached-iscsi-volumes"},
    {"DescribeStorediSCSIVolumes", "describe-stored-iscsi-volumes"},
    {"CreateStorediSCSIVolume", "create-stored-iscsi-volume"},
    {"ListHITsForQualificationType", "list-hits-for-qualification-type"},
    {"ExecutePartiQLStatement", "execute-partiql-statement"},
    {"ExecutePartiQLTransaction", "execute-partiql-transaction"},
    {"ExecutePartiQLBatch", "execute-partiql-batch"},
    {"AssociateWhatsAppBusinessAccount", "associate-whatsapp-business-account"},
    {"CreateWhatsAppMessageTemplate", "create-whatsapp-message-template"},
    {"CreateWhatsAppMessageTemplateFromLibrary", "create-whatsapp-message-template-from-library"},
    {"CreateWhatsAppMessageTemplateMedia", "create-whatsapp-message-template-media"},
    {"DeleteWhatsAppMessageMedia", "delete-whatsapp-message-media"},
    {"DeleteWhatsAppMessageTemplate", "delete-whatsapp-message-template"},
    {"DisassociateWhatsAppBusinessAccount", "disassociate-whatsapp-business-account"},
    {"GetLinkedWhatsAppBusinessAccount", "get-linked-whatsapp-business-account"},
    {"GetLinkedWhatsAppBusinessAccountPhoneNumber",
     "get-linked-whatsapp-business-account-phone-number"},
    {"GetOTelEnrichment", "get-otel-enrichment"},
    {"GetWhatsAppMessageMedia", "get-whatsapp-message-media"},
    {"GetWhatsAppMessageTemplate", "get-whatsapp-message-template"},
    {"ListLinkedWhatsAppBusinessAccounts", "list-linked-whatsapp-business-accounts"},
    {"ListWhatsAppMessageTemplates", "list-whatsapp-message-templates"},
    {"ListWhatsAppTemplateLibrary", "list-whatsapp-template-library"},
    {"PostWhatsAppMessageMedia", "post-whatsapp-message-media"},
    {"PutWhatsAppBusinessAccountEventDestinations",
     "put-whatsapp-business-account-event-destinations"},
    {"SendWhatsAppMessage", "send-whatsapp-message"},
    {"StartOTelEnrichment", "start-otel-enrichment"},
    {"StopOTelEnrichment", "stop-otel-enrichment"},
    {"UpdateWhatsAppMessageTemplate", "update-whatsapp-message-template"},
}};

// botocore's CLI command names that differ from the botocore id.
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kCliCommands = {{
    {"s3", "s3api"},
    {"config", "configservice"},
}};

// re.compile('[A-Z]{2,}s$').search(name): "GatewayARNs" -> "Gateway-arns".
std::string split_plural_acronym(std::string_view name, char sep) {
  if (name.size() < 3 || name.back() != 's') return std::string(name);
  std::size_t start = name.size() - 1;
  while (start > 0 && is_upper(name[start - 1])) --start;
  if (name.size() - 1 - start < 2) return std::string(name);
  std::string out(name.substr(0, start));
  out += sep;
  out += lowered(name.substr(start));
  return out;
}

// re.sub('(.)([A-Z][a-z]+)', r'\1-\2', s)
std::string split_capitalized_words(std::string_view s, char sep) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (i + 2 < s.size() && is_upper(s[i + 1]) && is_lower(s[i + 2])) {
      std::size_t end = i + 2;
      while (end < s.size() && is_lower(s[end])) ++end;
      out += s[i];
      out += sep;
      out.append(s.substr(i + 1, end - i - 1));
      i = end;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// re.sub('([a-z0-9])([A-Z])', r'\1-\2', s)
std::string split_lower_upper(std::string_view s, char sep) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (i + 1 < s.size() && (is_lower(s[i]) || is_digit(s[i])) && is_upper(s[i + 1])) {
      out += s[i];
      out += sep;
      out += s[i + 1];
      i += 2;
    } else {
      out += s[i++];
    }
  }
  return out;
}

}  // namespace

std::span<const ServiceModel* const> all_services() { return generated_services(); }

std::string_view botocore_version() { return kBotocoreVersion; }

std::string_view cli_command_name(const ServiceModel& model) {
  for (const auto& [id, cli] : kCliCommands) {
    if (model.metadata.id == id) return cli;
  }
  return model.metadata.id;
}

const ServiceModel* find_service(std::string_view name) {
  for (const ServiceModel* model : all_services()) {
    if (iequals(name, model->metadata.id) || iequals(name, cli_command_name(*model))) {
      return model;
    }
  }
  return nullptr;
}

std::string cli_operation_name(std::string_view operation) {
  constexpr char kSep = '-';
  if (operation.find(kSep) != std::string_view::npos) return std::string(operation);
  for (const auto& [name, cli] : kSpecialCases) {
    if (name == operation) return std::string(cli);
  }
  std::string s = split_plural_acronym(operation, kSep);
  s = split_capitalized_words(s, kSep);
  return lowered(split_lower_upper(s, kSep));
}

const Operation* find_operation_by_cli_name(const ServiceModel& model, std::string_view cli_name) {
  const std::string wanted = lowered(cli_name);
  for (const Operation& op : model.operations) {
    if (cli_operation_name(op.name) == wanted) return &op;
  }
  return nullptr;
}

}  // namespace rampart::aws::models
