#!/usr/bin/env python3
"""Prints the expected values used by rampart's model/endpoint tests, computed by botocore.

The C++ tests must not compare rampart against itself, so their expected CLI operation names
and endpoints come from botocore: xform_name() for the names, and for endpoints the URL and
SigV4 credential scope of a real (intercepted, never sent) signed request.
Needs botocore (not only the standard library); it is a verification tool, not a build step.
Usage: tools/botocore_truth.py xform|endpoints|protocols
"""

import os
import re
import sys

import botocore
import botocore.session
from botocore.awsrequest import AWSResponse

SERVICES = [
    "ec2", "s3", "s3control", "rds", "iam", "sts", "kms", "secretsmanager", "cloudtrail",
    "cloudwatch", "logs", "guardduty", "config", "elbv2", "elb", "cloudformation", "sns",
    "events", "organizations", "lambda", "acm", "backup", "accessanalyzer", "securityhub",
    "autoscaling",
]

XFORM_NAMES = [
    "DescribeDBInstances", "GetCallerIdentity", "ListMFADevices", "ListVirtualMFADevices",
    "GetSAMLProvider", "ListSAMLProviders", "GetSSHPublicKey", "ListSSHPublicKeys",
    "ListOpenIDConnectProviders", "GetOpenIDConnectProvider", "DescribeDBClusterSnapshots",
    "DescribeDBClusterSnapshotAttributes", "DescribeDBSnapshotAttributes", "ListObjectsV2",
    "GetBucketAcl", "GetPublicAccessBlock", "HeadBucket", "DescribeVpcEndpointServiceConfigurations",
    "DescribeIpv6Pools", "DescribeInstanceTypeOfferings", "GetEbsEncryptionByDefault",
    "DescribeVpcs", "DescribeNetworkAcls", "DescribeImages", "GetAccountAuthorizationDetails",
    "GenerateCredentialReport", "AssumeRoleWithWebIdentity", "ListWebACLs", "ListGatewayARNs",
    "DescribeCachediSCSIVolumes", "ListHITsForQualificationType", "ExecutePartiQLStatement",
    "GetOTelEnrichment", "DescribeEC2InstanceLimits", "ListCACertificates", "GetKeyRotationStatus",
    "ListTagsForResource", "DescribeLoadBalancerPolicyTypes", "ListAccessPointsForObjectLambda",
    "GetDataRetrievalPolicy", "DescribeDhcpOptions", "DescribeTrails", "ListAWSServiceAccessForOrganization",
    "DescribeConfigurationRecorderStatus", "GetIPSet", "ListIPSets", "GetS3AccessPolicy",
    "DescribeIdentityIdFormat", "GetConsoleOutput", "ListFunctionsByCodeSigningConfig",
    "DescribeStackSetOperation", "GetSMSAttributes", "ListPhoneNumbersOptedOut",
    "describe-already-dashed", "ARNs", "DescribeAddressesAttribute", "GetMFADevice",
    "ListDBProxyTargets", "Ec2", "ABCDef", "A1B2", "ListVPCEConfigurations",
]

OPS = {
    "ec2": ("describe_regions", {}), "s3": ("list_buckets", {}),
    "s3control": ("list_access_points", {"AccountId": "123456789012"}),
    "rds": ("describe_db_instances", {}), "iam": ("list_users", {}),
    "sts": ("get_caller_identity", {}), "kms": ("list_keys", {}),
    "secretsmanager": ("list_secrets", {}), "cloudtrail": ("describe_trails", {}),
    "cloudwatch": ("describe_alarms", {}), "logs": ("describe_log_groups", {}),
    "guardduty": ("list_detectors", {}), "config": ("describe_config_rules", {}),
    "elbv2": ("describe_load_balancers", {}), "elb": ("describe_load_balancers", {}),
    "cloudformation": ("list_stacks", {}), "sns": ("list_topics", {}),
    "events": ("list_rules", {}), "organizations": ("describe_organization", {}),
    "lambda": ("list_functions", {}), "acm": ("list_certificates", {}),
    "backup": ("list_backup_vaults", {}), "accessanalyzer": ("list_analyzers", {}),
    "securityhub": ("describe_hub", {}), "autoscaling": ("describe_auto_scaling_groups", {}),
}

# (services, regions, environment) groups of the endpoint table.
ENDPOINT_CASES = [
    (SERVICES, ["eu-west-1", "cn-north-1", "us-gov-west-1"], {}),
    (["iam", "sts", "s3", "organizations", "ec2"], ["us-east-1"], {}),
    (["iam", "organizations", "s3", "sts", "s3control"],
     ["cn-northwest-1", "us-gov-east-1", "ap-southeast-7", "us-east-9", "xx-foo-1"], {}),
    (["sts"], ["us-east-1", "eu-west-1", "ap-east-1", "cn-north-1"],
     {"AWS_STS_REGIONAL_ENDPOINTS": "legacy"}),
    (["s3"], ["us-east-1"], {"AWS_S3_US_EAST_1_REGIONAL_ENDPOINT": "regional"}),
]


def xform():
    for name in XFORM_NAMES:
        print(f'    {{"{name}", "{botocore.xform_name(name, "-")}"}},')


def signed_request(session, service, region):
    captured = {}

    def hook(request, **_):
        captured["url"] = request.url
        auth = request.headers.get("Authorization", b"")
        auth = auth.decode() if isinstance(auth, bytes) else auth
        m = re.search(r"Credential=[^/]+/\d+/([^/]+)/([^/]+)/aws4_request", auth)
        captured["scope"] = m.groups() if m else ("", "")
        response = AWSResponse(request.url, 400, {}, None)
        response._content = b"<E/>"  # pylint: disable=protected-access
        return response

    client = session.create_client(service, region_name=region,
                                   aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="x")
    client.meta.events.register("before-send", hook)
    op, args = OPS[service]
    try:
        getattr(client, op)(**args)
    except Exception:  # pylint: disable=broad-except
        pass  # the fake 400 response is expected to fail
    return client.meta.endpoint_url, captured["scope"]


def endpoints():
    for services, regions, env in ENDPOINT_CASES:
        for key in [k for k in os.environ if k.startswith("AWS_")]:
            del os.environ[key]
        os.environ.update(env)
        session = botocore.session.get_session()
        env_text = ", ".join(f'{{"{k}", "{v}"}}' for k, v in env.items())
        for service in services:
            for region in regions:
                url, (scope_region, scope_service) = signed_request(session, service, region)
                print(f'    {{"{service}", "{region}", {{{env_text}}}, "{url}", '
                      f'"{scope_region}", "{scope_service}"}},')


def protocols():
    session = botocore.session.get_session()
    for service in SERVICES:
        model = session.get_service_model(service)
        print(f'    {{"{service}", "{model.resolved_protocol}", "{model.signing_name}", '
              f'"{model.endpoint_prefix}"}},')


if __name__ == "__main__":
    {"xform": xform, "endpoints": endpoints, "protocols": protocols}[sys.argv[1]]()
