#!/usr/bin/env python3
"""Fault-injecting HTTP proxy for rampart's transport and retry tests (standard library only).

Listens on 127.0.0.1 only (port from --port, 0 = a free one), prints the port on the first line
of stdout, and forwards every request to --upstream http://127.0.0.1:PORT unless a rule fires
(without --upstream, unmatched requests get "200 OK" with an empty body). Keep-alive HTTP/1.1
on both sides; response bodies are streamed.

    fault_proxy.py --upstream http://127.0.0.1:8080 [--port 0] [--rules rules.json]
                   [--rule '{"match": ..., "action": ...}' ...] [--seed 7]

Rule file format (JSON): either a list of rules or {"seed": 7, "rules": [...]}. A rule:

    {
      "name": "throttle-describe",           # shown in stats; default "rule<N>"
      "match": {                              # every given field must match; {} matches all
        "operation": "DescribeInstances",     # Action= (query string or form body) or the
                                              #   X-Amz-Target suffix after the last '.'
        "service": "ec2",                     # SigV4 credential scope service (Authorization
                                              #   header or X-Amz-Credential query parameter)
        "path": "^/my-bucket/",               # regular expression searched in the path
        "method": "GET",
        "headers": {"X-Amz-Target": "regex"}  # header regexes (case-insensitive names)
      },
      "when": {                               # which matching requests fire (all optional)
        "after": 0,                           # skip the first N matches
        "count": 3,                           # then fire at most N times
        "nth": [1, 3],                        # only on these 1-based match numbers
        "every": 2,                           # only on every k-th match
        "probability": 0.5                    # with this probability (seeded: --seed / "seed")
      },
      "action": {
        "type": "error",      # AWS error in the protocol's format:
                              #   "code": "Throttling", "message": "...", "status": 400,
                              #   "protocol": query | ec2 | json | rest-json | rest-xml | s3
                              #   (default: guessed from the request)
              | "status"      # raw reply: "status", "body", "headers"
              | "reset"       # read the request, then close the connection with a TCP RST
              | "forward"     # forward as usual (combine with delay_ms to slow a call down)
              | "stall"       # send headers (Content-Length from "body_bytes", default 100),
                              #   then nothing for "stall_ms" (default 60000), then close
              | "truncate",   # forward, announce the upstream Content-Length, send only
                              #   "fraction" (default 0.5) of the body, close. Without upstream
                              #   the body is "body" (default 100 'x').
        "delay_ms": 0,        # any action: wait this long first
        "headers": {}         # extra response headers for error/status
      }
    }

The first rule (in order) that matches and fires decides; matches and hits are counted per rule.
Control endpoints (never forwarded):
    GET  /__fault/stats   -> {"requests": N, "forwarded": N, "rules": [{"name", "matches", "hits"}]}
    POST /__fault/rules   -> replace all rules (same JSON as the file); counters restart at 0
    POST /__fault/reset   -> zero the counters
"""

import argparse
import http.client
import http.server
import json
import random
import re
import socket
import struct
import sys
import threading
import time
import urllib.parse
import uuid

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te",
              "trailer", "upgrade", "proxy-authorization", "proxy-authenticate"}
CHUNK = 64 * 1024


class Rule:
    def __init__(self, spec, index, seed):
        self.name = spec.get("name", f"rule{index}")
        self.match = spec.get("match", {})
        self.when = spec.get("when", {})
        self.action = spec.get("action", {"type": "forward"})
        self.matches = 0
        self.hits = 0
        self.rng = random.Random(f"{seed}/{index}")
        self.path_re = re.compile(self.match["path"]) if "path" in self.match else None
        self.header_res = {k.lower(): re.compile(v)
                           for k, v in self.match.get("headers", {}).items()}

    def matches_request(self, req):
        m = self.match
        if "operation" in m and req["operation"] != m["operation"]:
            return False
        if "service" in m and req["service"] != m["service"]:
            return False
        if "method" in m and req["method"].upper() != m["method"].upper():
            return False
        if self.path_re is not None and not self.path_re.search(req["path"]):
            return False
        for name, regex in self.header_res.items():
            if not regex.search(req["headers"].get(name, "")):
                return False
        return True

    def fires(self):
        """Counts a match and decides whether this match fires (caller holds the lock)."""
        self.matches += 1
        n = self.matches
        w = self.when
        after = int(w.get("after", 0))
        if n <= after:
            return False
        if "count" in w and self.hits >= int(w["count"]):
            return False
        if "nth" in w and n not in w["nth"]:
            return False
        if "every" in w and (n - after) % int(w["every"]) != 0:
            return False
        if "probability" in w and self.rng.random() >= float(w["probability"]):
            return False
        self.hits += 1
        return True


class RuleSet:
    def __init__(self, seed):
        self.lock = threading.Lock()
        self.seed = seed
        self.rules = []
        self.requests = 0
        self.forwarded = 0

    def replace(self, doc):
        if isinstance(doc, dict):
            seed = doc.get("seed", self.seed)
            specs = doc.get("rules", [])
        else:
            seed, specs = self.seed, doc
        rules = [Rule(spec, i, seed) for i, spec in enumerate(specs)]
        with self.lock:
            self.rules = rules

    def reset(self):
        with self.lock:
            self.requests = self.forwarded = 0
            for r in self.rules:
                r.matches = r.hits = 0

    def pick(self, req):
        with self.lock:
            self.requests += 1
            for rule in self.rules:
                if rule.matches_request(req) and rule.fires():
                    return rule.action
            return None

    def count_forward(self):
        with self.lock:
            self.forwarded += 1

    def stats(self):
        with self.lock:
            return {"requests": self.requests, "forwarded": self.forwarded,
                    "rules": [{"name": r.name, "matches": r.matches, "hits": r.hits}
                              for r in self.rules]}


# ---- AWS error bodies, per protocol ----

def default_status(code):
    if code in ("SlowDown", "ServiceUnavailable", "ServiceUnavailableException"):
        return 503
    if code.startswith("Internal"):
        return 500
    if code in ("TooManyRequestsException",):
        return 429
    if code.startswith("AccessDenied") or code in ("Forbidden", "UnauthorizedOperation"):
        return 403
    return 400


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def error_reply(protocol, code, message, request_id):
    """(content_type, body, extra_headers) of an AWS error in the protocol's wire format."""
    c, m, rid = xml_escape(code), xml_escape(message), request_id
    if protocol == "ec2":
        body = ('<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>'
                f"<Code>{c}</Code><Message>{m}</Message></Error></Errors>"
                f"<RequestID>{rid}</RequestID></Response>")
        return "text/xml;charset=UTF-8", body, {}
    if protocol == "json":
        body = json.dumps({"__type": f"com.amazonaws.fault#{code}", "message": message})
        return "application/x-amz-json-1.1", body, {"x-amzn-RequestId": rid}
    if protocol == "rest-json":
        body = json.dumps({"message": message})
        return "application/json", body, {"x-amzn-ErrorType": f"{code}:http://internal.amazon.com/",
                                          "x-amzn-RequestId": rid}
    if protocol == "s3":
        body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f"<Error><Code>{c}</Code><Message>{m}</Message><RequestId>{rid}</RequestId>"
                f"<HostId>fault-proxy</HostId></Error>")
        return "application/xml", body, {"x-amz-request-id": rid}
    # query and rest-xml share the ErrorResponse envelope
    body = ('<ErrorResponse xmlns="https://fault-proxy/doc/"><Error><Type>Sender</Type>'
            f"<Code>{c}</Code><Message>{m}</Message></Error>"
            f"<RequestId>{rid}</RequestId></ErrorResponse>")
    return "text/xml", body, {"x-amzn-RequestId": rid}


def guess_protocol(req):
    if "x-amz-target" in req["headers"]:
        return "json"
    if req["service"] == "s3":
        return "s3"
    if req["operation"]:
        return "ec2" if req["service"] == "ec2" else "query"
    return "rest-json"


# ---- request parsing ----

def credential_service(headers, query):
    cred = ""
    auth = headers.get("authorization", "")
    mo = re.search(r"Credential=([^,\s]+)", auth)
    if mo:
        cred = mo.group(1)
    elif "X-Amz-Credential" in query:
        cred = query["X-Amz-Credential"][0]
    parts = cred.split("/")
    return parts[3] if len(parts) >= 5 else ""


def describe_request(method, target, headers, body):
    parsed = urllib.parse.urlsplit(target)
    query = urllib.parse.parse_qs(parsed.query, keep_blank_values=True)
    operation = ""
    amz_target = headers.get("x-amz-target", "")
    if amz_target:
        operation = amz_target.rsplit(".", 1)[-1]
    elif "Action" in query:
        operation = query["Action"][0]
    elif "x-www-form-urlencoded" in headers.get("content-type", ""):
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        if "Action" in form:
            operation = form["Action"][0]
    return {"method": method, "path": parsed.path, "headers": headers, "operation": operation,
            "service": credential_service(headers, query)}


class FaultHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fault-proxy"

    def log_message(self, *args):  # quiet: tests read stdout for the port only
        pass

    def read_body(self):
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            out = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return out
                out += self.rfile.read(size)
                self.rfile.readline()
        length = int(self.headers.get("Content-Length", "0") or 0)
        return self.rfile.read(length) if length else b""

    def send_simple(self, status, body, content_type="text/plain", headers=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def handle_one(self):
        body = self.read_body()
        rules = self.server.rules
        if self.path.startswith("/__fault/"):
            return self.control(body)
        headers = {k.lower(): v for k, v in self.headers.items()}
        req = describe_request(self.command, self.path, headers, body)
        action = rules.pick(req)
        if action is None:
            return self.forward(body)
        delay = float(action.get("delay_ms", 0)) / 1000.0
        if delay > 0:
            time.sleep(delay)
        kind = action.get("type", "forward")
        if kind == "error":
            code = action.get("code", "InternalError")
            status = int(action.get("status", default_status(code)))
            ctype, text, extra = error_reply(action.get("protocol") or guess_protocol(req), code,
                                             action.get("message", f"fault-proxy: {code}"),
                                             str(uuid.uuid4()))
            extra.update(action.get("headers", {}))
            return self.send_simple(status, text, ctype, extra)
        if kind == "status":
            return self.send_simple(int(action.get("status", 500)), action.get("body", ""),
                                    action.get("content_type", "text/plain"),
                                    action.get("headers", {}))
        if kind == "reset":
            return self.reset_connection()
        if kind == "stall":
            return self.stall(action)
        if kind == "truncate":
            return self.forward(body, truncate=float(action.get("fraction", 0.5)),
                                fallback_body=action.get("body", "x" * 100))
        return self.forward(body)

    def control(self, body):
        rules = self.server.rules
        if self.command == "GET" and self.path == "/__fault/stats":
            return self.send_simple(200, json.dumps(rules.stats()), "application/json")
        if self.command == "POST" and self.path == "/__fault/rules":
            try:
                rules.replace(json.loads(body or b"[]"))
            except (ValueError, KeyError, TypeError, re.error) as e:
                return self.send_simple(400, f"bad rules: {e}")
            return self.send_simple(200, json.dumps(rules.stats()), "application/json")
        if self.command == "POST" and self.path == "/__fault/reset":
            rules.reset()
            return self.send_simple(200, json.dumps(rules.stats()), "application/json")
        return self.send_simple(404, "unknown control endpoint")

    def reset_connection(self):
        sock = self.connection
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.rfile.close()  # drop the makefile reference so close() really closes (RST)
        sock.close()
        self.close_connection = True

    def stall(self, action):
        self.send_response(int(action.get("status", 200)))
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(int(action.get("body_bytes", 100))))
        self.end_headers()
        self.wfile.flush()
        deadline = time.monotonic() + float(action.get("stall_ms", 60000)) / 1000.0
        while time.monotonic() < deadline and not self.server.stopping.is_set():
            time.sleep(0.05)
        self.close_connection = True

    def upstream(self):
        conn = getattr(self, "_upstream", None)
        if conn is None:
            host, port = self.server.upstream
            conn = http.client.HTTPConnection(host, port, timeout=300)
            self._upstream = conn
        return conn

    def forward(self, body, truncate=None, fallback_body=""):
        self.server.rules.count_forward()
        if self.server.upstream is None:
            data = fallback_body.encode() if truncate is not None else b""
            return self.send_body(200, [("Content-Type", "text/plain")], len(data),
                                  iter([data]), truncate)
        headers = [(k, v) for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP]
        for attempt in range(2):  # a kept-alive upstream connection may have gone stale
            conn = self.upstream()
            try:
                conn.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
                for k, v in headers:
                    conn.putheader(k, v)
                if body or self.command in ("POST", "PUT", "PATCH"):
                    if not any(k.lower() == "content-length" for k, _ in headers):
                        conn.putheader("Content-Length", str(len(body)))
                conn.endheaders(body if body else None)
                resp = conn.getresponse()
                break
            except (OSError, http.client.HTTPException) as e:
                conn.close()
                self._upstream = None
                if attempt == 1:
                    return self.send_simple(502, f"fault-proxy: upstream failed: {e}")
        out_headers = [(k, v) for k, v in resp.getheaders()
                       if k.lower() not in HOP_BY_HOP and k.lower() != "content-length"]
        length = resp.getheader("Content-Length")
        if length is None:
            data = resp.read()  # unknown length upstream: buffer it to send a Content-Length
            return self.send_body(resp.status, out_headers, len(data), iter([data]), truncate)

        def chunks():
            while True:
                piece = resp.read(CHUNK)
                if not piece:
                    return
                yield piece
        return self.send_body(resp.status, out_headers, int(length), chunks(), truncate)

    def send_body(self, status, headers, length, chunks, truncate):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        limit = length if truncate is None else int(length * truncate)
        sent = 0
        for piece in chunks:
            if truncate is not None and sent + len(piece) > limit:
                piece = piece[: max(0, limit - sent)]
            self.wfile.write(piece)
            sent += len(piece)
            if truncate is not None and sent >= limit:
                break
        if truncate is not None:
            self.wfile.flush()
            self.close_connection = True
            conn = getattr(self, "_upstream", None)
            if conn is not None:  # the upstream body was not drained
                conn.close()
                self._upstream = None

    def do_any(self):
        try:
            self.handle_one()
        except (ConnectionError, BrokenPipeError):
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_OPTIONS = do_any


class FaultProxy(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, port, upstream, rules):
        super().__init__(("127.0.0.1", port), FaultHandler)
        self.upstream = upstream
        self.rules = rules
        self.stopping = threading.Event()


def parse_upstream(url):
    if not url:
        return None
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "http" or parts.hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit("fault_proxy: --upstream must be http://127.0.0.1:PORT")
    return ("127.0.0.1", parts.port or 80)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--upstream", default="")
    ap.add_argument("--rules", help="JSON rule file")
    ap.add_argument("--rule", action="append", default=[], help="one rule as inline JSON")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    rules = RuleSet(args.seed)
    doc = {"seed": args.seed, "rules": []}
    if args.rules:
        with open(args.rules, encoding="utf-8") as f:
            loaded = json.load(f)
        if isinstance(loaded, dict):
            doc["seed"] = loaded.get("seed", args.seed)
            doc["rules"] = loaded.get("rules", [])
        else:
            doc["rules"] = loaded
    doc["rules"] += [json.loads(r) for r in args.rule]
    rules.replace(doc)
    server = FaultProxy(args.port, parse_upstream(args.upstream), rules)
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stopping.set()
        server.server_close()


if __name__ == "__main__":
    main(sys.argv[1:])
