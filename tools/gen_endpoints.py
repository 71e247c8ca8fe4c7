#!/usr/bin/env python3
"""Generates src/aws/endpoints/gen/partitions.cc from botocore's endpoints.json: the partitions
(id, region regex and its literal prefixes, DNS suffix, hostname template, regions) and, for
the endpoint prefixes of rampart's services, the endpoints that differ from the template
(global endpoints, credential scopes). Called by gen_models.py; standard library only.
"""

import os
import re
import sys

from botocore_data import cstr, load_json


REGEX_TAIL = r"\-\w+\-\d+$"


def regex_prefixes(regex):
    r"""Expands a partition regionRegex of the form ^HEAD\-\w+\-\d+$, where HEAD is literal text
    with at most one (a|b|...) group, into the list of literal prefixes HEAD can be (each with
    the trailing '-'). The C++ side then matches without std::regex."""
    if not regex.startswith("^") or not regex.endswith(REGEX_TAIL):
        sys.exit(f"gen_models.py: unsupported regionRegex {regex}")
    head = regex[1:-len(REGEX_TAIL)]
    m = re.fullmatch(r"([^()|]*)(?:\(([^()]*)\))?([^()|]*)", head)
    if not m:
        sys.exit(f"gen_models.py: unsupported regionRegex {regex}")
    alternatives = m.group(2).split("|") if m.group(2) is not None else [""]
    out = []
    for alt in alternatives:
        literal = (m.group(1) + alt + m.group(3)).replace("\\-", "-")
        if not re.fullmatch(r"[a-z0-9-]+", literal):
            sys.exit(f"gen_models.py: unsupported regionRegex {regex}")
        prefix = literal + "-"
        if not re.match(regex, prefix + "x-1"):  # self-check against Python's re
            sys.exit(f"gen_models.py: bad expansion of {regex}: {prefix}")
        out.append(prefix)
    return sorted(out)


def generate_partitions(data_dir, version, prefixes):
    endpoints = load_json(os.path.join(data_dir, "endpoints.json"))
    if endpoints is None:
        sys.exit("gen_models.py: no endpoints.json in the botocore data directory")
    parts = endpoints["partitions"]
    region_arrays, part_inits, svc_entries, override_arrays = [], [], [], []
    for pi, p in enumerate(parts):
        regex = re.compile(p["regionRegex"])
        regions = sorted(r for r in p["regions"] if regex.match(r))
        region_arrays.append(f"constexpr std::string_view kR{pi}[] = {{"
                             + ", ".join(cstr(r) for r in regions) + "};")
        region_arrays.append(f"constexpr std::string_view kP{pi}[] = {{"
                             + ", ".join(cstr(x) for x in regex_prefixes(p["regionRegex"]))
                             + "};")
        d = p.get("defaults", {})
        part_inits.append(
            "{" + ", ".join([
                f".id = {cstr(p['partition'])}", f".name = {cstr(p.get('partitionName', ''))}",
                f".region_regex = {cstr(p['regionRegex'])}",
                f".dns_suffix = {cstr(p['dnsSuffix'])}",
                f".hostname = {cstr(d.get('hostname', '{service}.{region}.{dnsSuffix}'))}",
                f".regions = kR{pi}", f".region_prefixes = kP{pi}"]) + "}")
        for prefix in sorted(prefixes):
            svc = p["services"].get(prefix)
            if svc is None:
                continue
            sd = svc.get("defaults", {})
            f = [f".prefix = {cstr(prefix)}", f".partition = {cstr(p['partition'])}"]
            if svc.get("isRegionalized") is False:
                f.append(".regionalized = false")
            if svc.get("partitionEndpoint"):
                f.append(f".partition_endpoint = {cstr(svc['partitionEndpoint'])}")
            if sd.get("hostname"):
                f.append(f".hostname = {cstr(sd['hostname'])}")
            scope = sd.get("credentialScope", {})
            if scope.get("region"):
                f.append(f".credential_region = {cstr(scope['region'])}")
            if scope.get("service"):
                f.append(f".credential_service = {cstr(scope['service'])}")
            overrides = []
            for key in sorted(svc.get("endpoints", {})):
                e = svc["endpoints"][key]
                if e.get("deprecated") or "fips" in key:
                    continue  # FIPS pseudo-regions are out of scope
                scope = e.get("credentialScope", {})
                default_host = (sd.get("hostname") or d.get("hostname", "")).replace(
                    "{service}", prefix).replace("{region}", key).replace(
                    "{dnsSuffix}", p["dnsSuffix"])
                host = e.get("hostname", "")
                if host == default_host:
                    host = ""
                if not host and not scope and regex.match(key):
                    continue  # plain template endpoint: nothing to record
                o = [f".key = {cstr(key)}"]
                if host:
                    o.append(f".hostname = {cstr(host)}")
                if scope.get("region"):
                    o.append(f".credential_region = {cstr(scope['region'])}")
                if scope.get("service"):
                    o.append(f".credential_service = {cstr(scope['service'])}")
                overrides.append("{" + ", ".join(o) + "}")
            if overrides:
                name = f"kO{len(override_arrays)}"
                override_arrays.append(f"constexpr EndpointOverride {name}[] = {{\n    "
                                       + ",\n    ".join(overrides) + "};")
                f.append(f".endpoints = {name}")
            svc_entries.append(((prefix, p["partition"]), "{" + ", ".join(f) + "}"))
    svc_entries.sort()
    out = [f"// Generated by tools/gen_models.py from botocore {version}; do not edit.",
           "// Partitions from endpoints.json and, for the endpoint prefixes of rampart's",
           "// services, the endpoints that differ from the partition hostname template.",
           '#include "aws/endpoints/partitions.h"', "",
           "namespace rampart::aws::endpoints {", "namespace {", ""]
    out += region_arrays + override_arrays
    out += ["", "constexpr Partition kPartitions[] = {"]
    out += ["    " + x + "," for x in part_inits]
    out += ["};", "", "constexpr ServiceEndpoints kServices[] = {"]
    out += ["    " + x + "," for _, x in svc_entries]
    out += ["};", "", "}  // namespace", "",
            "std::span<const Partition> partitions() { return kPartitions; }",
            "std::span<const ServiceEndpoints> service_endpoints() { return kServices; }", "",
            "}  // namespace rampart::aws::endpoints", ""]
    return "\n".join(out)
