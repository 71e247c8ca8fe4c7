#!/usr/bin/env python3
"""The IAM permissions rampart's scan needs, from the calls a scan made.

    scan_policy.py generate SRC_COLLECT_DIR [CALLS.json ...] > data/iam/rampart-scan-policy.json

The operations come from two places, because a scan of one account only calls what that account
has resources for (no load balancer: no DescribeListeners):
  - the collectors' sources (src/collect/*.cc, tests excluded): every "service", "Operation"
    literal pair, and every bare "Operation" literal in a file of that service
    (s3_collector.cc, ec2_storage.cc, ...), kept only when botocore's model of the service has
    that operation;
  - CALLS.json files, what `rampart scan --record-calls FILE` writes: [{"service", "operation"}]. Each call becomes its IAM action: the service's IAM prefix (not always the
botocore id: elbv2 -> elasticloadbalancing, s3control -> s3, ...) and the action name (the
operation's, except for S3, whose REST operations have their own action names).
"""

import json
import sys

IAM_PREFIX = {
    "elb": "elasticloadbalancing",
    "elbv2": "elasticloadbalancing",
    "s3control": "s3",
    "accessanalyzer": "access-analyzer",
    "cloudwatch": "cloudwatch",
    "logs": "logs",
    "events": "events",
    "stepfunctions": "states",
}

# S3 operation -> IAM action, where they differ (AWS's "Actions defined by Amazon S3").
S3_ACTIONS = {
    "ListBuckets": "ListAllMyBuckets",
    "HeadBucket": "ListBucket",
    "ListObjects": "ListBucket",
    "ListObjectsV2": "ListBucket",
    "GetBucketEncryption": "GetEncryptionConfiguration",
    "GetBucketLifecycle": "GetLifecycleConfiguration",
    "GetBucketLifecycleConfiguration": "GetLifecycleConfiguration",
    "GetBucketReplication": "GetReplicationConfiguration",
    "GetPublicAccessBlock": "GetBucketPublicAccessBlock",
    "GetObjectLockConfiguration": "GetBucketObjectLockConfiguration",
    "GetBucketNotificationConfiguration": "GetBucketNotification",
    "GetBucketCors": "GetBucketCORS",
    "GetBucketAccelerateConfiguration": "GetAccelerateConfiguration",
    "GetBucketIntelligentTieringConfiguration": "GetIntelligentTieringConfiguration",
}
S3CONTROL_ACTIONS = {"GetPublicAccessBlock": "GetAccountPublicAccessBlock"}

# Where moto 5.2.1 names an action differently from AWS (its README / truth.md, and
# moto/s3/responses.py ACTION_MAP, which files every bucket GET it has no name for under
# s3:ListBucket): the enforced-emulator test grants these aliases too. Prefix entries end in ":".
MOTO_ALIASES = {
    "cloudwatch:": ["monitoring:"],
    "s3:ListBucket": ["s3:HeadBucket"],
    "s3:GetBucketPublicAccessBlock": ["s3:GetPublicAccessBlock", "s3:ListBucket"],
    "s3:GetAccountPublicAccessBlock": ["s3:GetPublicAccessBlock"],
    "s3:GetEncryptionConfiguration": ["s3:ListBucket"],
    "s3:GetBucketOwnershipControls": ["s3:ListBucket"],
    "s3:GetBucketPolicyStatus": ["s3:ListBucket"],
    "s3:GetReplicationConfiguration": ["s3:ListBucket"],
    "s3:GetBucketObjectLockConfiguration": ["s3:ListBucket"],
}


def action_for(service, operation):
    prefix = IAM_PREFIX.get(service, service)
    if service == "s3":
        return f"s3:{S3_ACTIONS.get(operation, operation)}"
    if service == "s3control":
        return f"s3:{S3CONTROL_ACTIONS.get(operation, operation)}"
    return f"{prefix}:{operation}"


def actions_for(calls):
    return sorted({action_for(c["service"], c["operation"]) for c in calls})


def policy(actions):
    return {"Version": "2012-10-17",
            "Statement": [{"Sid": "RampartScanReadOnly", "Effect": "Allow",
                           "Action": sorted(actions), "Resource": "*"}]}


def moto_aliases(actions):
    out = set()
    for a in actions:
        for aws_name, moto_names in MOTO_ALIASES.items():
            for moto_name in moto_names:
                if aws_name.endswith(":") and a.startswith(aws_name):
                    out.add(moto_name + a[len(aws_name):])
                elif a == aws_name:
                    out.add(moto_name)
    return sorted(out)


def calls_in_sources(src_dir):
    import glob
    import os
    import re
    import botocore.session
    session = botocore.session.get_session()
    available = set(session.get_available_services())
    ops = {}

    def operations(service):
        if service not in ops:
            ops[service] = set(session.get_service_model(service).operation_names) \
                if service in available else set()
        return ops[service]

    found = set()
    for path in sorted(glob.glob(os.path.join(src_dir, "*.cc"))):
        name = os.path.basename(path)
        if name.endswith("_test.cc"):
            continue
        with open(path) as f:
            text = f.read()
        for service, op in re.findall(r'"([a-z0-9-]+)",\s*"([A-Z][A-Za-z0-9]+)"', text):
            if op in operations(service):
                found.add((service, op))
        file_service = name.split("_", 1)[0]
        for op in re.findall(r'"([A-Z][A-Za-z0-9]+)"', text):
            if op in operations(file_service):
                found.add((file_service, op))
    return [{"service": s, "operation": o} for s, o in sorted(found)]


def main(argv):
    if len(argv) < 2 or argv[0] != "generate":
        print(__doc__)
        return 2
    calls = calls_in_sources(argv[1])
    for path in argv[2:]:
        with open(path) as f:
            calls += json.load(f)
    print(json.dumps(policy(actions_for(calls)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
