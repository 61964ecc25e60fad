"""safetensors.torch.load_file for F64/F32/I64 files (test-only stand-in, see __init__.py)."""
import json
import struct

import numpy as np
import torch

_DT = {"F64": np.float64, "F32": np.float32, "I64": np.int64}


def load_file(path, device="cpu"):
    b = open(path, "rb").read()
    n = struct.unpack("<Q", b[:8])[0]
    header = json.loads(b[8:8 + n])
    header.pop("__metadata__", None)
    out = {}
    for k, v in header.items():
        s, e = v["data_offsets"]
        out[k] = torch.from_numpy(np.frombuffer(b[8 + n + s:8 + n + e], dtype=_DT[v["dtype"]]).reshape(v["shape"]).copy())
    return out
