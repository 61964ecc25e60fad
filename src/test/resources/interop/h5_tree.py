"""Prints every group and dataset of an HDF5 file as JSON, read with h5py (an independent reader for the tests):
{"/": {"kind": "group", "children": [...]}, "/a/b": {"kind": "dataset", "dtype": "float64", "shape": [...],
"values": [...]}, ...}. Usage: /usr/bin/python3 h5_tree.py FILE"""
import json
import sys

import h5py

out = {}
with h5py.File(sys.argv[1], "r") as f:
    out["/"] = {"kind": "group", "children": sorted(f.keys())}

    def visit(name, obj):
        if isinstance(obj, h5py.Group):
            out["/" + name] = {"kind": "group", "children": sorted(obj.keys())}
        else:
            out["/" + name] = {"kind": "dataset", "dtype": str(obj.dtype), "shape": list(obj.shape),
                               "values": [float(v) for v in obj[()].ravel()]}

    f.visititems(visit)
print(json.dumps(out))
