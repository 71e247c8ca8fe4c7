#!/usr/bin/env python3
"""Integration: the scan under IAM enforcement, and the exact permissions it needs.

    scan_iam_enforced.py RAMPART IDS_ENV POLICY_JSON

IDS_ENV comes from an emulator seeded with `seed.sh --enforce-auth` (user rampart-auditor:
SecurityAudit + ViewOnlyAccess; signature and IAM checks on).
1. Scan as rampart-auditor with --record-calls: it works, and POLICY_JSON
   (data/iam/rampart-scan-policy.json) allows every operation the scan called.
2. Create user rampart-scanner with exactly POLICY_JSON (plus moto's names for the same
   actions, see scan_policy.MOTO_ALIASES), scan as that user: zero AccessDenied rows, and at
   least what the auditor saw. moto 5.2.1 rejects correctly signed REST-JSON requests (GuardDuty,
   Lambda, Security Hub, Macie2, Backup: SignatureDoesNotMatch, its README); those rows are reported,
   not counted as denials.
"""

import json
import os
import subprocess
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scan_policy  # noqa: E402
import scanlib  # noqa: E402

# REST-JSON services whose correctly signed requests moto 5.2.1 rejects under enforcement
# (its README names GuardDuty, Lambda, Security Hub, Macie2; Backup answers the same way).
MOTO_REST_JSON = {"guardduty", "lambda", "securityhub", "macie2", "backup"}


def moto_auth(endpoint, body):
    # text/plain: moto reads the raw body (a form content type would hide it)
    req = urllib.request.Request(endpoint + "/moto-api/reset-auth", data=body.encode(), method="POST",
                                 headers={"Content-Type": "text/plain"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(req, timeout=30) as r:
        r.read()


def aws(env, endpoint, *args):
    p = subprocess.run(["aws", "--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json",
                        *args], env=env, capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        raise RuntimeError(f"aws {' '.join(args)}: {p.stderr.strip()}")
    return json.loads(p.stdout or "{}")


def denied(snapshot):
    return [e for e in snapshot["errors"]
            if e["kind"] == "AccessDenied" and e["service"] not in MOTO_REST_JSON]


def scan_as(c, r, who, store, calls_file, work):
    p = r.scan(store, extra=["--quiet", "--record-calls", calls_file], check=False)
    c.check(p.returncode == 0, f"scan as {who} exits 0", p.stderr[-400:])
    if p.returncode != 0:
        return None, {}
    snap = r.export(store, os.path.join(work, who + ".json.gz"))
    counts = r.inventory_counts(store)
    c.check(len(snap["resources"]) > 0, f"scan as {who} stored {len(snap['resources'])} resources")
    rest = [e for e in snap["errors"] if e["service"] in MOTO_REST_JSON]
    if rest:
        print(f"NOTE {who}: {len(rest)} errors from moto's REST-JSON signature limitation "
              f"({sorted({e['service'] + ' ' + e['code'] for e in rest})})", flush=True)
    return snap, counts


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    rampart_bin, ids_file, policy_file = sys.argv[1:]
    ids = scanlib.load_ids(ids_file)
    endpoint = ids["ENDPOINT"]
    c = scanlib.Checker("scan_iam_enforced")
    c.equal(ids.get("AUTH_ENFORCED"), "true", "emulator seeded with --enforce-auth")
    with open(policy_file) as f:
        policy = json.load(f)
    allowed = set()
    for st in policy["Statement"]:
        allowed.update(st["Action"] if isinstance(st["Action"], list) else [st["Action"]])
    work = scanlib.tmpdir("rampart-scan-iam-")
    try:
        # 1. The seed's auditor (SecurityAudit + ViewOnlyAccess).
        auditor = scanlib.Rampart(rampart_bin, endpoint, scanlib.aws_env(
            ids["AUDITOR_ACCESS_KEY_ID"], ids["AUDITOR_SECRET_ACCESS_KEY"]))
        calls_file = os.path.join(work, "calls.json")
        snap_a, counts_a = scan_as(c, auditor, "rampart-auditor", os.path.join(work, "auditor.db"),
                                   calls_file, work)
        with open(calls_file) as f:
            calls = json.load(f)
        needed = set(scan_policy.actions_for(calls))
        c.check(len(needed) > 0, f"the scan called {len(calls)} operations ({len(needed)} IAM actions)")
        missing = sorted(needed - allowed)
        c.check(not missing, f"{os.path.basename(policy_file)} allows every action the scan called",
                f"missing {missing}")
        if snap_a:
            d = denied(snap_a)
            print(f"NOTE rampart-auditor: {len(d)} AccessDenied rows "
                  f"{sorted({e['service'] + ':' + e['operation'] for e in d})}", flush=True)

        # 2. A user with exactly the repo's policy (created with checks briefly off).
        admin_env = scanlib.aws_env()
        moto_auth(endpoint, "inf")
        try:
            doc = json.loads(json.dumps(policy))
            aliases = scan_policy.moto_aliases(allowed)
            if aliases:
                doc["Statement"].append({"Sid": "MotoActionNames", "Effect": "Allow",
                                         "Action": aliases, "Resource": "*"})
            user = f"rampart-scanner-{os.getpid()}"  # re-runnable against the same emulator
            arn = aws(admin_env, endpoint, "iam", "create-policy", "--policy-name", user,
                      "--policy-document", json.dumps(doc))["Policy"]["Arn"]
            aws(admin_env, endpoint, "iam", "create-user", "--user-name", user)
            aws(admin_env, endpoint, "iam", "attach-user-policy", "--user-name", user,
                "--policy-arn", arn)
            key = aws(admin_env, endpoint, "iam", "create-access-key", "--user-name",
                      user)["AccessKey"]
        finally:
            moto_auth(endpoint, "0")
        scanner = scanlib.Rampart(rampart_bin, endpoint,
                                  scanlib.aws_env(key["AccessKeyId"], key["SecretAccessKey"]))
        snap_s, counts_s = scan_as(c, scanner, "rampart-scanner", os.path.join(work, "scanner.db"),
                                   os.path.join(work, "calls2.json"), work)
        if snap_s:
            d = denied(snap_s)
            c.equal(len(d), 0, "AccessDenied rows scanning with rampart-scan-policy.json")
            for e in d[:20]:
                print(f"  denied: {e['service']} {e['operation']} {e['region']} {e['resource_id']} "
                      f"{e['message'][:120]}", flush=True)
            for key_ in sorted(counts_a):
                if key_[0] == "iam:user" or key_[0] == "iam:credential-report":
                    continue  # the scanner user itself is new
                c.check(counts_s.get(key_, 0) >= counts_a[key_],
                        f"{key_[0]} in {key_[1]}: scanner sees at least the auditor's {counts_a[key_]}",
                        f"got {counts_s.get(key_, 0)}")
    finally:
        scanlib.rmtree(work)
    c.finish()


if __name__ == "__main__":
    sys.exit(main())
