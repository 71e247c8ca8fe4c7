#!/usr/bin/env python3
"""tests/tools/fault_proxy.py with rule "path" regexes matched against the request target
*including its query string*, so REST calls that differ only by query (S3's
GET /bucket?encryption vs GET /bucket?versioning) can be told apart. Same arguments and
control endpoints as fault_proxy.py; the proxy itself is imported, not copied."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import fault_proxy  # noqa: E402

_describe = fault_proxy.describe_request


def describe_request(method, target, headers, body):
    req = _describe(method, target, headers, body)
    req["path"] = target
    return req


fault_proxy.describe_request = describe_request

if __name__ == "__main__":
    sys.exit(fault_proxy.main(sys.argv[1:]))
