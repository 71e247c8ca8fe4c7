#!/usr/bin/env python3
"""Shrinks differential-test disagreements to minimal cases (triage aid, not run by CTest).

Input: a rampart-iam-case/1 file of cases on which rampart and iam-simulate disagree. Each round
tries every one-step simplification of every case (drop a policy, an SCP/RCP level, a statement,
a condition clause, a condition value, a list element, a context key) and keeps the first one
where both engines still give the same two answers; all candidates of a round are decided in one
batch per engine. Writes the shrunk cases with both answers as `ours` and `sim`.
Usage: minimize.py --eval build/tests/iam/iam_batch_eval --modules <prefix>/node_modules \
           --in disagreements.json --out minimal.json
"""
import argparse
import copy
import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def decide_both(cases, args, tmp):
    path = os.path.join(tmp, "batch.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"format": "rampart-iam-case/1", "cases": cases}, f)
    out = os.path.join(tmp, "sim.jsonl")
    subprocess.run(["node", os.path.join(HERE, "iam_simulate_driver.js"), args.modules, path, out],
                   check=True)
    sim = {}
    for line in open(out, encoding="utf-8"):
        j = json.loads(line)
        sim[j["id"]] = j.get("decision", "error")
    ours = {}
    res = subprocess.run([args.eval, path], check=False, capture_output=True, text=True)
    for line in res.stdout.splitlines():
        f = line.split("\t")
        ours[f[0]] = f[1]
    return ours, sim


def simplifications(case):
    """Every case one step simpler than `case`."""
    out = []
    pol = case["policies"]
    for key in list(pol):
        c = copy.deepcopy(case)
        del c["policies"][key]
        out.append(c)
    for key in ("identity", "vpc_endpoint"):
        for i in range(len(pol.get(key, []))):
            c = copy.deepcopy(case)
            del c["policies"][key][i]
            out.append(c)
    for key in ("scps", "rcps"):
        if key in pol:
            for i in range(len(pol[key]["levels"])):
                c = copy.deepcopy(case)
                del c["policies"][key]["levels"][i]
                out.append(c)
                for j in range(len(pol[key]["levels"][i])):
                    c = copy.deepcopy(case)
                    del c["policies"][key]["levels"][i][j]
                    out.append(c)

    def docs(c):
        p = c["policies"]
        for key in ("identity", "vpc_endpoint"):
            yield from p.get(key, [])
        for key in ("permissions_boundary", "session_policy", "resource"):
            if key in p:
                yield p[key]
        for key in ("scps", "rcps"):
            if key in p:
                for level in p[key]["levels"]:
                    yield from level

    n_docs = sum(1 for _ in docs(case))
    for d in range(n_docs):
        doc = list(docs(case))[d]
        stmts = doc["Statement"] if isinstance(doc["Statement"], list) else [doc["Statement"]]
        for s in range(len(stmts)):
            def edit(fn):
                c = copy.deepcopy(case)
                cd = list(docs(c))[d]
                if not isinstance(cd["Statement"], list):
                    cd["Statement"] = [cd["Statement"]]
                if fn(cd, cd["Statement"]) is not False:
                    out.append(c)
            if len(stmts) > 1:
                edit(lambda cd, st, s=s: st.pop(s))
            st = stmts[s]
            for field in ("Action", "NotAction", "Resource", "NotResource"):
                if isinstance(st.get(field), list) and len(st[field]) > 1:
                    for k in range(len(st[field])):
                        edit(lambda cd, sl, s=s, field=field, k=k: sl[s][field].pop(k))
            for op, block in st.get("Condition", {}).items():
                for key, vals in block.items():
                    def drop(cd, sl, s=s, op=op, key=key):
                        cond = sl[s]["Condition"]
                        del cond[op][key]
                        if not cond[op]:
                            del cond[op]
                        if not cond:
                            del sl[s]["Condition"]
                    edit(drop)
                    if isinstance(vals, list) and len(vals) > 1:
                        for k in range(len(vals)):
                            edit(lambda cd, sl, s=s, op=op, key=key, k=k:
                                 sl[s]["Condition"][op][key].pop(k))
            if "Sid" in st:
                edit(lambda cd, sl, s=s: sl[s].pop("Sid"))
    for key in list(case["request"].get("context", {})):
        c = copy.deepcopy(case)
        del c["request"]["context"][key]
        out.append(c)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", required=True)
    ap.add_argument("--modules", required=True)
    ap.add_argument("--in", dest="inp", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    cases = json.load(open(args.inp, encoding="utf-8"))["cases"]
    with tempfile.TemporaryDirectory() as tmp:
        ours, sim = decide_both(cases, args, tmp)
        target = {c["id"]: (ours[c["id"]], sim[c["id"]]) for c in cases}
        current = {c["id"]: c for c in cases if target[c["id"]][0] != target[c["id"]][1]}
        for _ in range(60):
            batch, owners = [], []
            for cid, c in current.items():
                for k, cand in enumerate(simplifications(c)):
                    cand["id"] = f"{cid}~{k}"
                    batch.append(cand)
                    owners.append(cid)
            if not batch:
                break
            ours, sim = decide_both(batch, args, tmp)
            progressed = set()
            for cand, cid in zip(batch, owners):
                if cid in progressed:
                    continue
                if (ours.get(cand["id"]), sim.get(cand["id"])) == target[cid]:
                    cand["id"] = cid
                    current[cid] = cand
                    progressed.add(cid)
            if not progressed:
                break
    for cid, c in current.items():
        c["ours"], c["sim"] = target[cid]
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"format": "rampart-iam-case/1", "cases": list(current.values())}, f, indent=1)


if __name__ == "__main__":
    main()
