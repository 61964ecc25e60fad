"""A minimal safetensors writer and reader for the fixture scripts (no safetensors package needed)."""
import json
import struct

import numpy as np

DTYPES = {"F64": np.float64, "F32": np.float32, "F16": np.float16, "I64": np.int64}


def to_bf16_bytes(a):
    """float32 -> bfloat16 bytes, round to nearest even (as torch does)."""
    u = np.ascontiguousarray(a, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded = ((u + 0x7FFF + ((u >> 16) & 1)) >> 16).astype(np.uint16)
    return rounded.astype("<u2").tobytes()


def from_bf16_bytes(b, shape):
    u = np.frombuffer(b, dtype="<u2").astype(np.uint32) << 16
    return u.view(np.float32).reshape(shape)


def save(path, tensors, metadata=None):
    """tensors: name -> (dtype, numpy array); written in name order, offsets contiguous."""
    header = {}
    if metadata is not None:
        header["__metadata__"] = metadata
    blobs = []
    offset = 0
    for name in sorted(tensors):
        dtype, arr = tensors[name]
        if dtype == "BF16":
            raw = to_bf16_bytes(arr)
        else:
            raw = np.ascontiguousarray(arr, dtype=np.dtype(DTYPES[dtype]).newbyteorder("<")).tobytes()
        header[name] = {"dtype": dtype, "shape": list(arr.shape), "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        blobs.append(raw)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def load(path):
    b = open(path, "rb").read()
    n = struct.unpack("<Q", b[:8])[0]
    header = json.loads(b[8:8 + n])
    meta = header.pop("__metadata__", {})
    out = {}
    for k, v in header.items():
        s, e = v["data_offsets"]
        raw = b[8 + n + s:8 + n + e]
        if v["dtype"] == "BF16":
            out[k] = from_bf16_bytes(raw, v["shape"]).astype(np.float64)
        else:
            out[k] = np.frombuffer(raw, dtype=DTYPES[v["dtype"]]).reshape(v["shape"]).astype(np.float64)
    return out, meta
