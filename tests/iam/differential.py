#!/usr/bin/env python3
"""Differential test: rampart's IAM evaluator vs @cloud-copilot/iam-simulate on random cases.

1. Installs iam-simulate (pinned version) with npm into a build-tree folder, once.
2. Generates --count random authorization cases (gen_cases.py, fixed seed).
3. Decides every case with both engines: iam_simulate_driver.js (runSimulation, Strict mode)
   and iam_batch_eval (rampart, src/engine/iam).
4. Explains each disagreement with the documented iam-simulate deviations (deviations.py) of
   iam_simulate_deviations.md. Each deviation is a rewrite of the case that, by the AWS doc
   passage quoted there, leaves AWS's answer unchanged but removes the construct iam-simulate
   decides differently (e.g. an epoch date written as ISO 8601). A disagreement counts as a
   documented deviation when, after the rewrite, iam-simulate gives rampart's original answer and
   rampart's own answer is unchanged. Anything else is a failure.
Last line: "N passed, M failed" (documented deviations count as passed, reported separately).
"""
import argparse
import copy
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # keep the source tree clean of __pycache__
sys.path.insert(0, HERE)
import gen_cases  # noqa: E402
from deviations import DEVIATIONS  # noqa: E402

PACKAGE = "@cloud-copilot/iam-simulate"


# ---- engines ------------------------------------------------------------------------------
def ensure_iam_simulate(prefix, version):
    pkg = os.path.join(prefix, "node_modules", "@cloud-copilot", "iam-simulate", "package.json")
    if os.path.exists(pkg) and json.load(open(pkg, encoding="utf-8")).get("version") == version:
        return os.path.join(prefix, "node_modules")
    os.makedirs(prefix, exist_ok=True)
    cmd = ["npm", "install", "--prefix", prefix, "--no-audit", "--no-fund",
           f"{PACKAGE}@{version}"]
    print("installing:", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    return os.path.join(prefix, "node_modules")


def write_cases(path, cases):
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"format": "rampart-iam-case/1", "cases": cases}, f)


def run_sim(modules, cases, work, tag):
    path = os.path.join(work, f"{tag}.json")
    out = os.path.join(work, f"{tag}.sim.jsonl")
    write_cases(path, cases)
    subprocess.run(["node", os.path.join(HERE, "iam_simulate_driver.js"), modules, path, out],
                   check=True)
    res = {}
    for line in open(out, encoding="utf-8"):
        j = json.loads(line)
        res[j["id"]] = j["decision"] if "decision" in j else "error: " + json.dumps(j["error"])
    return res


def run_ours(binary, cases, work, tag):
    path = os.path.join(work, f"{tag}.json")
    write_cases(path, cases)
    out = subprocess.run([binary, path], check=False, capture_output=True, text=True)
    res = {}
    for line in out.stdout.splitlines():
        f = line.split("\t")
        res[f[0]] = {"decision": f[1], "statement": f[2], "reason": f[3]}
    return res


def documented_ids(path):
    text = open(path, encoding="utf-8").read()
    return set(re.findall(r"^## (D\d+-[a-z0-9-]+)", text, re.M))


# ---- main ---------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", required=True, help="iam_batch_eval binary")
    ap.add_argument("--npm-prefix", required=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=10000)
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)

    docs = documented_ids(os.path.join(HERE, "iam_simulate_deviations.md"))
    missing = [d for d, _ in DEVIATIONS if d not in docs]
    if missing:
        print("deviations without a section in iam_simulate_deviations.md:", missing)
        print("0 passed, 1 failed")
        return 1

    modules = ensure_iam_simulate(args.npm_prefix, args.version)
    gen = gen_cases.Gen(args.seed)
    cases = [gen.case(i) for i in range(args.count)]
    sim = run_sim(modules, cases, args.work, "cases")
    ours = run_ours(args.eval, cases, args.work, "cases")

    passed, failed, agreed = 0, 0, 0
    by_dev, failures, disagreeing = {}, [], []
    for c in cases:
        s, o = sim.get(c["id"], "missing"), ours.get(c["id"], {"decision": "missing"})
        if s.startswith("error") or o["decision"] in ("error", "missing"):
            failed += 1
            failures.append({"id": c["id"], "why": "engine error", "sim": s, "ours": o, "case": c})
        elif s == o["decision"]:
            agreed += 1
            passed += 1
        else:
            disagreeing.append(c)

    # Rewrite each disagreement by every applicable deviation, one at a time and all together.
    variants = []
    for c in disagreeing:
        o = ours[c["id"]]
        applicable = []
        for name, fn in DEVIATIONS:
            v = fn(c, o)
            if v is not None:
                applicable.append((name, fn))
                v["id"] = f"{c['id']}~{name}"
                variants.append(v)
        if len(applicable) > 1:
            v = c
            for name, fn in applicable:
                v = fn(v, o) or v
            v = copy.deepcopy(v)
            v["id"] = f"{c['id']}~" + "+".join(n for n, _ in applicable)
            variants.append(v)
    vsim = run_sim(modules, variants, args.work, "variants") if variants else {}
    vours = run_ours(args.eval, variants, args.work, "variants") if variants else {}
    explained = {}
    for v in variants:
        cid, names = v["id"].split("~", 1)
        want = ours[cid]["decision"]
        if vsim.get(v["id"]) == want and vours.get(v["id"], {}).get("decision") == want:
            if cid not in explained or len(names) < len(explained[cid]):
                explained[cid] = names
    for c in disagreeing:
        cid = c["id"]
        if cid in explained:
            passed += 1
            for name in explained[cid].split("+"):
                by_dev[name] = by_dev.get(name, 0) + 1
        else:
            failed += 1
            failures.append({"id": cid, "why": "undocumented disagreement", "sim": sim[cid],
                             "ours": ours[cid], "case": c})

    with open(os.path.join(args.work, "failures.json"), "w", encoding="utf-8") as f:
        json.dump(failures, f, indent=1)
    print(f"iam-simulate {args.version}, seed {args.seed}: {len(cases)} cases generated")
    print(f"  agree: {agreed}")
    print(f"  disagree, documented iam-simulate deviation: {len(explained)}")
    for name, _ in DEVIATIONS:
        print(f"    {name}: {by_dev.get(name, 0)}")
    for fcase in failures[:10]:
        print(f"  FAIL {fcase['id']} ({fcase['why']}): rampart={fcase['ours']} "
              f"iam-simulate={fcase['sim']}")
        print("    " + json.dumps({"policies": fcase["case"]["policies"],
                                   "request": fcase["case"]["request"]}))
    if failures:
        print(f"  all {len(failures)} failures: {os.path.join(args.work, 'failures.json')}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
