#!/usr/bin/env python3
"""Shared helpers of rampart's botocore-data generators (gen_models.py, gen_endpoints.py):
locating the newest botocore data directory, reading its (optionally gzipped) JSON, and
writing C++ string literals and output files. Python 3 standard library only.
"""

import gzip
import json
import os
import re
import shutil
import subprocess
import sys

def version_tuple(v):
    return tuple(int(x) for x in re.findall(r"\d+", v))


def version_of_package(pkg_dir):
    init = os.path.join(pkg_dir, "__init__.py")
    try:
        with open(init, encoding="utf-8") as f:
            m = re.search(r"__version__\s*=\s*['\"]([^'\"]+)['\"]", f.read())
            return m.group(1) if m else "unknown"
    except OSError:
        return "unknown"


def find_botocore_data(forced):
    """Returns (data_dir, version): the forced dir, else the newest botocore found."""
    if forced:
        return forced, version_of_package(os.path.dirname(os.path.abspath(forced)))
    candidates = []
    py = shutil.which("python3")
    if py:
        try:
            out = subprocess.run(
                [py, "-c", "import botocore, os; print(os.path.dirname(botocore.__file__))"],
                capture_output=True, text=True, timeout=60, check=False).stdout.strip()
            if out:
                candidates.append(out)
        except (OSError, subprocess.SubprocessError):
            pass
    candidates.append("/usr/lib/python3/dist-packages/botocore")
    best = None
    for pkg in candidates:
        data = os.path.join(pkg, "data")
        if not os.path.isdir(data):
            continue
        ver = version_of_package(pkg)
        if best is None or version_tuple(ver) > version_tuple(best[1]):
            best = (data, ver)
    if best is None:
        sys.exit("gen_models.py: no botocore data directory found; use --botocore-data DIR")
    return best


def load_json(path_without_gz):
    """Loads NAME or NAME.gz; None when neither exists."""
    if os.path.exists(path_without_gz):
        with open(path_without_gz, encoding="utf-8") as f:
            return json.load(f)
    if os.path.exists(path_without_gz + ".gz"):
        with gzip.open(path_without_gz + ".gz", "rt", encoding="utf-8") as f:
            return json.load(f)
    return None


def cstr(s):
    """A C++ string literal for s (non-ASCII as UTF-8 octal escapes)."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif 32 <= o < 127:
            out.append(ch)
        else:
            for b in ch.encode("utf-8"):
                out.append(f'\\{b:03o}')
    out.append('"')
    return "".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
