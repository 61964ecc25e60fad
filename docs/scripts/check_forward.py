#!/usr/bin/env python3
"""Compares `lstm-lab forward` output with a golden case's expected.* tensors (numpy only, no torch).

Usage: python3 docs/scripts/check_forward.py CASE.safetensors OUT.safetensors
   or: docs/scripts/check_forward.py CASE.safetensors OUT.safetensors
Prints the worst relative error per tensor; exits 1 if any expected tensor is missing or off by more than
1e-9 relative (1e-12 absolute near zero), the tolerance of docs/reference-cases.md.
"""
import json, struct, sys
import numpy as np

DT = {"F64": "<f8", "F32": "<f4", "I64": "<i8"}


def load(path):
    b = open(path, "rb").read()
    n = struct.unpack("<Q", b[:8])[0]
    h = json.loads(b[8:8 + n])
    out = {}
    for k, v in h.items():
        if k == "__metadata__":
            continue
        s, e = v["data_offsets"]
        out[k] = np.frombuffer(b[8 + n + s:8 + n + e], dtype=DT[v["dtype"]]).reshape(v["shape"])
    return out


if len(sys.argv) != 3:
    sys.exit(__doc__)
case, got = load(sys.argv[1]), load(sys.argv[2])
bad = 0
for k, want in case.items():
    if not k.startswith("expected."):
        continue
    name = k[len("expected."):]
    if name not in got:
        print(f"MISSING {name}")
        bad += 1
        continue
    have = got[name].astype(np.float64)
    want = want.astype(np.float64)
    if have.shape != want.shape:
        print(f"SHAPE {name}: {have.shape} vs {want.shape}")
        bad += 1
        continue
    diff = np.abs(have - want)
    ok = (diff <= 1e-12) | (diff <= 1e-9 * np.maximum(np.abs(have), np.abs(want)))
    rel = float(np.max(diff / np.maximum(np.maximum(np.abs(have), np.abs(want)), 1e-300))) if diff.size else 0.0
    print(f"{'ok  ' if ok.all() else 'FAIL'} {name:28s} worst rel {rel:.2e}")
    bad += 0 if ok.all() else 1
sys.exit(1 if bad else 0)
