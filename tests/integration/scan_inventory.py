#!/usr/bin/env python3
"""Integration: `rampart scan` of the seeded odoo-prod emulator stores what the AWS CLI lists.

    scan_inventory.py RAMPART IDS_ENV

1. scans us-east-1 and eu-west-1 into a fresh store;
2. compares `rampart inventory --json` counts per (type, region) with what the AWS CLI lists
   from the same emulator, for every type whose collector is compiled in (others: SKIP lines);
3. checks the scenario's named resources and the fields checks read (truth.md);
4. exports the scan, imports it into a second store, and compares the counts again.
"""

import concurrent.futures
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scanlib  # noqa: E402

REGIONS = ["us-east-1", "eu-west-1"]


def cli_counts_spec(account):
    """(type, service, aws-cli args, count function, regional)."""
    n = len
    return [
        ("ec2:instance", "ec2", ["describe-instances"],
         lambda r: sum(len(x["Instances"]) for x in r["Reservations"]), True),
        ("ec2:vpc", "ec2", ["describe-vpcs"], lambda r: n(r["Vpcs"]), True),
        ("ec2:subnet", "ec2", ["describe-subnets"], lambda r: n(r["Subnets"]), True),
        ("ec2:route-table", "ec2", ["describe-route-tables"], lambda r: n(r["RouteTables"]), True),
        ("ec2:internet-gateway", "ec2", ["describe-internet-gateways"],
         lambda r: n(r["InternetGateways"]), True),
        ("ec2:nat-gateway", "ec2", ["describe-nat-gateways"], lambda r: n(r["NatGateways"]), True),
        ("ec2:network-acl", "ec2", ["describe-network-acls"], lambda r: n(r["NetworkAcls"]), True),
        ("ec2:security-group", "ec2", ["describe-security-groups"],
         lambda r: n(r["SecurityGroups"]), True),
        ("ec2:network-interface", "ec2", ["describe-network-interfaces"],
         lambda r: n(r["NetworkInterfaces"]), True),
        ("ec2:volume", "ec2", ["describe-volumes"], lambda r: n(r["Volumes"]), True),
        ("ec2:snapshot", "ec2", ["describe-snapshots", "--filters", f"Name=owner-id,Values={account}"],
         lambda r: n([s for s in r["Snapshots"] if s.get("OwnerId") == account]), True),
        ("ec2:image", "ec2", ["describe-images", "--owners", "self"],
         lambda r: n([i for i in r["Images"] if i.get("OwnerId") == account]), True),
        ("ec2:flow-log", "ec2", ["describe-flow-logs"], lambda r: n(r["FlowLogs"]), True),
        ("ec2:vpc-endpoint", "ec2", ["describe-vpc-endpoints"], lambda r: n(r["VpcEndpoints"]), True),
        ("autoscaling:group", "autoscaling", ["describe-auto-scaling-groups"],
         lambda r: n(r["AutoScalingGroups"]), True),
        ("s3:bucket", "s3", ["s3api", "list-buckets"], lambda r: n(r["Buckets"]), False),
        ("rds:db-instance", "rds", ["describe-db-instances"], lambda r: n(r["DBInstances"]), True),
        ("rds:db-cluster", "rds", ["describe-db-clusters"], lambda r: n(r["DBClusters"]), True),
        ("rds:db-subnet-group", "rds", ["describe-db-subnet-groups"],
         lambda r: n(r["DBSubnetGroups"]), True),
        ("rds:db-cluster-snapshot", "rds", ["describe-db-cluster-snapshots", "--snapshot-type", "manual"],
         lambda r: n(r["DBClusterSnapshots"]), True),
        ("iam:user", "iam", ["list-users"], lambda r: n(r["Users"]), False),
        ("iam:group", "iam", ["list-groups"], lambda r: n(r["Groups"]), False),
        ("iam:role", "iam", ["list-roles"], lambda r: n(r["Roles"]), False),
        ("iam:instance-profile", "iam", ["list-instance-profiles"],
         lambda r: n(r["InstanceProfiles"]), False),
        ("iam:saml-provider", "iam", ["list-saml-providers"], lambda r: n(r["SAMLProviderList"]), False),
        ("iam:oidc-provider", "iam", ["list-open-id-connect-providers"],
         lambda r: n(r["OpenIDConnectProviderList"]), False),
        ("iam:server-certificate", "iam", ["list-server-certificates"],
         lambda r: n(r["ServerCertificateMetadataList"]), False),
        ("kms:key", "kms", ["list-keys"], lambda r: n(r["Keys"]), True),
        ("secretsmanager:secret", "secretsmanager", ["list-secrets"], lambda r: n(r["SecretList"]), True),
        ("cloudtrail:trail", "cloudtrail", ["describe-trails", "--no-include-shadow-trails"],
         lambda r: n(r["trailList"]), True),
        ("cloudwatch:alarm", "cloudwatch", ["describe-alarms"],
         lambda r: n(r.get("MetricAlarms", [])) + n(r.get("CompositeAlarms", [])), True),
        ("logs:log-group", "logs", ["describe-log-groups"], lambda r: n(r["logGroups"]), True),
        ("logs:metric-filter", "logs", ["describe-metric-filters"], lambda r: n(r["metricFilters"]), True),
        ("sns:topic", "sns", ["list-topics"], lambda r: n(r["Topics"]), True),
        ("events:rule", "events", ["list-rules"], lambda r: n(r["Rules"]), True),
        ("guardduty:detector", "guardduty", ["list-detectors"], lambda r: n(r["DetectorIds"]), True),
        ("config:recorder", "config", ["describe-configuration-recorders"],
         lambda r: n(r["ConfigurationRecorders"]), True),
        ("config:delivery-channel", "config", ["describe-delivery-channels"],
         lambda r: n(r["DeliveryChannels"]), True),
        ("elb:load-balancer", "elb", ["elb", "describe-load-balancers"],
         lambda r: n(r["LoadBalancerDescriptions"]), True),
        ("elbv2:load-balancer", "elbv2", ["elbv2", "describe-load-balancers"],
         lambda r: n(r["LoadBalancers"]), True),
        ("elbv2:target-group", "elbv2", ["elbv2", "describe-target-groups"],
         lambda r: n(r["TargetGroups"]), True),
        ("acm:certificate", "acm", ["list-certificates"], lambda r: n(r["CertificateSummaryList"]), True),
        ("cloudformation:stack", "cloudformation", ["describe-stacks"], lambda r: n(r["Stacks"]), True),
        ("backup:plan", "backup", ["list-backup-plans"], lambda r: n(r["BackupPlansList"]), True),
        ("lambda:function", "lambda", ["lambda", "list-functions"], lambda r: n(r["Functions"]), True),
    ]


def aws_cli(env, endpoint, region, args):
    # The service word: most args start with the operation; s3api/elb/elbv2/lambda carry it.
    cmd = ["aws", "--endpoint-url", endpoint, "--region", region, "--output", "json", *args]
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: {p.stderr.strip()}")
    return json.loads(p.stdout or "{}")


CLI_NAMES = {"config": "configservice"}  # botocore id -> AWS CLI command, where they differ


def cli_argv(service, args):
    # Entries whose args already name the CLI service (s3api, elb, elbv2, lambda) keep them.
    if args[0] in ("s3api", "elb", "elbv2", "lambda"):
        return args
    return [CLI_NAMES.get(service, service), *args]


def expected_counts(env, endpoint, account, wanted_services):
    jobs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        for rtype, service, args, count, regional in cli_counts_spec(account):
            if service not in wanted_services:
                continue
            for region in (REGIONS if regional else ["us-east-1"]):
                jobs[(rtype, region if regional else None)] = (
                    pool.submit(aws_cli, env, endpoint, region, cli_argv(service, args)), count)
        out = {}
        for key, (future, count) in jobs.items():
            try:
                out[key] = count(future.result())
            except Exception as e:  # the CLI failing is a test failure, reported per type
                out[key] = e
    return out


def compare_counts(c, expected, counts, label):
    totals = scanlib.type_totals(counts)
    for (rtype, region), want in sorted(expected.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if isinstance(want, Exception):
            c.check(False, f"{label}: aws cli lists {rtype} in {region}", str(want))
            continue
        if region is None:  # account-wide types: compare the total whatever region rampart files them in
            c.equal(totals.get(rtype, 0), want, f"{label}: {rtype} total (aws cli)")
        else:
            c.equal(counts.get((rtype, region), 0), want, f"{label}: {rtype} in {region} (aws cli)")


def check_named(c, snap, ids):
    find = scanlib.find_resource

    def doc(rtype, rid, region=None):
        r = find(snap, rtype, rid, region)
        c.check(r is not None, f"{rtype} {rid} present" + (f" in {region}" if region else ""))
        return r

    for b in ("B_FILE", "B_BACK", "B_PUB", "B_LOGS", "B_TRAIL"):
        doc("s3:bucket", ids[b])
    pub = find(snap, "s3:bucket", ids["B_PUB"])
    if pub:
        d = pub["document"]
        c.check(d.get("ServerSideEncryptionConfiguration") is None
                and "ServerSideEncryptionConfiguration" not in pub["unknown"],
                "public-assets bucket encryption is absent (not unknown)", json.dumps(d)[:300])
    filestore = find(snap, "s3:bucket", ids["B_FILE"])
    if filestore:
        sse = json.dumps(filestore["document"].get("ServerSideEncryptionConfiguration"))
        c.check("aws:kms" in sse, "filestore bucket encryption known (aws:kms)", sse[:300])
    for user in ("alice", "bob", "carol", "ci-deploy"):
        doc("iam:user", user)
    legacy = doc("rds:db-instance", "odoo-db-legacy", "us-east-1")
    if legacy:
        c.equal(legacy["document"].get("PubliclyAccessible"), True, "odoo-db-legacy PubliclyAccessible")
        c.equal(legacy["document"].get("StorageEncrypted"), False, "odoo-db-legacy StorageEncrypted")
    main = find(snap, "rds:db-instance", "odoo-db-main", "us-east-1")
    if main:
        c.equal(main["document"].get("PubliclyAccessible"), False, "odoo-db-main PubliclyAccessible")
    for sg in ("SG_APP", "SG_DB_PUB", "SG_DB_PRIV", "SG_DEFAULT"):
        doc("ec2:security-group", ids[sg], "us-east-1")
    doc("ec2:security-group", ids["DEFAULT_SG_R2"], "eu-west-1")
    web = doc("ec2:instance", ids["WEB"], "us-east-1")
    if web:
        c.equal(web["document"].get("MetadataOptions", {}).get("HttpTokens"), "optional",
                "odoo-web-1 MetadataOptions.HttpTokens")
    worker = find(snap, "ec2:instance", ids["WORKER"], "us-east-1")
    if worker:
        c.equal(worker["document"].get("MetadataOptions", {}).get("HttpTokens"), "required",
                "odoo-worker-1 MetadataOptions.HttpTokens")
    vol = doc("ec2:volume", ids["VOL_R2"], "eu-west-1")
    if vol:
        c.equal(vol["document"].get("Encrypted"), False, "eu-west-1 volume Encrypted")
    key_id = ids["KMS_S3"].rsplit("/", 1)[-1]
    doc("kms:key", key_id, "us-east-1")
    trails = [r for r in snap["resources"] if r["type"] == "cloudtrail:trail"
              and r["id"] in (ids["TRAIL_MAIN"], "odoo-trail-main")]
    c.equal(len(trails), 1, "multi-region trail odoo-trail-main stored once")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    rampart_bin, ids_file = sys.argv[1], sys.argv[2]
    ids = scanlib.load_ids(ids_file)
    endpoint = ids["ENDPOINT"]
    c = scanlib.Checker("scan_inventory")
    r = scanlib.Rampart(rampart_bin, endpoint)
    work = scanlib.tmpdir("rampart-scan-inventory-")
    try:
        collectors = r.collectors()
        c.check(bool(collectors), "collectors are compiled in", ", ".join(collectors))
        store = os.path.join(work, "scan.db")
        p = r.scan(store, extra=["--max-concurrency", "16"])
        c.check(p.returncode == 0, "rampart scan exits 0", p.stderr[-500:])
        scan_id = scanlib.scan_id_of(p.stdout)
        c.check(f"Account:   {ids['ACCOUNT']}" in p.stdout, "scan reports the account", p.stdout)
        c.check("Regions:   us-east-1, eu-west-1" in p.stdout or "Regions:   eu-west-1, us-east-1" in p.stdout,
                "scan reports both regions", p.stdout)
        counts = r.inventory_counts(store)
        wanted = set(collectors)
        all_services = {spec[1] for spec in cli_counts_spec(ids["ACCOUNT"])}
        for missing in sorted(all_services - wanted):
            print(f"SKIP {missing}: no collector compiled in yet", flush=True)
        expected = expected_counts(scanlib.aws_env(), endpoint, ids["ACCOUNT"], wanted)
        compare_counts(c, expected, counts, "scan")

        snap_file = os.path.join(work, "scan.json.gz")
        snap = r.export(store, snap_file)
        c.equal(snap["scan"]["id"], scan_id, "export holds the scan")
        c.equal(len(snap["resources"]), sum(counts.values()), "export resource count")
        check_named(c, snap, ids)

        store2 = os.path.join(work, "imported.db")
        p = r.run("import", snap_file, "--store", store2)
        new_id = scanlib.scan_id_of(p.stdout)
        c.check(new_id > 0, f"import prints the new scan id ({new_id})")
        counts2 = r.inventory_counts(store2, new_id)
        c.check(counts2 == counts, "imported scan has the same counts per (type, region)",
                f"{len(counts2)} vs {len(counts)} keys")
        text = r.run("inventory", "--store", store2).stdout
        c.check("## Infrastructure Summary" in text and ids["ACCOUNT"] in text,
                "inventory prints the infrastructure summary")
        scans = r.run("scans", "--store", store).stdout
        c.check(any(line.split()[:1] == [str(scan_id)] and "complete" in line.lower()
                    for line in scans.splitlines()), "scans lists the scan as complete", scans)
    finally:
        scanlib.rmtree(work)
    c.finish()


if __name__ == "__main__":
    sys.exit(main())
