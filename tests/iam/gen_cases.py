#!/usr/bin/env python3
"""Random IAM authorization cases for the differential test against iam-simulate.

Deterministic for a given seed. Writes a rampart-iam-case/1 file (shared/testdata/iam/README.md);
`expected` is a placeholder: the differential harness compares two engines, not a fixed answer.

The grammar covers every feature of rampart's evaluator: Allow/Deny; Action/NotAction with
wildcards and case variations; Resource/NotResource with ARN globs and policy variables (with
defaults and the ${*} ${?} ${$} escapes); Principal/NotPrincipal (account, root, user, role,
session, service, "*"); every condition operator family with IfExists, ForAnyValue and
ForAllValues over absent, single- and multi-valued keys; Version 2012-10-17, 2008-10-17 and
absent; identity + permissions boundary + session policy + resource policy + SCP levels + RCPs +
VPC endpoint policies; same- and cross-account requests, role trust and KMS key policies.
Every input is valid for iam-simulate's own validation (real actions, resource ARNs of the
action's resource type, global condition keys of the right type).
Usage: gen_cases.py --seed 1 --count 10000 --out cases.json
"""
import argparse
import json
import random

A, B, C = "111111111111", "222222222222", "333333333333"
MGMT = "999999999999"
REGION = "us-east-1"

# action -> resource ARN template(s); {acct} is the resource account.
ACTIONS = {
    "s3:GetObject": ["arn:aws:s3:::bucket-{b}/home/alice/notes.txt",
                     "arn:aws:s3:::bucket-{b}/public/index.html",
                     "arn:aws:s3:::bucket-{b}/home/bob/data.csv"],
    "s3:PutObject": ["arn:aws:s3:::bucket-{b}/home/alice/new.txt",
                     "arn:aws:s3:::bucket-{b}/uploads/2024/x.bin"],
    "s3:DeleteObject": ["arn:aws:s3:::bucket-{b}/home/bob/old.txt"],
    "s3:ListBucket": ["arn:aws:s3:::bucket-{b}"],
    "sqs:SendMessage": ["arn:aws:sqs:us-east-1:{acct}:orders"],
    "sqs:ReceiveMessage": ["arn:aws:sqs:us-east-1:{acct}:orders-dlq"],
    "sns:Publish": ["arn:aws:sns:us-east-1:{acct}:alerts"],
    "dynamodb:GetItem": ["arn:aws:dynamodb:us-east-1:{acct}:table/Orders"],
    "lambda:InvokeFunction": ["arn:aws:lambda:us-east-1:{acct}:function:resize"],
    "secretsmanager:GetSecretValue": ["arn:aws:secretsmanager:us-east-1:{acct}:secret:db-AbCdEf"],
    "kms:Decrypt": ["arn:aws:kms:us-east-1:{acct}:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
    "sts:AssumeRole": ["arn:aws:iam::{acct}:role/target", "arn:aws:iam::{acct}:role/ops/deployer"],
    "iam:GetUser": ["arn:aws:iam::{acct}:user/alice"],
    "ec2:DescribeInstances": ["*"],
}
SERVICE_ACTIONS = {
    "s3": ["GetObject", "PutObject", "DeleteObject", "ListBucket", "GetBucketPolicy"],
    "sqs": ["SendMessage", "ReceiveMessage", "DeleteMessage"],
    "sns": ["Publish", "Subscribe"],
    "dynamodb": ["GetItem", "PutItem", "Query"],
    "lambda": ["InvokeFunction", "GetFunction"],
    "secretsmanager": ["GetSecretValue", "DescribeSecret"],
    "kms": ["Decrypt", "Encrypt", "GenerateDataKey"],
    "sts": ["AssumeRole", "TagSession"],
    "iam": ["GetUser", "GetRole", "PassRole"],
    "ec2": ["DescribeInstances", "RunInstances"],
}

# Condition keys by type, with value pools shared by policies and requests so they meet often.
STRING_KEYS = {
    "aws:username": ["alice", "bob", "Alice", "carol"],
    "aws:PrincipalTag/team": ["red", "blue", "Red"],
    "aws:RequestTag/env": ["prod", "dev", "prod-eu"],
    "aws:PrincipalOrgID": ["o-aaaa1111", "o-bbbb2222"],
    "aws:SourceVpce": ["vpce-1a2b3c", "vpce-9z8y7x"],
    "aws:PrincipalAccount": [A, B],
    "aws:RequestedRegion": ["us-east-1", "eu-west-1"],
    "aws:userid": ["AIDAALICE", "AROAAPP:session1"],
}
NUMERIC_KEYS = {"aws:MultiFactorAuthAge": ["0", "300", "3600", "86400"]}
DATE_KEYS = {
    "aws:CurrentTime": ["2024-01-01T00:00:00Z", "2024-06-01T12:00:00Z", "2025-03-15T08:30:00Z"],
    "aws:EpochTime": ["1704067200", "1717243200", "1742027400"],
    "aws:TokenIssueTime": ["2024-06-01T11:00:00Z", "2024-06-01T12:00:00Z"],
}
BOOL_KEYS = {"aws:SecureTransport": ["true", "false"], "aws:MultiFactorAuthPresent": ["true", "false"],
             "aws:ViaAWSService": ["true", "false"]}
IP_KEYS = {"aws:SourceIp": ["203.0.113.10", "198.51.100.7", "10.1.2.3", "2001:db8::5"]}
ARN_KEYS = {
    "aws:PrincipalArn": [f"arn:aws:iam::{A}:role/app", f"arn:aws:iam::{A}:user/alice",
                         f"arn:aws:iam::{B}:role/partner"],
    "aws:SourceArn": [f"arn:aws:sns:us-east-1:{A}:alerts", f"arn:aws:s3:::bucket-a",
                      f"arn:aws:lambda:us-east-1:{B}:function:x"],
}
MULTI_KEYS = {
    "aws:TagKeys": ["env", "cost", "owner", "Env"],
    "aws:PrincipalOrgPaths": ["o-aaaa1111/r-ab12/ou-ab12-1111/", "o-aaaa1111/r-ab12/ou-ab12-2222/"],
    "aws:CalledVia": ["cloudformation.amazonaws.com", "athena.amazonaws.com"],
    "aws:PrincipalServiceNamesList": ["ec2.amazonaws.com", "lambda.amazonaws.com"],
}
STRING_OPS = ["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
              "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike"]
NUMERIC_OPS = ["NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
               "NumericGreaterThan", "NumericGreaterThanEquals"]
DATE_OPS = ["DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
            "DateGreaterThan", "DateGreaterThanEquals"]
ARN_OPS = ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"]
CIDRS = ["203.0.113.0/24", "198.51.100.7/32", "10.0.0.0/8", "2001:db8::/32", "0.0.0.0/0",
         "203.0.113.10"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(list(seq))

    def some(self, seq, lo, hi):
        seq = list(seq)
        return self.r.sample(seq, min(len(seq), self.r.randint(lo, hi)))

    def one_or_list(self, values):
        if len(values) == 1 and self.chance(0.6):
            return values[0]
        return values

    # ---- principals ----------------------------------------------------------------------
    def principal(self):
        acct = A if self.chance(0.75) else B
        kinds = [("user", 5), ("role", 3), ("session", 5), ("root", 1), ("federated", 1),
                 ("anonymous", 1), ("slr", 0.3)]
        kind = self.r.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
        if kind == "user":
            return kind, acct, self.pick([f"arn:aws:iam::{acct}:user/alice",
                                          f"arn:aws:iam::{acct}:user/bob",
                                          f"arn:aws:iam::{acct}:user/dev/carol"])
        if kind == "role":
            return kind, acct, self.pick([f"arn:aws:iam::{acct}:role/app",
                                          f"arn:aws:iam::{acct}:role/ops/deployer"])
        if kind == "session":
            return kind, acct, self.pick([f"arn:aws:sts::{acct}:assumed-role/app/session1",
                                          f"arn:aws:sts::{acct}:assumed-role/deployer/ci"])
        if kind == "root":
            return kind, acct, f"arn:aws:iam::{acct}:root"
        if kind == "federated":
            return kind, acct, f"arn:aws:sts::{acct}:federated-user/fed1"
        if kind == "slr":
            return kind, acct, (f"arn:aws:iam::{acct}:role/aws-service-role/"
                                "autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling")
        return kind, "", "anonymous"

    def principal_value(self, req_principal, req_acct):
        """A value for Principal.AWS that is related to the request principal."""
        other = B if req_acct == A else A
        acct = req_acct if (req_acct and self.chance(0.7)) else other
        options = [acct, f"arn:aws:iam::{acct}:root", f"arn:aws:iam::{acct}:user/alice",
                   f"arn:aws:iam::{acct}:role/app", f"arn:aws:iam::{acct}:role/ops/deployer",
                   f"arn:aws:sts::{acct}:assumed-role/app/session1"]
        if req_principal != "anonymous" and self.chance(0.3):
            return req_principal
        return self.pick(options)

    def principal_element(self, req_principal, req_acct):
        roll = self.r.random()
        if roll < 0.15:
            return "*"
        if roll < 0.22:
            return {"AWS": "*"}
        if roll < 0.27:
            return {"Service": self.pick(["sns.amazonaws.com", "lambda.amazonaws.com"])}
        vals = [self.principal_value(req_principal, req_acct) for _ in range(self.r.randint(1, 2))]
        return {"AWS": self.one_or_list(vals)}

    # ---- actions and resources ----------------------------------------------------------
    def action_pattern(self, action):
        svc, name = action.split(":")
        roll = self.r.random()
        if roll < 0.30:
            return action
        if roll < 0.40:
            return f"{svc}:*"
        if roll < 0.45:
            return "*"
        if roll < 0.55:
            return f"{svc}:{name[:3]}*"
        if roll < 0.62:
            return f"{svc}:*{name[-4:]}"
        if roll < 0.67:
            return f"{svc}:?{name[1:]}"
        if roll < 0.75:
            return action.upper() if self.chance(0.5) else action.lower()
        other = self.pick([s for s in SERVICE_ACTIONS if s != svc] + [svc])
        return f"{other}:{self.pick(SERVICE_ACTIONS[other])}"

    def resource_pattern(self, resource, version):
        if resource == "*":
            return "*"
        roll = self.r.random()
        if roll < 0.25:
            return resource
        if roll < 0.35:
            return "*"
        parts = resource.split(":", 5)
        if roll < 0.45:  # wildcard region/account fields
            parts[3] = "*" if parts[3] else parts[3]
            parts[4] = self.pick(["*", A, B]) if parts[4] else parts[4]
            return ":".join(parts)
        if roll < 0.55:  # trailing glob
            cut = self.r.randint(max(len(resource) - 12, 13), len(resource) - 1)
            return resource[:cut] + "*"
        if roll < 0.62:  # single-character glob
            # '?' replaces one character, never a ':' (a malformed ARN is not this test's topic)
            i = self.pick([k for k in range(13, len(resource)) if resource[k] != ":"])
            return resource[:i] + "?" + resource[i + 1:]
        if roll < 0.80 and resource.startswith("arn:aws:s3:::"):
            bucket = resource[13:].split("/")[0]
            var = self.pick(["${aws:username}", "${aws:PrincipalTag/team}",
                             "${aws:username, 'alice'}", "${aws:PrincipalTag/team, 'red'}",
                             "${aws:username}*", "${*}", "${?}", "${$}"])
            return f"arn:aws:s3:::{bucket}/home/{var}/*"
        if roll < 0.88:
            return resource.replace("us-east-1", "eu-west-1") if "us-east-1" in resource else \
                resource + "-other"
        return resource.upper() if self.chance(0.5) else resource + "*"

    # ---- conditions ----------------------------------------------------------------------
    def condition_block(self, version):
        cond = {}
        for _ in range(self.r.randint(1, 2)):
            op, key, values = self.one_condition()
            cond.setdefault(op, {})[key] = values
        return cond

    def one_condition(self):
        family = self.r.choices(
            ["string", "numeric", "date", "bool", "ip", "arn", "multi", "null", "binary", "var"],
            [6, 2, 2, 2, 2, 2, 4, 2, 0.5, 1.5])[0]
        suffix = "IfExists" if self.chance(0.2) else ""
        if family == "string":
            key = self.pick(STRING_KEYS)
            op = self.pick(STRING_OPS)
            vals = self.some(STRING_KEYS[key], 1, 2)
            if op.endswith("Like") and self.chance(0.5):
                vals = [v[:2] + "*" if self.chance(0.7) else "?" + v[1:] for v in vals]
            return op + suffix, key, self.one_or_list(vals)
        if family == "numeric":
            key = self.pick(NUMERIC_KEYS)
            vals = self.some(NUMERIC_KEYS[key], 1, 2)
            return self.pick(NUMERIC_OPS) + suffix, key, self.one_or_list(vals)
        if family == "date":
            key = self.pick(DATE_KEYS)
            vals = self.some(DATE_KEYS["aws:CurrentTime"] + DATE_KEYS["aws:EpochTime"], 1, 1)
            return self.pick(DATE_OPS) + suffix, key, self.one_or_list(vals)
        if family == "bool":
            key = self.pick(BOOL_KEYS)
            val = self.pick(["true", "false", True, False])
            return "Bool" + suffix, key, val
        if family == "ip":
            key = self.pick(IP_KEYS)
            vals = self.some(CIDRS, 1, 2)
            return self.pick(["IpAddress", "NotIpAddress"]) + suffix, key, self.one_or_list(vals)
        if family == "arn":
            key = self.pick(ARN_KEYS)
            vals = self.some(ARN_KEYS[key], 1, 2)
            vals = [v if self.chance(0.6) else v.rsplit(":", 1)[0] + ":*" for v in vals]
            op = self.pick(ARN_OPS + ["StringLike", "StringEquals"])
            return op + suffix, key, self.one_or_list(vals)
        if family == "multi":
            key = self.pick(MULTI_KEYS)
            # Multivalued keys always take a set operator: AWS leaves an unqualified operator on
            # them undefined ("Multivalued context keys require a condition set operator").
            qual = self.pick(["ForAnyValue:", "ForAllValues:"])
            op = self.pick(["StringEquals", "StringLike", "StringNotEquals", "StringNotLike",
                            "StringEqualsIgnoreCase"])
            vals = self.some(MULTI_KEYS[key], 1, 3)
            if op.endswith("Like") and self.chance(0.4):
                vals = [v[:3] + "*" for v in vals]
            return qual + op + suffix, key, self.one_or_list(vals)
        if family == "null":
            key = self.pick(list(STRING_KEYS) + list(MULTI_KEYS) + list(BOOL_KEYS))
            return "Null", key, self.pick(["true", "false", True, False])
        if family == "binary":
            return "BinaryEquals" + suffix, "aws:username", self.pick(["YWxpY2U=", "Ym9i"])
        # Policy variables in condition values.
        key = self.pick(["aws:RequestTag/env", "aws:PrincipalTag/team", "aws:userid"])
        var = self.pick(["${aws:username}", "${aws:PrincipalTag/team}",
                         "${aws:PrincipalTag/team, 'red'}", "prod-${aws:RequestedRegion}"])
        return self.pick(["StringEquals", "StringLike", "StringNotEquals"]) + suffix, key, var

    def context(self):
        ctx = {}
        pools = [STRING_KEYS, NUMERIC_KEYS, DATE_KEYS, BOOL_KEYS, IP_KEYS, ARN_KEYS]
        for pool in pools:
            for key, vals in pool.items():
                if self.chance(0.45):
                    v = self.pick(vals)
                    if pool is DATE_KEYS and key != "aws:EpochTime" and self.chance(0.3):
                        v = self.pick(DATE_KEYS["aws:CurrentTime"])
                    ctx[key] = v
        for key, vals in MULTI_KEYS.items():
            if self.chance(0.45):
                ctx[key] = self.some(vals, 0 if self.chance(0.15) else 1, 3)
        if "aws:username" in ctx and self.chance(0.5):
            ctx["aws:RequestTag/env"] = ctx["aws:username"]
        return ctx

    # ---- statements and policies ---------------------------------------------------------
    def statement(self, kind, rq, version):
        st = {}
        if self.chance(0.2):
            st["Sid"] = f"S{self.r.randint(0, 999)}"
        if kind == "rcp":
            st["Effect"] = "Deny"
        else:
            st["Effect"] = "Deny" if self.chance(0.2 if kind != "scp" else 0.3) else "Allow"
        if kind in ("resource", "trust"):
            key = "NotPrincipal" if (st["Effect"] == "Deny" and self.chance(0.15)) else "Principal"
            st[key] = self.principal_element(rq["principal"], rq["principal_account"])
        elif kind in ("rcp", "endpoint"):
            st["Principal"] = "*"
        actions = [self.action_pattern(rq["action"]) for _ in range(self.r.randint(1, 2))]
        if kind == "rcp":
            actions = [a if a != "*" else rq["action"] for a in actions]
            st["Action"] = self.one_or_list(actions)
        elif self.chance(0.12):
            st["NotAction"] = self.one_or_list(actions)
        else:
            st["Action"] = self.one_or_list(actions)
        if kind != "trust":
            resources = [self.resource_pattern(rq["resource"], version)
                         for _ in range(self.r.randint(1, 2))]
            if kind != "rcp" and self.chance(0.1):
                st["NotResource"] = self.one_or_list(resources)
            else:
                st["Resource"] = self.one_or_list(resources)
        if self.chance(0.45 if kind not in ("scp", "rcp") else 0.3):
            st["Condition"] = self.condition_block(version)
        return st

    def policy(self, kind, rq, lo=1, hi=3):
        roll = self.r.random()
        version = "2012-10-17" if roll < 0.8 else ("2008-10-17" if roll < 0.9 else None)
        if kind == "rcp":
            version = "2012-10-17"
        stmts = [self.statement(kind, rq, version) for _ in range(self.r.randint(lo, hi))]
        doc = {}
        if version:
            doc["Version"] = version
        doc["Statement"] = stmts[0] if (len(stmts) == 1 and self.chance(0.3)) else stmts
        return doc

    def full_access(self):
        return {"Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}

    def case(self, index):
        kind, pacct, principal = self.principal()
        action = self.pick(ACTIONS)
        if self.chance(0.6) and pacct:
            racct = pacct
        else:
            racct = self.pick([A, B, C])
        resource = self.pick(ACTIONS[action]).format(acct=racct, b=self.pick(["a", "b"]))
        rq = {"principal": principal, "principal_account": pacct, "action": action,
              "resource": resource}
        policies = {}
        iam_principal = kind not in ("anonymous",)
        if iam_principal and kind != "root":
            policies["identity"] = [self.policy("identity", rq)
                                    for _ in range(self.r.randint(0, 3))]
        if iam_principal and kind != "root" and self.chance(0.25):
            policies["permissions_boundary"] = self.policy("identity", rq)
        if kind in ("role", "session", "federated") and self.chance(0.25):
            policies["session_policy"] = self.policy("identity", rq)
        needs_rp = action in ("kms:Decrypt", "sts:AssumeRole") or racct != pacct
        if self.chance(0.85 if needs_rp else 0.5):
            policies["resource"] = self.policy("trust" if action == "sts:AssumeRole" else "resource",
                                               rq, 1, 3)
        if iam_principal and kind != "root" and self.chance(0.3):
            levels = []
            for _ in range(self.r.randint(1, 3)):
                level = []
                if self.chance(0.8):
                    level.append(self.full_access())
                level += [self.policy("scp", rq, 1, 2) for _ in range(self.r.randint(0, 1))]
                if not level:
                    level.append(self.policy("scp", rq, 1, 2))
                levels.append(level)
            policies["scps"] = {"applies_to_account": pacct, "management_account": MGMT,
                                "levels": levels}
        if self.chance(0.15):
            levels = [[self.policy("rcp", rq, 1, 2)] for _ in range(self.r.randint(1, 2))]
            policies["rcps"] = {"applies_to_account": racct, "levels": levels}
        if self.chance(0.08):
            policies["vpc_endpoint"] = [self.policy("endpoint", rq, 1, 2)]
        request = {"principal": principal, "action": action, "resource": resource,
                   "resource_account": racct, "context": self.context()}
        return {"id": f"gen-{index:05d}", "kind": "authorization", "policies": policies,
                "request": request, "expected": "implicit_deny"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    g = Gen(a.seed)
    doc = {"format": "rampart-iam-case/1", "generator": {"seed": a.seed, "count": a.count},
           "cases": [g.case(i) for i in range(a.count)]}
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"))


if __name__ == "__main__":
    main()
