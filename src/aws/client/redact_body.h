// Masks secret values in a response body before --debug prints it: the XML elements and JSON
// members AWS uses for credentials and secrets (STS/SSO credentials, ECS/IMDS credential
// documents, Secrets Manager values, passwords).
#pragma once

#include <string>
#include <string_view>

namespace rampart::aws {

std::string redact_body(std::string_view body);

}  // namespace rampart::aws
