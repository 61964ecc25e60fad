#!/usr/bin/env python3
"""Converts a file saved with torch.save to safetensors with torch and NumPy alone (no safetensors package, which
Debian does not package). LSTM Lab opens torch.save's zip files (PyTorch 1.6 and later) itself; this is for a file
in the format before 1.6, a TorchScript file, or another tool that reads safetensors.

Usage:
  /usr/bin/python3 torch_to_safetensors.py MODEL.pt [OUT.safetensors]
      OUT defaults to MODEL.safetensors beside MODEL.pt
The file may hold a state_dict, a whole model (torch.save(model, ...); its class must be importable, as for
torch.load), or a checkpoint dict with the state_dict under 'state_dict', 'model_state_dict', 'model' or 'net'.
Tensors keep their dtype (float64, float32, float16, bfloat16) and names; the header says {"format": "pt"}.
torch.load runs the pickle it reads: convert only files you trust.
"""
import json
import os
import struct
import sys

import torch

DTYPES = {torch.float64: "F64", torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16",
          torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8", torch.uint8: "U8",
          torch.bool: "BOOL"}
KEYS = ("state_dict", "model_state_dict", "model", "net")


def tensors_of(obj, path):
    if isinstance(obj, torch.nn.Module):
        return obj.state_dict()
    if isinstance(obj, dict) and obj and all(isinstance(v, torch.Tensor) for v in obj.values()):
        return obj
    if isinstance(obj, dict):
        for key in KEYS:
            if key in obj:
                return tensors_of(obj[key], path)
        sys.exit(f"{path}: a dict without tensors under {', '.join(KEYS)}; its keys: {', '.join(map(str, obj))}")
    sys.exit(f"{path}: holds a {type(obj).__name__}, not a model, a state_dict or a checkpoint dict")


def save(tensors, out):
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name in sorted(tensors):
        t = tensors[name].detach().cpu().contiguous()
        if t.dtype not in DTYPES:
            sys.exit(f"tensor '{name}' is {t.dtype}, which safetensors does not store")
        raw = (t.view(torch.int16) if t.dtype == torch.bfloat16 else t).numpy().astype(
            "<i2" if t.dtype == torch.bfloat16 else t.numpy().dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        blobs.append(raw)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(out, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def main(argv):
    if len(argv) not in (2, 3) or argv[1].startswith("-"):
        sys.exit(__doc__)
    path = argv[1]
    out = argv[2] if len(argv) == 3 else os.path.splitext(path)[0] + ".safetensors"
    try:
        obj = torch.load(path, map_location="cpu")
    except (AttributeError, ModuleNotFoundError) as e:
        sys.exit(f"{path}: a whole model (torch.save(model, ...)) whose class torch.load cannot find here ({e}); "
                 "where the class is defined, save torch.save(model.state_dict(), 'm.pt') and convert that")
    save(tensors_of(obj, path), out)
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv)
