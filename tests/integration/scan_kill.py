#!/usr/bin/env python3
"""Integration: SIGKILL a scan midway; the store survives.

    scan_kill.py RAMPART IDS_ENV

Scan once to completion, then start a second scan into the same store through fault_proxy with
a delay on every call (so it is surely midway) and SIGKILL it after some calls went through.
Asserts: the store opens (`rampart scans` works, SQLite integrity_check is ok), the first scan is
intact (complete, same counts per (type, region)), and the killed scan is listed incomplete.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scanlib  # noqa: E402


def scans_table(r, store):
    rows = {}
    for line in r.run("scans", "--store", store).stdout.splitlines()[1:]:
        parts = line.split()
        if parts and parts[0].isdigit():
            rows[int(parts[0])] = parts
    return rows


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    rampart_bin, ids_file = sys.argv[1], sys.argv[2]
    ids = scanlib.load_ids(ids_file)
    c = scanlib.Checker("scan_kill")
    r = scanlib.Rampart(rampart_bin, ids["ENDPOINT"])
    work = scanlib.tmpdir("rampart-scan-kill-")
    proxy = scanlib.FaultProxy(ids["ENDPOINT"], [
        {"name": "slow-everything", "match": {}, "action": {"type": "forward", "delay_ms": 250}}])
    try:
        store = os.path.join(work, "kill.db")
        p = r.scan(store, extra=["--quiet"])
        first = scanlib.scan_id_of(p.stdout)
        before = r.inventory_counts(store, first)
        c.check(sum(before.values()) > 0, f"first scan {first} stored {sum(before.values())} resources")

        victim = subprocess.Popen(
            [rampart_bin, "scan", "--region", "us-east-1,eu-west-1", "--endpoint-url", proxy.endpoint,
             "--store", store, "--max-concurrency", "4"],
            env=r.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 120
        while time.time() < deadline and victim.poll() is None:
            if proxy.stats()["requests"] >= 40:
                break
            time.sleep(0.2)
        running = victim.poll() is None
        c.check(running, f"second scan still running after {proxy.stats()['requests']} calls")
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=30)
        c.equal(victim.returncode, -signal.SIGKILL, "second scan killed by SIGKILL")

        with sqlite3.connect(store) as db:
            c.equal(db.execute("PRAGMA integrity_check").fetchone()[0], "ok", "SQLite integrity_check")
        rows = scans_table(r, store)
        c.check(first in rows and "complete" in rows[first], f"scan {first} still complete",
                str(rows.get(first)))
        killed = [i for i in rows if i != first]
        c.equal(len(killed), 1, "the killed scan is listed")
        if killed:
            c.check("incomplete" in rows[killed[0]], f"killed scan {killed[0]} listed incomplete",
                    str(rows[killed[0]]))
            partial = r.inventory_counts(store, killed[0])
            c.check(sum(partial.values()) <= sum(before.values()),
                    f"killed scan holds what it committed ({sum(partial.values())} resources)")
        c.check(r.inventory_counts(store, first) == before, f"scan {first} counts unchanged")
        latest = r.run("inventory", "--json", "--store", store, check=False)
        c.equal(latest.returncode, 0, "inventory of the newest (killed) scan still readable")
    finally:
        proxy.stop()
        scanlib.rmtree(work)
    c.finish()


if __name__ == "__main__":
    sys.exit(main())
