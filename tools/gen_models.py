#!/usr/bin/env python3
"""Generates rampart's compiled AWS service model tables and endpoint partition table.

Reads botocore's data directory (service-2.json, paginators-1.json, endpoints.json) and writes
  src/aws/models/gen/<service>.cc   one ServiceModel per service (src/aws/model/model.h structs)
  src/aws/models/gen/registry.cc    the list of all generated services
  src/aws/models/gen/services.h     declarations of the <service>_model() accessors
  src/aws/endpoints/gen/partitions.cc  partitions + per-endpoint-prefix special cases
Only what a read-only auditor calls is kept (Describe*/List*/Get*/Head* plus ALLOWLIST, minus
DENYLIST and streaming outputs), with the shapes reachable from them, so the tables stay small
and compile in seconds. Python 3 standard library only; the output is checked in, so building
rampart needs no Python. Usage: tools/gen_models.py [--botocore-data DIR] [--out REPO_ROOT]
"""

import argparse
import os
import sys

from botocore_data import cstr, find_botocore_data, load_json, write
from gen_endpoints import generate_partitions

SERVICES = [
    "ec2", "s3", "s3control", "rds", "iam", "sts", "kms", "secretsmanager", "cloudtrail",
    "cloudwatch", "logs", "guardduty", "config", "elbv2", "elb", "cloudformation", "sns",
    "events", "organizations", "lambda", "acm", "backup", "accessanalyzer", "securityhub",
    "autoscaling",
]

READ_PREFIXES = ("Describe", "List", "Get", "Head")

# Operations kept although their names do not start with a read prefix. Each one is read-only
# (or, for the STS calls, how the auditor obtains credentials).
ALLOWLIST = {
    "sts": {"AssumeRole", "AssumeRoleWithWebIdentity", "GetCallerIdentity",
            "DecodeAuthorizationMessage"},  # decode: explains AccessDenied during collection
    "iam": {"GenerateCredentialReport",             # GetCredentialReport needs it first
            "GenerateServiceLastAccessedDetails",   # GetServiceLastAccessedDetails needs it
            "SimulatePrincipalPolicy"},             # read-only policy evaluation cross-check
    "cloudtrail": {"LookupEvents"},                   # read-only management-event search
    "config": {"BatchGetResourceConfig", "SelectResourceConfig"},  # read-only queries
    "securityhub": {"BatchGetSecurityControls", "BatchGetStandardsControlAssociations"},
}

# Read-prefixed operations an auditor must never call: they return secret material.
DENYLIST = {
    "secretsmanager": {"GetSecretValue"},  # the secret's plaintext
    "ec2": {"GetPasswordData"},            # encrypted Windows administrator password
}

# Protocols rampart implements, in botocore's PRIORITY_ORDERED_SUPPORTED_PROTOCOLS order
# (smithy-rpc-v2-cbor, which botocore ranks before query, is not implemented and skipped).
PROTOCOL_PRIORITY = ["json", "rest-json", "rest-xml", "query", "ec2"]
PROTOCOL_ENUM = {"json": "Json", "rest-json": "RestJson", "rest-xml": "RestXml",
                 "query": "Query", "ec2": "Ec2"}
SHAPE_TYPES = {
    "structure": "Structure", "list": "List", "map": "Map", "string": "String",
    "boolean": "Boolean", "byte": "Byte", "short": "Short", "integer": "Integer",
    "long": "Long", "float": "Float", "double": "Double", "bigInteger": "BigInteger",
    "bigDecimal": "BigDecimal", "timestamp": "Timestamp", "blob": "Blob",
}
LOCATIONS = {"header": "Header", "headers": "Headers", "uri": "Uri",
             "querystring": "QueryString", "statusCode": "StatusCode"}
TS_FORMATS = {"iso8601": "Iso8601", "rfc822": "Rfc822", "unixTimestamp": "UnixTimestamp"}

# ---------------------------------------------------------------------------------------------
# Reading one service
# ---------------------------------------------------------------------------------------------

def deep_merge(base, extra):
    """botocore.utils.merge_dicts: recursive merge of the sdk-extras "merge" object."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            deep_merge(base[key], value)
        else:
            base[key] = value


def load_service(data_dir, name):
    sdir = os.path.join(data_dir, name)
    versions = sorted(d for d in os.listdir(sdir) if os.path.isdir(os.path.join(sdir, d)))
    if not versions:
        sys.exit(f"gen_models.py: no api version directory for {name}")
    vdir = os.path.join(sdir, versions[-1])
    model = load_json(os.path.join(vdir, "service-2.json"))
    if model is None:
        sys.exit(f"gen_models.py: {vdir} has no service-2.json[.gz]")
    extras = load_json(os.path.join(vdir, "service-2.sdk-extras.json"))
    if extras and isinstance(extras.get("merge"), dict):
        deep_merge(model, extras["merge"])
    pag = load_json(os.path.join(vdir, "paginators-1.json")) or {}
    return model, pag.get("pagination", {})


# ---------------------------------------------------------------------------------------------
# Selection
# ---------------------------------------------------------------------------------------------

def resolve_protocol(meta):
    listed = meta.get("protocols") or [meta.get("protocol")]
    for p in PROTOCOL_PRIORITY:
        if p in listed:
            return p
    sys.exit(f"gen_models.py: no supported protocol in {listed}")


def is_streaming_output(model, op):
    out = op.get("output")
    if not out:
        return False
    shape = model["shapes"][out["shape"]]
    payload = shape.get("payload")
    if payload:
        ref = shape["members"][payload]
        target = model["shapes"][ref["shape"]]
        if ref.get("streaming") or target.get("streaming") or target.get("eventstream"):
            return True
    return any(model["shapes"][m["shape"]].get("eventstream")
               for m in shape.get("members", {}).values())


def keep_operation(service, model, name):
    op = model["operations"][name]
    wanted = name.startswith(READ_PREFIXES) or name in ALLOWLIST.get(service, set())
    if not wanted or name in DENYLIST.get(service, set()):
        return False
    return not is_streaming_output(model, op)


def reachable_shapes(model, ops):
    seen = set()
    stack = []
    for op in ops:
        for key in ("input", "output"):
            if key in op:
                stack.append(op[key]["shape"])
        stack.extend(e["shape"] for e in op.get("errors", []))
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = model["shapes"][name]
        for m in shape.get("members", {}).values():
            stack.append(m["shape"])
        for key in ("member", "key", "value"):
            if key in shape:
                stack.append(shape[key]["shape"])
    return sorted(seen)


# ---------------------------------------------------------------------------------------------
# C++ emission
# ---------------------------------------------------------------------------------------------

def xml_ns(obj):
    ns = obj.get("xmlNamespace")
    if isinstance(ns, str):
        return None, ns
    if isinstance(ns, dict):
        return ns.get("prefix"), ns.get("uri")
    return None, None


def fields_for_ref(ref, name, index, required=False):
    """Designated-initializer fields of a MemberRef, in model.h declaration order."""
    f = []
    if name:
        f.append(f".name = {cstr(name)}")
    f.append(f".shape = {index[ref['shape']]}")
    if ref.get("location") in LOCATIONS:
        f.append(f".location = Location::{LOCATIONS[ref['location']]}")
    if ref.get("locationName"):
        f.append(f".location_name = {cstr(ref['locationName'])}")
    if ref.get("queryName"):
        f.append(f".query_name = {cstr(ref['queryName'])}")
    prefix, uri = xml_ns(ref)
    if prefix or uri:
        f.append(f".xml_namespace = {{{cstr(prefix or '')}, {cstr(uri or '')}}}")
    if ref.get("timestampFormat") in TS_FORMATS:
        f.append(f".timestamp_format = TimestampFormat::{TS_FORMATS[ref['timestampFormat']]}")
    for key, field in (("xmlAttribute", "xml_attribute"), ("flattened", "flattened"),
                       ("hostLabel", "host_label"), ("idempotencyToken", "idempotency_token"),
                       ("jsonvalue", "json_value")):
        if ref.get(key):
            f.append(f".{field} = true")
    if required:
        f.append(".required = true")
    if ref.get("eventpayload"):
        f.append(".event_payload = true")
    return f


def ref_init(ref, name, index, required=False):
    return "{" + ", ".join(fields_for_ref(ref, name, index, required)) + "}"


class Pool:
    """Deduplicated constexpr arrays (error lists, token lists) of one generated file."""

    def __init__(self, prefix, ctype):
        self.prefix, self.ctype, self.items = prefix, ctype, {}

    def get(self, values):
        key = tuple(values)
        if key not in self.items:
            self.items[key] = f"{self.prefix}{len(self.items)}"
        return self.items[key]

    def emit(self, render):
        return [f"constexpr {self.ctype} {name}[] = {{{', '.join(render(v) for v in key)}}};"
                for key, name in self.items.items()]


def generate_service(service, model, pagination, version):
    meta = model["metadata"]
    op_names = sorted(n for n in model["operations"] if keep_operation(service, model, n))
    ops = [dict(model["operations"][n], name=n) for n in op_names]
    names = reachable_shapes(model, ops)
    index = {n: i for i, n in enumerate(names)}

    member_arrays = []
    shape_inits = []
    for i, name in enumerate(names):
        s = model["shapes"][name]
        f = [f".name = {cstr(name)}", f".type = ShapeType::{SHAPE_TYPES[s['type']]}"]
        if s["type"] == "structure" and s.get("members"):
            req = set(s.get("required", []))
            refs = [ref_init(m, mn, index, mn in req) for mn, m in s["members"].items()]
            member_arrays.append(f"constexpr MemberRef kM{i}[] = {{\n    "
                                 + ",\n    ".join(refs) + "};")
            f.append(f".members = kM{i}")
        for key in ("member", "key", "value"):
            if key in s:
                f.append(f".{key} = {ref_init(s[key], None, index)}")
        if s.get("payload"):
            f.append(f".payload = {cstr(s['payload'])}")
        if s.get("locationName"):
            f.append(f".location_name = {cstr(s['locationName'])}")
        prefix, uri = xml_ns(s)
        if prefix or uri:
            f.append(f".xml_namespace = {{{cstr(prefix or '')}, {cstr(uri or '')}}}")
        if s.get("timestampFormat") in TS_FORMATS:
            f.append(f".timestamp_format = TimestampFormat::{TS_FORMATS[s['timestampFormat']]}")
        err = s.get("error") or {}
        if err.get("code"):
            f.append(f".error_code = {cstr(err['code'])}")
        if err.get("httpStatusCode"):
            f.append(f".error_status = {int(err['httpStatusCode'])}")
        for key, field in (("flattened", "flattened"), ("exception", "exception"),
                           ("fault", "fault"), ("document", "document"), ("union", "is_union"),
                           ("streaming", "streaming"), ("sensitive", "sensitive"),
                           ("eventstream", "event_stream"), ("requiresLength", "requires_length")):
            if s.get(key):
                f.append(f".{field} = true")
        shape_inits.append("{" + ", ".join(f) + "}")

    errors = Pool("kE", "std::uint32_t")
    op_inits = []
    for op in ops:
        f = [f".name = {cstr(op['name'])}"]
        http = op.get("http", {})
        if http.get("method", "POST") != "POST":
            f.append(f".http_method = {cstr(http['method'])}")
        if http.get("requestUri", "/") != "/":
            f.append(f".request_uri = {cstr(http['requestUri'])}")
        if http.get("responseCode", 200) != 200:
            f.append(f".response_code = {int(http['responseCode'])}")
        if "input" in op:
            f.append(f".input = {ref_init(op['input'], None, index)}")
        if "output" in op:
            f.append(f".output = {ref_init(op['output'], None, index)}")
            if op["output"].get("resultWrapper"):
                f.append(f".result_wrapper = {cstr(op['output']['resultWrapper'])}")
        if (op.get("endpoint") or {}).get("hostPrefix"):
            f.append(f".host_prefix = {cstr(op['endpoint']['hostPrefix'])}")
        if op.get("authtype"):
            f.append(f".auth_type = {cstr(op['authtype'])}")
        if op.get("errors"):
            f.append(f".errors = {errors.get(index[e['shape']] for e in op['errors'])}")
        if op.get("httpChecksumRequired"):
            f.append(".http_checksum_required = true")
        if op.get("deprecated"):
            f.append(".deprecated = true")
        op_inits.append("{" + ", ".join(f) + "}")

    tokens = Pool("kT", "std::string_view")
    pag_inits = []
    for op_name in sorted(p for p in pagination if p in op_names):
        p = pagination[op_name]
        f = [f".operation = {cstr(op_name)}"]
        for key, field in (("input_token", "input_token"), ("output_token", "output_token"),
                           ("result_key", "result_key")):
            v = p.get(key)
            if v:
                f.append(f".{field} = {tokens.get([v] if isinstance(v, str) else v)}")
        for key, field in (("limit_key", "limit_key"), ("more_results", "more_results")):
            if p.get(key):
                f.append(f".{field} = {cstr(p[key])}")
        pag_inits.append("{" + ", ".join(f) + "}")

    md = [f".id = {cstr(service)}",
          f".protocol = Protocol::{PROTOCOL_ENUM[resolve_protocol(meta)]}"]
    for key, field in (("apiVersion", "api_version"), ("jsonVersion", "json_version"),
                       ("targetPrefix", "target_prefix"), ("endpointPrefix", "endpoint_prefix")):
        if meta.get(key):
            md.append(f".{field} = {cstr(meta[key])}")
    md.append(f".signing_name = {cstr(meta.get('signingName') or meta['endpointPrefix'])}")
    md.append(f".service_id = {cstr(meta['serviceId'])}")
    _, ns_uri = xml_ns(meta)
    if ns_uri:
        md.append(f".xml_namespace = {cstr(ns_uri)}")
    for key, field in (("globalEndpoint", "global_endpoint"),
                       ("signatureVersion", "signature_version")):
        if meta.get(key):
            md.append(f".{field} = {cstr(meta[key])}")
    if "awsQueryCompatible" in meta:
        md.append(".aws_query_compatible = true")

    out = [f"// Generated by tools/gen_models.py from botocore {version}; do not edit.",
           f"// {service} {meta.get('apiVersion', '')}: {len(ops)} read-only operations, "
           f"{len(names)} shapes, {len(pag_inits)} paginators.",
           '#include "aws/models/gen/services.h"', "",
           "namespace rampart::aws::models {", "namespace {", ""]
    out += member_arrays
    out += errors.emit(str)
    out += tokens.emit(cstr)
    out += ["", "constexpr Shape kShapes[] = {"]
    out += ["    " + s + "," for s in shape_inits]
    out += ["};", "", "constexpr Operation kOperations[] = {"]
    out += ["    " + o + "," for o in op_inits]
    out += ["};", ""]
    if pag_inits:
        out += ["constexpr Paginator kPaginators[] = {"]
        out += ["    " + p + "," for p in pag_inits]
        out += ["};", ""]
    out += ["constexpr ServiceModel kModel{",
            "    .metadata = {" + ", ".join(md) + "},",
            "    .shapes = kShapes,",
            "    .operations = kOperations,"]
    if pag_inits:
        out += ["    .paginators = kPaginators,"]
    out += ["};", "", "}  // namespace", "",
            f"const ServiceModel& {cxx_name(service)}_model() {{ return kModel; }}", "",
            "}  // namespace rampart::aws::models", ""]
    return "\n".join(out), (len(ops), len(names), len(pag_inits))


def cxx_name(service):
    return service.replace("-", "_")


def generate_services_header(version):
    decls = "\n".join(f"const ServiceModel& {cxx_name(s)}_model();" for s in sorted(SERVICES))
    return (f"// Generated by tools/gen_models.py from botocore {version}; do not edit.\n"
            "// Accessors of the compiled service models (use aws/models/registry.h to look\n"
            "// services up by name).\n"
            "#pragma once\n\n"
            "#include <span>\n"
            "#include <string_view>\n\n"
            '#include "aws/model/model.h"\n\n'
            "namespace rampart::aws::models {\n\n"
            f"inline constexpr std::string_view kBotocoreVersion = {cstr(version)};\n\n"
            f"{decls}\n\n"
            "// All of the above, sorted by botocore id (gen/registry.cc).\n"
            "std::span<const ServiceModel* const> generated_services();\n\n"
            "}  // namespace rampart::aws::models\n")


def generate_registry(version):
    entries = "\n".join(f"      &{cxx_name(s)}_model()," for s in sorted(SERVICES))
    return (f"// Generated by tools/gen_models.py from botocore {version}; do not edit.\n"
            "// All compiled service models, sorted by botocore id.\n"
            '#include "aws/models/gen/services.h"\n\n'
            "namespace rampart::aws::models {\n\n"
            "std::span<const ServiceModel* const> generated_services() {\n"
            "  static const ServiceModel* const kAll[] = {\n"
            f"{entries}\n"
            "  };\n"
            "  return kAll;\n"
            "}\n\n"
            "}  // namespace rampart::aws::models\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--botocore-data", help="botocore data directory to use")
    ap.add_argument("--out", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                    help="repository root (default: this script's parent folder)")
    args = ap.parse_args()
    data_dir, version = find_botocore_data(args.botocore_data)
    print(f"botocore {version} data: {data_dir}")
    models_dir = os.path.join(args.out, "src", "aws", "models", "gen")
    prefixes = set()
    for service in SERVICES:
        model, pagination = load_service(data_dir, service)
        prefixes.add(model["metadata"]["endpointPrefix"])
        text, (n_ops, n_shapes, n_pag) = generate_service(service, model, pagination, version)
        write(os.path.join(models_dir, f"{service}.cc"), text)
        print(f"  {service:15} {n_ops:4} operations {n_shapes:5} shapes {n_pag:4} paginators")
    write(os.path.join(models_dir, "services.h"), generate_services_header(version))
    for gen_dir in (models_dir, os.path.join(args.out, "src", "aws", "endpoints", "gen")):
        write(os.path.join(gen_dir, ".clang-format"),
              "# Generated tables (tools/gen_models.py): keep as generated.\nDisableFormat: true\n")
    write(os.path.join(models_dir, "registry.cc"), generate_registry(version))
    write(os.path.join(args.out, "src", "aws", "endpoints", "gen", "partitions.cc"),
          generate_partitions(data_dir, version, prefixes))


if __name__ == "__main__":
    main()
