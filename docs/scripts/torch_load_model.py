#!/usr/bin/env python3
"""Loads an LSTM Lab model file into PyTorch (no safetensors package needed) and runs it on a sequence.

Usage: python3 docs/scripts/torch_load_model.py MODEL.safetensors [x1 x2 ...]
The file's tensors carry PyTorch state_dict names, so `load_state_dict` takes them unchanged (strict=True).
"""
import json, struct, sys
import numpy as np
import torch
import torch.nn as nn


def read_safetensors(path):
    b = open(path, "rb").read()
    n = struct.unpack("<Q", b[:8])[0]
    header = json.loads(b[8:8 + n])
    meta = header.pop("__metadata__", {})
    dt = {"F64": np.float64, "F32": np.float32, "I64": np.int64}
    tensors = {}
    for k, v in header.items():
        s, e = v["data_offsets"]
        arr = np.frombuffer(b[8 + n + s:8 + n + e], dtype=dt[v["dtype"]]).reshape(v["shape"])
        tensors[k] = torch.from_numpy(arr.copy())
    return tensors, meta


class Net(nn.Module):
    def __init__(self, arch):
        super().__init__()
        cell = arch["cell"]
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


tensors, meta = read_safetensors(sys.argv[1])
arch = json.loads(meta["architecture"])
net = Net(arch).double()
net.load_state_dict(tensors, strict=True)
xs = [float(v) for v in sys.argv[2:]] or [0.5] * 10
x = torch.tensor(xs, dtype=torch.float64).reshape(1, -1, 1)
print(json.dumps({"architecture": arch, "prediction": net(x).detach().numpy().ravel().tolist()}))
