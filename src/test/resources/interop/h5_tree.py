"""Prints every group and dataset of an HDF5 file as JSON, read with h5py (an independent reader for the tests):
{"/": {"kind": "group", "children": [...]}, "/a/b": {"kind": "dataset", "dtype": "float64", "shape": [...],
"values": [...]}, ...}; a group with attributes also has "attrs": {name: string or list of strings}.
Usage: /usr/bin/python3 h5_tree.py FILE"""
import json
import sys

import h5py

out = {}
with h5py.File(sys.argv[1], "r") as f:
    def text(v):
        return v.decode("utf-8") if isinstance(v, bytes) else str(v)

    def group(obj):
        g = {"kind": "group", "children": sorted(obj.keys())}
        if len(obj.attrs):
            g["attrs"] = {k: [text(x) for x in v] if hasattr(v, "shape") and v.shape else text(v)
                          for k, v in obj.attrs.items()}
        return g

    out["/"] = group(f)

    def visit(name, obj):
        if isinstance(obj, h5py.Group):
            out["/" + name] = group(obj)
        else:
            out["/" + name] = {"kind": "dataset", "dtype": str(obj.dtype), "shape": list(obj.shape),
                               "values": [float(v) for v in obj[()].ravel()]}

    f.visititems(visit)
print(json.dumps(out))
