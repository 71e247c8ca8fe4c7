"""The documented iam-simulate deviations (iam_simulate_deviations.md) as case rewrites.

Each function takes a case (rampart-iam-case/1 shape) and rampart's answer for it, and returns a
rewritten copy -- equal in meaning for AWS by the doc passage its section quotes, without the
construct iam-simulate decides differently -- or None when the deviation does not apply.
"""
import copy
import datetime
import json
import re

import gen_cases

DATE_KEYS = {"aws:currenttime", "aws:epochtime", "aws:tokenissuetime"}
VAR_RE = re.compile(r"\$\{([^}]*)\}")


# ---- case helpers ---------------------------------------------------------------------------
def all_policies(case):
    """(slot, policy) for every policy document of a case."""
    p = case["policies"]
    for i, d in enumerate(p.get("identity", [])):
        yield f"identity[{i}]", d
    for key in ("permissions_boundary", "session_policy", "resource"):
        if key in p:
            yield key, p[key]
    for i, d in enumerate(p.get("vpc_endpoint", [])):
        yield f"vpc_endpoint[{i}]", d
    for key in ("scps", "rcps"):
        for li, level in enumerate(p.get(key, {}).get("levels", [])):
            for i, d in enumerate(level):
                yield f"{key}[{li}][{i}]", d


def statements(policy):
    st = policy["Statement"]
    return st if isinstance(st, list) else [st]


def as_list(v):
    return v if isinstance(v, list) else [v]


def principal_kind(case):
    p = case["request"]["principal"]
    if p == "anonymous":
        return "anonymous"
    if ":role/aws-service-role/" in p:
        return "service-linked-role"
    return p.split(":", 5)[5].split("/")[0]  # user, role, assumed-role, federated-user, root


def context_lower(case):
    return {k.lower(): v for k, v in case["request"].get("context", {}).items()}


def edit_conditions(case, fn):
    """Calls fn(op, key, values) for every condition clause; it returns new values, or None to
    drop the clause. Returns True when anything changed."""
    changed = False
    for _, pol in all_policies(case):
        for st in statements(pol):
            cond = st.get("Condition")
            if not cond:
                continue
            for op in list(cond):
                for key in list(cond[op]):
                    new = fn(op, key, cond[op][key], pol)
                    if new is None:
                        del cond[op][key]
                        changed = True
                    elif new != cond[op][key]:
                        cond[op][key] = new
                        changed = True
                if not cond[op]:
                    del cond[op]
            if not cond:
                del st["Condition"]
    return changed


# ---- the documented deviations: each rewrites a case, or returns None if it does not apply -----
def dev_root_user(case, ours):
    if principal_kind(case) != "root":
        return None
    c = copy.deepcopy(case)
    c["policies"].setdefault("identity", []).append(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
    return c


def dev_service_linked_role(case, ours):
    if principal_kind(case) != "service-linked-role":
        return None
    if "scps" not in case["policies"] and "rcps" not in case["policies"]:
        return None
    c = copy.deepcopy(case)
    c["policies"].pop("scps", None)
    c["policies"].pop("rcps", None)
    return c


def iso_of_epoch(v):
    if isinstance(v, str) and v.isdigit():
        t = datetime.datetime.fromtimestamp(int(v), tz=datetime.timezone.utc)
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    return v


def dev_epoch_dates(case, ours):
    c = copy.deepcopy(case)

    def fn(op, key, vals, pol):
        if "Date" not in op:
            return vals
        new = [iso_of_epoch(v) for v in as_list(vals)]
        return new if isinstance(vals, list) else new[0]
    changed = edit_conditions(c, fn)
    ctx = c["request"].get("context", {})
    for k in list(ctx):
        if k.lower() in DATE_KEYS and iso_of_epoch(ctx[k]) != ctx[k]:
            ctx[k] = iso_of_epoch(ctx[k])
            changed = True
    return c if changed else None


def dev_zero_prefix_cidr(case, ours):
    c = copy.deepcopy(case)

    def fn(op, key, vals, pol):
        if "IpAddress" not in op or "0.0.0.0/0" not in as_list(vals):
            return vals
        out = []
        for v in as_list(vals):
            out += ["0.0.0.0/1", "128.0.0.0/1"] if v == "0.0.0.0/0" else [v]
        return out
    return c if edit_conditions(c, fn) else None


def dev_set_operator_if_exists(case, ours):
    c = copy.deepcopy(case)
    ctx = context_lower(c)

    def fn(op, key, vals, pol):
        if op.startswith("For") and op.endswith("IfExists") and key.lower() not in ctx:
            return None  # true by the IfExists rule: drop the clause
        return vals
    return c if edit_conditions(c, fn) else None


UNRESOLVED_VALUE = "unresolved-policy-variable"
UNRESOLVED_ARN = "arn:aws:s3:::unresolved-policy-variable"


def unresolved(text, ctx):
    """True when `text` has a ${key} with no default whose key the request lacks."""
    for body in VAR_RE.findall(text):
        body = body.strip()
        if body in ("*", "?", "$") or "," in body:
            continue
        v = ctx.get(body.lower())
        if v is None or isinstance(v, list):
            return True
    return False


def dev_variable_without_value(case, ours):
    c = copy.deepcopy(case)
    ctx = context_lower(c)
    changed = False
    for _, pol in all_policies(c):
        if pol.get("Version") != "2012-10-17":
            continue
        for st in statements(pol):
            for field in ("Resource", "NotResource"):
                if field in st:
                    vals = as_list(st[field])
                    new = [UNRESOLVED_ARN if unresolved(v, ctx) else v for v in vals]
                    if new != vals:
                        st[field] = new
                        changed = True
    def fn(op, key, vals, pol):
        if pol.get("Version") != "2012-10-17":
            return vals
        new = [UNRESOLVED_VALUE if isinstance(v, str) and unresolved(v, ctx) else v
               for v in as_list(vals)]
        return new if isinstance(vals, list) else new[0]
    changed = edit_conditions(c, fn) or changed
    return c if changed else None


def dev_direct_resource_grant(case, ours):
    if ours["decision"] != "allow" or not ours["statement"].startswith("resource "):
        return None
    p = case["policies"]
    if "session_policy" not in p and "permissions_boundary" not in p:
        return None
    c = copy.deepcopy(case)
    c["policies"].pop("session_policy", None)
    c["policies"].pop("permissions_boundary", None)
    return c


def dev_missing_trust_or_key_policy(case, ours):
    action = case["request"]["action"]
    if action not in ("sts:AssumeRole", "kms:Decrypt") or "resource" in case["policies"]:
        return None
    c = copy.deepcopy(case)
    st = {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{gen_cases.C}:root"},
          "Action": action}
    if action == "kms:Decrypt":
        st["Resource"] = "*"
    c["policies"]["resource"] = {"Version": "2012-10-17", "Statement": [st]}
    return c


def product_split(arn):
    """(prefix, product, rest) the way iam-simulate splits a resource ARN: the product is the
    resource part up to and including the first '/' or ':' ('' for S3 and for none)."""
    parts = arn.split(":", 5)
    if len(parts) < 6 or (parts[2] == "s3" and parts[3] == "" and parts[4] == ""):
        return None
    res = parts[5]
    cut = [i for i in (res.find("/"), res.find(":")) if i >= 0]
    if not cut:
        return None
    k = min(cut) + 1
    return ":".join(parts[:5]) + ":", res[:k], res[k:]


def glob(pattern, text):
    return re.fullmatch("".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch)
                                for ch in pattern), text, re.S) is not None


def dev_wildcard_in_resource_type(case, ours):
    req = product_split(case["request"]["resource"])
    if req is None:
        return None
    c = copy.deepcopy(case)
    changed = False
    for _, pol in all_policies(c):
        for st in statements(pol):
            for field in ("Resource", "NotResource"):
                if field not in st:
                    continue
                new = []
                for v in as_list(st[field]):
                    sp = product_split(v)
                    if sp and "?" in sp[1]:
                        product = req[1] if glob(sp[1], req[1]) else sp[1].replace("?", "Q")
                        v = sp[0] + product + sp[2]
                        changed = True
                    new.append(v)
                st[field] = new
    return c if changed else None


def dev_variables_before_2012(case, ours):
    c = copy.deepcopy(case)
    changed = False

    def esc(v):
        return v.replace("$", "${$}") if isinstance(v, str) else v
    for _, pol in all_policies(c):
        if pol.get("Version") == "2012-10-17" or "${" not in json.dumps(pol):
            continue
        pol["Version"] = "2012-10-17"
        changed = True
        for st in statements(pol):
            for field in ("Resource", "NotResource"):
                if field in st:
                    st[field] = [esc(v) for v in as_list(st[field])]
            for op, block in st.get("Condition", {}).items():
                for key in block:
                    block[key] = [esc(v) for v in as_list(block[key])]
    return c if changed else None


def dev_not_principal_account(case, ours):
    if principal_kind(case) in ("root", "anonymous"):
        return None
    c = copy.deepcopy(case)
    changed = False
    for _, pol in all_policies(c):
        for st in statements(pol):
            np = st.get("NotPrincipal")
            if not isinstance(np, dict) or "AWS" not in np:
                continue
            vals = as_list(np["AWS"])
            kept = [v for v in vals if not (re.fullmatch(r"\d{12}", v) or v.endswith(":root"))]
            if kept != vals:
                np["AWS"] = kept or [f"arn:aws:iam::{gen_cases.C}:user/nobody"]
                changed = True
    return c if changed else None


def dev_short_arn_trailing_wildcard(case, ours):
    c = copy.deepcopy(case)
    changed = False
    for _, pol in all_policies(c):
        for st in statements(pol):
            for field in ("Resource", "NotResource"):
                if field not in st:
                    continue
                new = []
                for v in as_list(st[field]):
                    if v.startswith("arn:") and v.endswith("*") and v.count(":") < 5:
                        v = v + ":*" * (5 - v.count(":"))
                        changed = True
                    new.append(v)
                st[field] = new
    return c if changed else None


def dev_ip_family(case, ours):
    ip = context_lower(case).get("aws:sourceip")
    if not isinstance(ip, str):
        return None
    v6 = ":" in ip
    c = copy.deepcopy(case)

    def fn(op, key, vals, pol):
        if key.lower() != "aws:sourceip" or not op.startswith("NotIpAddress"):
            return vals
        same = [v for v in as_list(vals) if (":" in v) == v6]
        if same == as_list(vals):
            return vals
        return same or None  # no range of the request's family: "not in" holds
    return c if edit_conditions(c, fn) else None


DEVIATIONS = [
    ("D1-root-user", dev_root_user),
    ("D2-service-linked-role-guardrails", dev_service_linked_role),
    ("D3-epoch-dates", dev_epoch_dates),
    ("D4-zero-prefix-cidr", dev_zero_prefix_cidr),
    ("D5-set-operator-ifexists", dev_set_operator_if_exists),
    ("D6-variable-without-value", dev_variable_without_value),
    ("D7-direct-resource-grant", dev_direct_resource_grant),
    ("D8-missing-trust-or-key-policy", dev_missing_trust_or_key_policy),
    ("D9-wildcard-in-resource-type", dev_wildcard_in_resource_type),
    ("D10-variables-before-2012", dev_variables_before_2012),
    ("D11-not-principal-account", dev_not_principal_account),
    ("D12-short-arn-trailing-wildcard", dev_short_arn_trailing_wildcard),
    ("D13-ip-address-family", dev_ip_family),
]
