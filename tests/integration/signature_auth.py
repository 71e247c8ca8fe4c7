#!/usr/bin/env python3
"""SigV4 against a verifier: moto started with INITIAL_NO_AUTH_ACTION_COUNT so that, after the
three unchecked set-up calls (create a user, its access key, an allow-all inline policy), every
request must carry a valid signature for a key moto knows. rampart's requests to each protocol
family must be accepted; the same requests signed with a wrong secret must be rejected with an
authentication error (exit 1 and an AWS signature/credential error code).
Usage: signature_auth.py RAMPART_BINARY SCENARIO_DIR
"""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

CALLS = [  # one per protocol family, plus the global STS/IAM endpoints
    ["sts", "GetCallerIdentity"],       # query (global)
    ["iam", "ListUsers"],               # query (global, signs as us-east-1)
    ["ec2", "DescribeVpcs"],            # ec2
    ["kms", "ListKeys"],                # json 1.1
    ["logs", "DescribeLogGroups"],      # json 1.1
    ["s3", "ListBuckets"],              # rest-xml (S3 signing: unsigned path normalization)
    ["cloudwatch", "DescribeAlarms"],   # query, signing name "monitoring"
]
AUTH_ERRORS = {"SignatureDoesNotMatch", "AuthFailure", "InvalidClientTokenId",
               "IncompleteSignature", "InvalidSignatureException", "UnrecognizedClientException"}


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    rampart, scenario = sys.argv[1], sys.argv[2]
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    base_env = dict(os.environ, AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null",
                    AWS_EC2_METADATA_DISABLED="true", AWS_DEFAULT_REGION="us-east-1",
                    AWS_REGION="us-east-1", NO_PROXY="127.0.0.1,localhost", AWS_PAGER="")
    for k in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
        base_env.pop(k, None)
    emu_env = dict(base_env, INITIAL_NO_AUTH_ACTION_COUNT="3")
    emu = subprocess.Popen([sys.executable, os.path.join(scenario, "emulator.py"), "--port", str(port), "--quiet"],
                           env=emu_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    failures = 0
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(endpoint + "/moto-api/data.json", timeout=1)
                break
            except Exception:
                time.sleep(0.1)
        cli_env = dict(base_env, AWS_ACCESS_KEY_ID="setup", AWS_SECRET_ACCESS_KEY="setup")

        def aws(*args):
            out = subprocess.run(["aws", *args, "--endpoint-url", endpoint, "--output", "json"],
                                 env=cli_env, capture_output=True, text=True, check=True)
            return json.loads(out.stdout) if out.stdout.strip() else {}

        aws("iam", "create-user", "--user-name", "signer")
        key = aws("iam", "create-access-key", "--user-name", "signer")["AccessKey"]
        aws("iam", "put-user-policy", "--user-name", "signer", "--policy-name", "all",
            "--policy-document", json.dumps({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "*", "Resource": "*"}]}))

        def run(secret, call):
            env = dict(base_env, AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=secret)
            return subprocess.run([rampart, "api", *call, "--endpoint-url", endpoint], env=env,
                                  capture_output=True, text=True, timeout=120)

        for call in CALLS:
            good = run(key["SecretAccessKey"], call)
            ok = good.returncode == 0
            print(f"{'ok      ' if ok else 'MISMATCH'} signed {' '.join(call)} accepted"
                  + ("" if ok else f": {good.stderr.strip()[:300]}"))
            failures += not ok
            bad = run(key["SecretAccessKey"] + "x", call)
            code = next((c for c in AUTH_ERRORS if c in bad.stderr), None)
            ok = bad.returncode == 1 and code is not None
            print(f"{'ok      ' if ok else 'MISMATCH'} wrong secret {' '.join(call)} rejected"
                  + (f" ({code})" if ok else f": rc={bad.returncode} {bad.stderr.strip()[:300]}"))
            failures += not ok
        whoami = subprocess.run([rampart, "whoami", "--endpoint-url", endpoint],
                                env=dict(base_env, AWS_ACCESS_KEY_ID=key["AccessKeyId"],
                                         AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"]),
                                capture_output=True, text=True, timeout=60)
        ok = whoami.returncode == 0 and "user/signer" in whoami.stdout
        print(f"{'ok      ' if ok else 'MISMATCH'} whoami names the signing user: {whoami.stdout.strip()!r}")
        failures += not ok
    finally:
        emu.terminate()
        try:
            emu.wait(10)
        except subprocess.TimeoutExpired:
            emu.kill()
    total = 2 * len(CALLS) + 1
    print(f"{total - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
