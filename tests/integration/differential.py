#!/usr/bin/env python3
"""Differential test: `rampart api` against the AWS CLI (the reference parser) on a seeded moto.

For every case in differential_ops.json both clients call the same operation with the same
parameters (the CLI through --cli-input-json, rampart through --input-json) and --paginate
semantics (the CLI paginates by default). A case passes when
  * both succeed and their JSON is equal after normalization, or
  * both fail with the same AWS error code.
Normalization (applied to both sides alike):
  * `ResponseMetadata` is dropped (the CLI never prints it);
  * key order is ignored (JSON objects compare as dicts);
  * every string that is an ISO 8601 date-time is replaced by its epoch seconds
    ("2024-01-02T03:04:05+00:00" == "2024-01-02T03:04:05Z"): the CLI v1 prints timestamps as
    received (ISO strings from XML protocols, epoch numbers from JSON protocols), rampart
    always as ISO 8601 UTC;
  * numbers compare by value within 1 ms (1 == 1.0; timestamps to the millisecond);
  * a member whose value is null is treated as absent (botocore's paginator writes absent
    non-aggregate keys, e.g. ListBuckets' Prefix, as null);
  * the members named in differential_ops.json "clock_fields" are ones moto computes from the
    current time on every call (e.g. RDS LatestRestorableTime): they compare within 120 s.
Errors: the CLI names the AWS error code ("An error occurred (Code)"); where the emulator sent
no AWS error body at all (an HTML 404/500 page), the CLI shows the bare HTTP status, which must
then equal the status rampart reports, or says it could not parse the body, in which case
rampart must have failed too.
Usage: differential.py RAMPART_BINARY IDS_ENV [--only SERVICE]
"""
import concurrent.futures
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

from botocore import xform_name

HERE = os.path.dirname(os.path.abspath(__file__))
CLI_COMMAND = {"s3": "s3api", "config": "configservice"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$")
ERROR_CLI = re.compile(r"An error occurred \(([^)]+)\)")
ERROR_RAMPART = re.compile(r"\((?:(\d+) )?([\w.:-]+)\)")


def load_ids(path):
    ids = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if "=" in line and not line.startswith("#"):
                k, v = line.split("=", 1)
                ids[k] = v
    return ids


def substitute(value, ids):
    if isinstance(value, str) and value.startswith("$"):
        return ids[value[1:]]
    if isinstance(value, list):
        return [substitute(v, ids) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, ids) for k, v in value.items()}
    return value


def normalize(value):
    if isinstance(value, dict):
        return {k: normalize(v) for k, v in value.items() if k != "ResponseMetadata" and v is not None}
    if isinstance(value, list):
        return [normalize(v) for v in value]
    if isinstance(value, str) and ISO.match(value):
        text = value.replace(" ", "T").replace("Z", "+00:00")
        if not re.search(r"[+-]\d{2}:?\d{2}$", text):
            text += "+00:00"
        try:
            return datetime.datetime.fromisoformat(text).timestamp()
        except ValueError:
            return value
    return value


def run(argv, env):
    p = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def compare(case, rampart, endpoint, ids, env, tmp, clock_fields):
    service, operation, params = case[0], case[1], substitute(case[2], ids)
    region = case[3] if len(case) > 3 else "us-east-1"
    fd, path = tempfile.mkstemp(suffix=".json", dir=tmp)
    with os.fdopen(fd, "w") as f:
        json.dump(params, f)
    cli = ["aws", CLI_COMMAND.get(service, service), xform_name(operation, "-"), "--endpoint-url",
           endpoint, "--region", region, "--output", "json", "--cli-input-json", "file://" + path]
    ours = [rampart, "api", service, operation, "--endpoint-url", endpoint, "--region", region,
            "--paginate", "--input-json", path]
    (rc1, out1, err1), (rc2, out2, err2) = run(cli, env), run(ours, env)
    name = f"{service} {operation} {region} {json.dumps(case[2], sort_keys=True)}"
    if rc1 != 0 or rc2 != 0:
        code1 = ERROR_CLI.search(err1)
        code2 = ERROR_RAMPART.search(err2)
        c1 = code1.group(1) if code1 else f"exit {rc1}" if rc1 else "success"
        c2 = code2.group(2) if code2 and rc2 else f"exit {rc2}" if rc2 else "success"
        status2 = code2.group(1) if code2 and rc2 else None
        ok = rc1 != 0 and rc2 != 0 and (
            c1 == c2 or (c1.isdigit() and c1 == status2)
            or ("Unable to parse response" in err1 and status2 is not None))
        detail = "" if ok else f"aws: {c1} {err1.strip()[:300]!r} | rampart: {c2} {err2.strip()[:300]!r}"
        return name, ok, f"error {c1}" if ok else detail
    a = normalize(json.loads(out1) if out1.strip() else {})
    b = normalize(json.loads(out2) if out2.strip() else {})
    diff = first_difference(a, b, "$", clock_fields)
    return name, diff is None, diff or "equal"


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def first_difference(a, b, path, clock_fields, key=None):
    """None when a and b are equal under the rules above, else where they first differ."""
    if is_number(a) and is_number(b):
        tolerance = 120 if key in clock_fields else 1e-3
        return None if abs(a - b) <= tolerance else f"{path}: aws {a} vs rampart {b}"
    if type(a) is not type(b):
        return f"{path}: aws {json.dumps(a)[:200]} vs rampart {json.dumps(b)[:200]}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'aws' if k in a else 'rampart'}: {json.dumps(a.get(k, b.get(k)))[:200]}"
            d = first_difference(a[k], b[k], f"{path}.{k}", clock_fields, k)
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items (aws) vs {len(b)} (rampart)"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]", clock_fields, key)
            if d:
                return d
        return None
    return None if a == b else f"{path}: aws {json.dumps(a)[:200]} vs rampart {json.dumps(b)[:200]}"


def main():
    rampart, ids_path = sys.argv[1], sys.argv[2]
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    ids = load_ids(ids_path)
    endpoint = ids["ENDPOINT"]
    env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
               AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null",
               AWS_EC2_METADATA_DISABLED="true", AWS_PAGER="", NO_PROXY="127.0.0.1,localhost")
    for k in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_DEFAULT_PROFILE"):
        env.pop(k, None)
    with open(os.path.join(HERE, "differential_ops.json")) as f:
        spec = json.load(f)
    cases, clock_fields = spec["cases"], set(spec.get("clock_fields", []))
    if only:
        cases = [c for c in cases if c[0] == only]
    passed = failed = 0
    operations = set()
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(4) as pool:
        for name, ok, detail in pool.map(lambda c: compare(c, rampart, endpoint, ids, env, tmp, clock_fields), cases):
            print(f"{'ok      ' if ok else 'MISMATCH'} {name}: {detail}", flush=True)
            passed += ok
            failed += not ok
    for c in cases:
        operations.add((c[0], c[1]))
    print(f"{len(operations)} distinct operations in {len(cases)} cases")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
