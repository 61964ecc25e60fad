"""Independent check of an exported PyTorch model that starts with an embedding: builds nn.Embedding (with the
padding_idx of the file's metadata), nn.LSTM / nn.GRU / nn.RNN (batch_first) and nn.Linear here, loads
model.safetensors into them with load_state_dict(strict=True), runs check_input.safetensors' token ids and prints
the largest difference from the app's 'expected', then the padding_idx.
Usage: /usr/bin/python3 check_torch_embedding_export.py DIR CELL LAYERS ACTIVATION LAST|EVERY"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import st  # noqa: E402

d, cell, layers, act, head = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
path = os.path.join(d, "model.safetensors")
arrays, meta = st.load(path)
weights = {k: torch.from_numpy(v) for k, v in arrays.items()}
padding = None if meta["padding_idx"] == "none" else int(meta["padding_idx"])
v, e = weights["embedding.weight"].shape
h = weights["rnn.weight_hh_l0"].shape[1]
o = weights["fc.weight"].shape[0]
rnn = {"lstm": lambda: torch.nn.LSTM(e, h, layers, batch_first=True),
       "gru": lambda: torch.nn.GRU(e, h, layers, batch_first=True),
       "rnn_tanh": lambda: torch.nn.RNN(e, h, layers, nonlinearity="tanh", batch_first=True),
       "rnn_relu": lambda: torch.nn.RNN(e, h, layers, nonlinearity="relu", batch_first=True)}[cell]


class Model(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = torch.nn.Embedding(v, e, padding_idx=padding)
        self.rnn = rnn()
        self.fc = torch.nn.Linear(h, o)

    def forward(self, ids):
        out, _ = self.rnn(self.embedding(ids))
        return self.fc(out[:, -1] if head == "LAST" else out)


model = Model().double()
model.load_state_dict(weights, strict=True)
check = {k: torch.from_numpy(x) for k, x in st.load(os.path.join(d, "check_input.safetensors"))[0].items()}
ids = check["input"].long()
assert torch.equal(ids.double(), check["input"]), "whole ids"
with torch.no_grad():
    z = model(ids)
y = {"sigmoid": torch.sigmoid, "softmax": lambda t: torch.softmax(t, dim=-1), "linear": lambda t: t}[act](z)
print(float((y - check["expected"]).abs().max()))
print(padding)
