"""How chaotic the float32 training case is: PyTorch's spread of float32 trajectories from perturbed starts.

Run from this folder with Debian's PyTorch 1.13 (apt-get install python3-torch), one thread:
    OMP_NUM_THREADS=1 /usr/bin/python3 perturbed_starts.py

Trains the case of train_keras_f32.safetensors (the Keras example LSTM(20) + Dense(1), 40 Adam steps, lr 0.01) in
float64 and in float32, once from its weights and 20 times from its weights each multiplied by 1 ± 2⁻²⁴ (half an
ulp of float32, signs at random, numpy seeds 1..20), and prints for each dtype the largest relative deviation of
the losses from the case's float64 losses over the 40 steps: unperturbed, then the 20 perturbed runs sorted.
Float32ReferenceTest explains what these numbers justify (measured 28 Nov 2026 over these 20 starts: float64 2.0e-6
to 1.9e-4, float32 1.8e-6 to 6.3e-4, median 1.4e-4, unperturbed 2.4e-4; over 100 starts (range(101)) float32 has
median 1.6e-4, at most 6.9e-4).
"""
import json
import struct

import numpy as np
import torch
import torch.nn as nn

torch.set_num_threads(1)
with open("train_keras_f32.safetensors", "rb") as f:
    n = struct.unpack("<Q", f.read(8))[0]
    header = json.loads(f.read(n))
    blob = f.read()
meta = header.pop("__metadata__")
T = {k: torch.from_numpy(np.frombuffer(blob[v["data_offsets"][0]:v["data_offsets"][1]], dtype="<f8")
                         .reshape(v["shape"]).copy()) for k, v in header.items()}
h = int(meta["hidden_size"])
steps = int(meta["steps"])
lr = float(meta["lr"])


class Keras(nn.Module):
    def __init__(self, h):
        super().__init__()
        self.rnn = nn.LSTM(1, h, 1, batch_first=True)
        self.fc = nn.Linear(h, 1)

    def forward(self, x):
        y, _ = self.rnn(x)
        return self.fc(y[:, -1])


x = T["input"]
y = T["target"]
t64 = T["expected64.losses"].numpy()
u = 2.0 ** -24
for dtype in (torch.float64, torch.float32):
    worst = []
    for seed in range(21):
        rng = np.random.default_rng(seed)
        m = Keras(h).to(dtype)
        with torch.no_grad():
            for name, p in m.named_parameters():
                v = T[name].numpy()
                if seed > 0:
                    v = v * (1 + u * rng.choice([-1.0, 1.0], size=v.shape))
                p.copy_(torch.from_numpy(v).to(dtype))
        opt = torch.optim.Adam(m.parameters(), lr=lr)
        losses = []
        for _ in range(steps):
            opt.zero_grad()
            prob = torch.sigmoid(m(x.to(dtype)))
            loss = nn.functional.binary_cross_entropy(prob, y.to(dtype))
            loss.backward()
            opt.step()
            losses.append(loss.item())
        worst.append(max(abs(a - e) / e for a, e in zip(losses, t64)))
    print(dtype, "unperturbed %.3e" % worst[0], "perturbed, sorted:", " ".join("%.2e" % w for w in sorted(worst[1:])))
