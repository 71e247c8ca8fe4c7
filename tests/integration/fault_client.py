#!/usr/bin/env python3
"""Client-level fault tests: `rampart api` through tests/tools/fault_proxy.py in front of the
seeded moto, one service per protocol family (ec2; query: iam, sts; json: kms, logs; rest-xml: s3;
rest-json: guardduty). For each it asserts what the standard retry mode promises:

  * throttling burst shorter than the attempt budget -> success, output equal to the direct call
    (moto without the proxy), attempts = burst + 1;
  * throttling burst longer than the budget -> exit 1 naming the throttling code, attempts = budget;
  * 500 and 503 bursts, a connection reset, a truncated body (a Network error) -> recovered;
  * a reply slower than --call-timeout 1, and headers followed by a stall -> exit 1 with Timeout,
    every attempt used, and the command returns within attempts x timeout + backoff bound + slack;
  * AccessDenied -> exit 1 at once: exactly one request reaches the proxy;
  * ExpiredToken once in the middle of a paginated run (rule installed with POST /__fault/rules,
    firing after half the pages) -> credentials refreshed, the call retried once, same output;
  * ExpiredToken on every request -> exit 1 with ExpiredToken after at most 2 requests.

Request counts come from the proxy's GET /__fault/stats. One line per assertion, then
"N passed, M failed"; the exit status is non-zero on any failure.

Usage: fault_client.py RAMPART_BINARY IDS_ENV [--only NAME]
"""
import json
import os
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
PROXY = os.path.join(HERE, "..", "tools", "fault_proxy.py")

ATTEMPTS = 3            # --max-attempts for every run
CALL_TIMEOUT = 1.0      # --call-timeout for the timeout checks
BACKOFF_BOUND = 1.0 + 2.0  # standard mode: full jitter under base * 2^(retry-1), base 1 s
SLACK = 3.0             # process start, model lookup, loaded CI machine

# name, service, operation, its params, the paginated run (operation, params) for the mid-run
# ExpiredToken, protocol, and the error codes that protocol's services send: throttling, access
# denied, expired token. moto 5.2.1 honours page sizes only for some operations (IAM ListRoles,
# Logs DescribeLogGroups); elsewhere the "paginated run" is one call and ExpiredToken hits it.
TARGETS = [
    ("ec2", "ec2", "DescribeInstances", {}, ("DescribeInstances", {"MaxResults": 5}), "ec2",
     "RequestLimitExceeded", "UnauthorizedOperation", "ExpiredToken"),
    ("iam", "iam", "ListUsers", {}, ("ListRoles", {"MaxItems": 1}), "query",
     "Throttling", "AccessDenied", "ExpiredToken"),
    ("sts", "sts", "GetCallerIdentity", {}, ("GetCallerIdentity", {}), "query",
     "Throttling", "AccessDenied", "ExpiredToken"),
    ("kms", "kms", "ListKeys", {}, ("ListKeys", {"Limit": 1}), "json",
     "ThrottlingException", "AccessDeniedException", "ExpiredTokenException"),
    ("logs", "logs", "DescribeLogGroups", {}, ("DescribeLogGroups", {"limit": 1}), "json",
     "ThrottlingException", "AccessDeniedException", "ExpiredTokenException"),
    ("s3", "s3", "ListBuckets", {}, ("ListBuckets", {}), "s3",
     "SlowDown", "AccessDenied", "ExpiredToken"),
    ("guardduty", "guardduty", "ListDetectors", {}, ("ListDetectors", {"MaxResults": 1}), "rest-json",
     "ThrottlingException", "AccessDeniedException", "ExpiredTokenException"),
]


def load_ids(path):
    ids = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if "=" in line and not line.startswith("#"):
                k, v = line.split("=", 1)
                ids[k] = v
    return ids


class Proxy:
    """fault_proxy.py on 127.0.0.1 (free port) in front of `upstream`; stopped by stop()."""

    def __init__(self, upstream):
        self.proc = subprocess.Popen([sys.executable, PROXY, "--upstream", upstream, "--port", "0"],
                                     stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.isdigit():
            self.stop()
            raise SystemExit(f"fault_client: the proxy did not start (said {line!r})")
        self.url = f"http://127.0.0.1:{line}"
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def control(self, method, path, doc=None):
        data = json.dumps(doc).encode() if doc is not None else (b"" if method == "POST" else None)
        req = urllib.request.Request(self.url + path, data=data, method=method)
        with self.opener.open(req, timeout=10) as resp:
            return json.loads(resp.read())

    def rules(self, rules):
        """Installs `rules` and zeroes the request counters (replacing rules alone keeps them)."""
        self.control("POST", "/__fault/rules", {"seed": 7, "rules": rules})
        self.control("POST", "/__fault/reset")

    def requests(self):
        return self.control("GET", "/__fault/stats")["requests"]

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def client_env():
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("AWS_") and k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env.update({"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
                "AWS_EC2_METADATA_DISABLED": "true", "AWS_REGION": "us-east-1",
                "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"})
    return env


class Runner:
    def __init__(self, rampart):
        self.rampart = rampart
        self.env = client_env()

    def run(self, endpoint, service, operation, params, paginate=False, extra=(), timeout=120):
        cmd = [self.rampart, "api", service, operation, "--endpoint-url", endpoint,
               "--max-attempts", str(ATTEMPTS)]
        for k, v in params.items():
            cmd += ["--param", f"{k}={json.dumps(v)}"]
        if paginate:
            cmd.append("--paginate")
        cmd += list(extra)
        start = time.monotonic()
        try:
            p = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return 124, "", f"killed after {timeout}s", time.monotonic() - start
        return p.returncode, p.stdout, p.stderr, time.monotonic() - start


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"PASS {name}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL {name}: {detail}", flush=True)
        return ok


def parse_json(text):
    try:
        return json.loads(text)
    except ValueError:
        return None


def first_line(text):
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1][:300] if lines else "(no output)"


def error_rule(protocol, code, count=None, after=0, status=None):
    action = {"type": "error", "code": code, "protocol": protocol}
    if status is not None:
        action["status"] = status
    when = {"after": after}
    if count is not None:
        when["count"] = count
    return {"name": code, "match": {}, "when": when, "action": action}


def run_target(target, runner, proxy, moto, checks):
    name, service, op, params, (page_op, page_params), protocol, throttle, denied, expired = target
    # rest-json (GuardDuty) has no dedicated throttling status; AWS uses 429 for it.
    throttle_status = 429 if protocol == "rest-json" else None

    rc, direct_out, err, _ = runner.run(moto, service, op, params)
    direct = parse_json(direct_out)
    if not checks.check(f"{name}: direct call succeeds", rc == 0 and direct is not None,
                        f"exit {rc}: {first_line(err)}"):
        return

    def via_proxy(rules, paginate=False, call=None, extra=()):
        proxy.rules(rules)
        call_op, call_params = call if call is not None else (op, params)
        out = runner.run(proxy.url, service, call_op, call_params, paginate=paginate, extra=extra)
        return out + (proxy.requests(),)

    def expect_recovered(label, rules, attempts):
        rc, out, err, secs, seen = via_proxy(rules)
        checks.check(f"{name}: {label} -> recovered, same output, {attempts} requests",
                     rc == 0 and parse_json(out) == direct and seen == attempts,
                     f"exit {rc}, {seen} requests, {secs:.1f}s: {first_line(err)}")

    def expect_failure(label, rules, code, kind, attempts, bound=None):
        rc, out, err, secs, seen = via_proxy(rules, extra=extra_for(kind))
        ok = rc == 1 and code in err and kind in err and seen == attempts
        detail = f"exit {rc}, {seen} requests, {secs:.1f}s: {first_line(err)}"
        if bound is not None:
            ok = ok and secs <= bound
            label += f" within {bound:.0f}s (took {secs:.1f}s)"
        checks.check(f"{name}: {label} -> exit 1 {kind} {code}, {attempts} requests", ok, detail)

    def extra_for(kind):
        return ["--call-timeout", str(CALL_TIMEOUT)] if kind == "Timeout" else []

    # Throttling: a burst the retries absorb, then one that outlasts the attempt budget.
    expect_recovered(f"{throttle} x{ATTEMPTS - 1}",
                     [error_rule(protocol, throttle, ATTEMPTS - 1, status=throttle_status)], ATTEMPTS)
    expect_failure(f"{throttle} x{ATTEMPTS + 2}",
                   [error_rule(protocol, throttle, ATTEMPTS + 2, status=throttle_status)],
                   throttle, "Throttling", ATTEMPTS)
    # Server errors and broken connections.
    expect_recovered("500 InternalError x2", [error_rule(protocol, "InternalError", 2, status=500)], 3)
    expect_recovered("503 ServiceUnavailable x2",
                     [error_rule(protocol, "ServiceUnavailable", 2, status=503)], 3)
    expect_recovered("connection reset x1",
                     [{"match": {}, "when": {"count": 1}, "action": {"type": "reset"}}], 2)
    expect_recovered("truncated body x1",
                     [{"match": {}, "when": {"count": 1},
                       "action": {"type": "truncate", "fraction": 0.5}}], 2)
    # Deadlines: every attempt times out; the whole command stays within its bound.
    bound = ATTEMPTS * CALL_TIMEOUT + BACKOFF_BOUND + SLACK
    expect_failure("reply 2.5s late", [{"match": {}, "action": {"type": "forward", "delay_ms": 2500}}],
                   "", "Timeout", ATTEMPTS, bound)
    expect_failure("headers then stall",
                   [{"match": {}, "action": {"type": "stall", "body_bytes": 1000, "stall_ms": 30000}}],
                   "", "Timeout", ATTEMPTS, bound)
    # Not retryable: exactly one request.
    expect_failure(f"{denied}", [error_rule(protocol, denied)], denied, "AccessDenied", 1)

    # ExpiredToken once, after half of a paginated run's pages.
    proxy.rules([])
    rc, out, err, _ = runner.run(proxy.url, service, page_op, page_params, paginate=True)
    pages = proxy.requests()
    paged = parse_json(out)
    if checks.check(f"{name}: {page_op} paginated run ({pages} pages) succeeds", rc == 0 and paged is not None,
                    f"exit {rc}: {first_line(err)}"):
        after = pages // 2
        rc, out, err, secs, seen = via_proxy([error_rule(protocol, expired, 1, after=after)],
                                             paginate=True, call=(page_op, page_params))
        checks.check(f"{name}: {expired} after {after} of {pages} calls -> refreshed, retried once, "
                     f"same output, {pages + 1} requests",
                     rc == 0 and parse_json(out) == paged and seen == pages + 1,
                     f"exit {rc}, {seen} requests: {first_line(err)}")
    # ExpiredToken that a refresh does not cure: one credential retry, then the error.
    rc, out, err, secs, seen = via_proxy([error_rule(protocol, expired)])
    checks.check(f"{name}: {expired} persisting -> exit 1 ExpiredCredentials, no retry storm "
                 f"(1 credential retry: 2 requests)",
                 rc == 1 and expired in err and "ExpiredCredentials" in err and seen == 2,
                 f"exit {rc}, {seen} requests: {first_line(err)}")


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    rampart, ids_path = argv[0], argv[1]
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    moto = load_ids(ids_path).get("ENDPOINT", "")
    if not moto.startswith("http://127.0.0.1:"):
        print(f"fault_client: no loopback ENDPOINT in {ids_path}", file=sys.stderr)
        return 2
    checks = Checks()
    runner = Runner(rampart)
    proxy = Proxy(moto)
    try:
        for target in TARGETS:
            if only is None or target[0] == only:
                run_target(target, runner, proxy, moto, checks)
    finally:
        proxy.stop()
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
