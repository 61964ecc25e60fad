#!/usr/bin/env python3
"""Loads an LSTM Lab model file into PyTorch (no safetensors package needed) and runs it, for any input size.

Usage:
  /usr/bin/python3 torch_load_model.py MODEL.safetensors [x1 x2 ...]
      one sequence of numbers, D per step (D = the model's input size); default: 10 steps of 0.5
  /usr/bin/python3 torch_load_model.py MODEL.safetensors --input X.safetensors
      the tensor 'input' (B, T, D) of a safetensors file
  /usr/bin/python3 torch_load_model.py MODEL.safetensors --check X.safetensors [--tol 1e-12]
      runs 'input' and compares with 'expected' (what LSTM Lab predicted); exit code 1 if they differ by more
The file's tensors carry PyTorch state_dict names, so load_state_dict takes them unchanged (strict=True).
"""
import json
import struct
import sys

import numpy as np
import torch
import torch.nn as nn

DTYPES = {"F64": np.float64, "F32": np.float32, "F16": np.float16, "I64": np.int64}


def read_safetensors(path):
    b = open(path, "rb").read()
    n = struct.unpack("<Q", b[:8])[0]
    header = json.loads(b[8:8 + n])
    meta = header.pop("__metadata__", {})
    tensors = {}
    for k, v in header.items():
        s, e = v["data_offsets"]
        arr = np.frombuffer(b[8 + n + s:8 + n + e], dtype=DTYPES[v["dtype"]]).reshape(v["shape"])
        tensors[k] = torch.from_numpy(arr.copy())
    return tensors, meta


class Net(nn.Module):
    def __init__(self, arch):
        super().__init__()
        cell = arch["cell"]
        if cell not in ("lstm", "gru", "rnn_tanh", "rnn_relu"):
            sys.exit(f"cell {cell}: torch.nn has no such layer (gru-reset-before is Keras' GRU(reset_after=False); "
                     "export it with: export --to keras)")
        rnn = {"lstm": nn.LSTM, "gru": nn.GRU}.get(cell)
        if rnn is None:
            self.rnn = nn.RNN(arch["input_size"], arch["hidden_size"], arch["num_layers"], batch_first=True,
                              nonlinearity="relu" if cell == "rnn_relu" else "tanh")
        else:
            self.rnn = rnn(arch["input_size"], arch["hidden_size"], arch["num_layers"], batch_first=True)
        self.fc = nn.Linear(arch["hidden_size"], arch["output_size"])
        self.arch = arch

    def forward(self, x):
        y, _ = self.rnn(x)
        z = self.fc(y[:, -1] if self.arch["head"] == "last" else y)
        act = self.arch["output_activation"]
        return torch.sigmoid(z) if act == "sigmoid" else torch.softmax(z, -1) if act == "softmax" else z


def main(argv):
    tensors, meta = read_safetensors(argv[1])
    arch = json.loads(meta["architecture"])
    net = Net(arch).double()
    net.load_state_dict(tensors, strict=True)
    d = arch["input_size"]
    rest = argv[2:]
    expected = None
    tol = 1e-12
    if "--tol" in rest:
        i = rest.index("--tol")
        tol = float(rest[i + 1])
        rest = rest[:i] + rest[i + 2:]
    if rest and rest[0] in ("--input", "--check"):
        data, _ = read_safetensors(rest[1])
        x = data["input"].double()
        if x.dim() == 2:
            x = x.unsqueeze(0)
        expected = data.get("expected") if rest[0] == "--check" else None
    else:
        xs = [float(v) for v in rest] or [0.5] * (10 * d)
        if len(xs) % d:
            sys.exit(f"{len(xs)} numbers are not whole steps of {d} features")
        x = torch.tensor(xs, dtype=torch.float64).reshape(1, -1, d)
    if x.shape[-1] != d:
        sys.exit(f"the input has {x.shape[-1]} features per step; the model takes {d}")
    with torch.no_grad():
        y = net(x)
    out = {"architecture": arch, "shape": list(y.shape), "prediction": y.numpy().ravel().tolist()}
    if expected is not None:
        diff = (y - expected.double().reshape(y.shape)).abs().max().item()
        out["max_abs_difference"] = diff
        out["tolerance"] = tol
        print(json.dumps(out))
        return 0 if diff <= tol else 1
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
