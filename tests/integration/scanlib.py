"""Helpers shared by the scan integration tests (standard library only).

Each test prints one line per assertion ("PASS ..." / "FAIL ...") and ends with
"N passed, M failed"; Checker.finish() exits non-zero when anything failed.
"""

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
FAULT_PROXY = os.path.join(HERE, "fault_proxy_query.py")
LOOPBACK = "127.0.0.1,localhost,::1"


def load_ids(path):
    ids = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                k, v = line.split("=", 1)
                ids[k] = v.strip().strip('"').strip("'")
    return ids


def aws_env(key="testing", secret="testing"):
    env = dict(os.environ)
    for k in list(env):
        if k.startswith("AWS_"):
            del env[k]
    env.update({"AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": secret,
                "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
                "AWS_EC2_METADATA_DISABLED": "true", "AWS_DEFAULT_REGION": "us-east-1",
                "NO_PROXY": LOOPBACK, "no_proxy": LOOPBACK})
    pyenv = os.path.expanduser("~/.pyenv/shims")
    if os.path.isdir(pyenv):
        env["PATH"] = pyenv + ":" + env.get("PATH", "")
    return env


class Checker:
    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
            print(f"PASS {what}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL {what}" + (f": {detail}" if detail else ""), flush=True)
        return ok

    def equal(self, actual, expected, what):
        return self.check(actual == expected, f"{what} == {expected!r}",
                          f"got {actual!r}")

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed", flush=True)
        sys.exit(1 if self.failed or self.passed == 0 else 0)


class Rampart:
    def __init__(self, binary, endpoint, env=None):
        self.binary = binary
        self.endpoint = endpoint
        self.env = env or aws_env()

    def run(self, *args, check=True, timeout=600):
        p = subprocess.run([self.binary, *args], env=self.env, capture_output=True, text=True,
                           timeout=timeout)
        if check and p.returncode != 0:
            raise RuntimeError(f"rampart {' '.join(args)} exited {p.returncode}:\n"
                               f"{p.stdout}\n{p.stderr}")
        return p

    def scan(self, store, regions="us-east-1,eu-west-1", endpoint=None, extra=(), check=True):
        return self.run("scan", "--region", regions, "--endpoint-url", endpoint or self.endpoint,
                        "--store", store, *extra, check=check)

    def inventory_counts(self, store, scan=None):
        args = ["inventory", "--json", "--store", store]
        if scan is not None:
            args += ["--scan", str(scan)]
        counts = {}
        for line in self.run(*args).stdout.splitlines():
            row = json.loads(line)
            counts[(row["type"], row["region"])] = row["count"]
        return counts

    def export(self, store, path, scan=None):
        args = ["export", "--store", store, "--output", path]
        if scan is not None:
            args += ["--scan", str(scan)]
        self.run(*args)
        with gzip.open(path, "rt") as f:
            return json.load(f)

    def collectors(self):
        """The services compiled in, read from the error an unknown --service gives."""
        p = self.run("scan", "--service", "no-such-service", "--endpoint-url", self.endpoint,
                     "--region", "us-east-1", "--store", os.devnull + ".db", check=False)
        text = p.stderr
        if "(collectors: " not in text:
            return []
        inner = text.split("(collectors: ", 1)[1].split(")", 1)[0]
        return [s.strip() for s in inner.split(",") if s.strip()]


def scan_id_of(stdout):
    for line in stdout.splitlines():
        if line.startswith("Scan ") or line.startswith("Imported scan "):
            words = line.split()
            return int(words[2] if words[0] == "Imported" else words[1])
    raise RuntimeError("no scan id in: " + stdout)


class FaultProxy:
    """tests/tools/fault_proxy.py in front of `upstream`, with `rules` (list of rule dicts)."""

    def __init__(self, upstream, rules, seed=7):
        self.rules_file = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
        json.dump({"seed": seed, "rules": rules}, self.rules_file)
        self.rules_file.close()
        self.proc = subprocess.Popen([sys.executable, FAULT_PROXY, "--upstream", upstream,
                                      "--port", "0", "--rules", self.rules_file.name],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        port = int(self.proc.stdout.readline().strip().split()[-1].split(":")[-1])
        self.endpoint = f"http://127.0.0.1:{port}"

    def stats(self):
        with urllib.request.urlopen(self.endpoint + "/__fault/stats", timeout=10) as r:
            return json.loads(r.read())

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.unlink(self.rules_file.name)


def resources_by_key(snapshot):
    return {(r["type"], r["region"], r["id"]): r for r in snapshot["resources"]}


def find_resource(snapshot, rtype, rid, region=None):
    for r in snapshot["resources"]:
        if r["type"] == rtype and r["id"] == rid and (region is None or r["region"] == region):
            return r
    return None


def type_totals(counts):
    totals = {}
    for (t, _), n in counts.items():
        totals[t] = totals.get(t, 0) + n
    return totals


def tmpdir(prefix):
    return tempfile.mkdtemp(prefix=prefix)


def rmtree(path):
    shutil.rmtree(path, ignore_errors=True)
