// Looks up the compiled AWS service models (src/aws/models/gen, generated from botocore by
// tools/gen_models.py) by botocore id or AWS CLI command name, and maps operation names to
// and from their CLI spelling ("DescribeDBInstances" <-> "describe-db-instances").
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "aws/model/model.h"

namespace rampart::aws::models {

// botocore id ("ec2", "elbv2", "logs") or AWS CLI command ("s3api", "configservice"),
// case-insensitively; nullptr when unknown.
const ServiceModel* find_service(std::string_view name);

// Every compiled service, sorted by botocore id.
std::span<const ServiceModel* const> all_services();

// The AWS CLI command of a service: "s3api" for s3, "configservice" for config, else the id.
std::string_view cli_command_name(const ServiceModel& model);

// botocore's xform_name(op, '-'): "ListMFADevices" -> "list-mfa-devices".
std::string cli_operation_name(std::string_view operation);

// The operation whose CLI name is cli_name (case-insensitive); nullptr when none.
const Operation* find_operation_by_cli_name(const ServiceModel& model, std::string_view cli_name);

// The botocore release the tables were generated from ("1.43.11").
std::string_view botocore_version();

}  // namespace rampart::aws::models
