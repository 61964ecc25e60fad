"""Prints, as JSON, the low-level facts of an HDF5 file that Keras' loaders depend on, read with h5py (the reader
Keras itself uses): for every group its attributes, each with the Python type h5py hands back ("bytes_" for a
fixed-length string, "str" or "bytes" for a variable-length one, "ndarray" for an array), the array's element kind
("S" fixed-length bytes, "O" variable-length) and shape; every link that is not a hard link; and for every dataset
its layout (contiguous or chunked), whether its data lives in another file or is virtual, and the bytes its shape
declares against the bytes stored.
{"attrs": {"/model_weights": {"layer_names": {"type": "ndarray", "kind": "S", "shape": [3]}}},
 "soft_links": [], "datasets": {"/a/b": {"declared": 64, "stored": 64, "external": false, "virtual": false,
 "contiguous": true, "attrs": []}}}
Usage: /usr/bin/python3 h5_keras_facts.py FILE"""
import json
import sys

import h5py
import numpy as np

out = {"attrs": {}, "soft_links": [], "datasets": {}}


def attrs(path, obj):
    facts = {}
    for name in obj.attrs:
        v = obj.attrs[name]
        kind = v.dtype.kind if isinstance(v, np.ndarray) else (
            "S" if isinstance(v, np.bytes_) else "O")
        facts[name] = {"type": type(v).__name__, "kind": kind,
                       "shape": list(v.shape) if isinstance(v, np.ndarray) else []}
    out["attrs"][path] = facts


def walk(path, group):
    attrs(path or "/", group)
    for name in group:
        child = path + "/" + name
        if group.get(name, getlink=True, getclass=True) is not h5py.HardLink:
            out["soft_links"].append(child)
            continue
        obj = group[name]
        if isinstance(obj, h5py.Group):
            walk(child, obj)
        else:
            out["datasets"][child] = {
                "declared": int(np.prod(obj.shape)) * obj.dtype.itemsize,
                "stored": int(obj.id.get_storage_size()),
                "external": bool(obj.external), "virtual": bool(obj.is_virtual),
                "contiguous": obj.chunks is None, "attrs": sorted(obj.attrs.keys())}


with h5py.File(sys.argv[1], "r") as f:
    walk("", f)
print(json.dumps(out))
