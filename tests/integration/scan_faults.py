#!/usr/bin/env python3
"""Integration: a scan through the fault-injecting proxy loses nothing it could read.

    scan_faults.py RAMPART IDS_ENV

A clean scan of the seeded emulator, then the same scan through fault_proxy with AccessDenied on
chosen operations and throttling bursts on others. Asserts: every denied call has its
collection-error row (kind AccessDenied, the operation, the resource for per-resource calls);
the attributes denied calls feed are unknown on those resources; throttled calls were retried
and left no error; every other count per (type, region) equals the clean run's, and no other
error appears.
"""

import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scanlib  # noqa: E402

# (rule name, operation as stored in error rows, service that must be compiled in,
#  resource type a denied *list* call would blank out (None: per-resource call))
DENIED = [
    ("deny-get-bucket-encryption", "GetBucketEncryption", "s3", None),
    ("deny-describe-flow-logs", "DescribeFlowLogs", "ec2", "ec2:flow-log"),
    ("deny-list-access-keys", "ListAccessKeys", "iam", None),
]

RULES = [
    {"name": "deny-get-bucket-encryption",
     "match": {"method": "GET", "path": r"^/[^/?]+/?\?(.*&)?encryption(=|&|$)"},
     "action": {"type": "error", "code": "AccessDenied", "message": "Access Denied (injected)",
                "status": 403, "protocol": "s3"}},
    {"name": "deny-describe-flow-logs", "match": {"operation": "DescribeFlowLogs"},
     "action": {"type": "error", "code": "UnauthorizedOperation",
                "message": "You are not authorized to perform this operation. (injected)",
                "status": 403, "protocol": "ec2"}},
    {"name": "deny-list-access-keys", "match": {"operation": "ListAccessKeys"},
     "action": {"type": "error", "code": "AccessDenied", "message": "not authorized (injected)",
                "status": 403, "protocol": "query"}},
    {"name": "throttle-describe-instances", "match": {"operation": "DescribeInstances"},
     "when": {"count": 2},
     "action": {"type": "error", "code": "RequestLimitExceeded", "message": "Request limit exceeded.",
                "status": 503, "protocol": "ec2"}},
    {"name": "throttle-describe-security-groups", "match": {"operation": "DescribeSecurityGroups"},
     "when": {"count": 2},
     "action": {"type": "error", "code": "RequestLimitExceeded", "message": "Request limit exceeded.",
                "status": 503, "protocol": "ec2"}},
    {"name": "throttle-get-account-authorization-details",
     "match": {"operation": "GetAccountAuthorizationDetails"}, "when": {"count": 2},
     "action": {"type": "error", "code": "Throttling", "message": "Rate exceeded", "status": 400,
                "protocol": "query"}},
    {"name": "throttle-kms-list-keys", "match": {"operation": "ListKeys"}, "when": {"count": 2},
     "action": {"type": "error", "code": "ThrottlingException", "message": "Rate exceeded",
                "status": 400, "protocol": "json"}},
]


def error_key(e):
    return (e["service"], e["operation"], e["region"], e["resource_type"], e["resource_id"], e["code"])


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    rampart_bin, ids_file = sys.argv[1], sys.argv[2]
    ids = scanlib.load_ids(ids_file)
    c = scanlib.Checker("scan_faults")
    r = scanlib.Rampart(rampart_bin, ids["ENDPOINT"])
    collectors = set(r.collectors())
    work = scanlib.tmpdir("rampart-scan-faults-")
    proxy = scanlib.FaultProxy(ids["ENDPOINT"], RULES)
    try:
        clean_store = os.path.join(work, "clean.db")
        p = r.scan(clean_store, extra=["--quiet"])
        c.check(p.returncode == 0, "clean scan exits 0", p.stderr[-400:])
        clean_counts = r.inventory_counts(clean_store)
        clean = r.export(clean_store, os.path.join(work, "clean.json.gz"))

        fault_store = os.path.join(work, "faults.db")
        p = r.scan(fault_store, endpoint=proxy.endpoint, extra=["--quiet", "--max-attempts", "4"])
        c.check(p.returncode == 0, "scan through the fault proxy exits 0", p.stderr[-400:])
        counts = r.inventory_counts(fault_store)
        snap = r.export(fault_store, os.path.join(work, "faults.json.gz"))
        hits = {rule["name"]: rule["hits"] for rule in proxy.stats()["rules"]}

        denied_ops = set()
        blanked_types = set()
        for rule, op, service, list_type in DENIED:
            if service not in collectors:
                print(f"SKIP {rule}: no {service} collector compiled in yet", flush=True)
                continue
            denied_ops.add(op)
            if list_type:
                blanked_types.add(list_type)
            rows = [e for e in snap["errors"] if e["operation"] == op]
            c.check(hits.get(rule, 0) > 0, f"{rule}: the proxy denied {hits.get(rule, 0)} calls")
            c.equal(len(rows), hits.get(rule, 0), f"{op}: error rows (one per denied call)")
            c.check(all(e["kind"] == "AccessDenied" for e in rows), f"{op}: rows are AccessDenied",
                    str({e['kind'] for e in rows}))
            for e in rows:
                if not e["resource_id"]:
                    c.check(list_type is None or e["resource_type"] == list_type,
                            f"{op} in {e['region']}: list error names type {e['resource_type']}")
                    continue
                res = scanlib.find_resource(snap, e["resource_type"], e["resource_id"], e["region"])
                if not c.check(res is not None, f"{op}: resource {e['resource_id']} still stored"):
                    continue
                fed = [a for a, u in res["unknown"].items() if u.get("operation") == op]
                c.check(bool(fed), f"{op}: {e['resource_id']} has its attribute unknown ({fed})",
                        str(res["unknown"]))
                if op == "GetBucketEncryption":
                    c.check("ServerSideEncryptionConfiguration" in res["unknown"]
                            and "ServerSideEncryptionConfiguration" not in res["document"],
                            f"{e['resource_id']}: ServerSideEncryptionConfiguration unknown, not absent")

        for rule in RULES:
            if rule["name"].startswith("throttle-"):
                op = rule["match"]["operation"]
                c.check(hits.get(rule["name"], 0) > 0 or not collectors,
                        f"{rule['name']}: {hits.get(rule['name'], 0)} throttled replies sent")
                c.check(not [e for e in snap["errors"] if e["operation"] == op],
                        f"{op}: throttled calls retried, no error rows")

        # Nothing else lost: every (type, region) count equals the clean run's.
        for key in sorted(set(clean_counts) | set(counts)):
            if key[0] in blanked_types:
                continue
            c.equal(counts.get(key, 0), clean_counts.get(key, 0), f"{key[0]} in {key[1]} count vs clean")
        c.check(sum(counts.values()) >= sum(n for k, n in clean_counts.items() if k[0] not in blanked_types),
                "total resources not below the clean run's")
        extra = collections.Counter(error_key(e) for e in snap["errors"] if e["operation"] not in denied_ops)
        base = collections.Counter(error_key(e) for e in clean["errors"])
        c.check(extra == base, "no other collection errors than the clean run's",
                str((extra - base) + (base - extra))[:600])
    finally:
        proxy.stop()
        scanlib.rmtree(work)
    c.finish()


if __name__ == "__main__":
    sys.exit(main())
