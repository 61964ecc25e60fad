"""Builds the float32 reference cases of LSTM Lab's float32 training precision, with PyTorch on the CPU.

Run from this folder with Debian's PyTorch 1.13 (apt-get install python3-torch):
    /usr/bin/python3 make_float32_cases.py

Each case is computed twice from the same inputs: by PyTorch in float32 (its default, tensors `expected32.*`)
and in float64 (`expected64.*`). Every input is first rounded to float32, so both runs start from identical
values. Tensors are stored as F64 (float32 values widen to float64 exactly), batch_first, in the layout of
src/test/resources/golden/README.md, so the test-side loader of the golden cases reads them unchanged.

Cases:
- lstm_l2_f32   (kind recurrent): 2-layer LSTM, D=5, H=24, T=9, B=6; outputs, final states, every gradient,
                 loss = sum(output * grad_output).
- gru_l1_f32    (kind recurrent): 1-layer GRU, D=4, H=20, T=11, B=5.
- train_keras_f32 (kind training): the Keras example LSTM(20) on 1 input + Dense(1) on the last step, sigmoid
                 and binary cross-entropy, B=32, T=10, trained with torch.optim.Adam(lr=0.01) for 40 steps on
                 one fixed batch; `expected*.losses` (40) is the loss before each step, `expected*.final.<name>`
                 the parameters after the last step.
"""
import json
import struct

import torch
import torch.nn as nn


def save(path, tensors, meta):
    header = {"__metadata__": {k: str(v) for k, v in meta.items()}}
    offset = 0
    blobs = []
    for name, t in tensors.items():
        data = t.detach().to(torch.float64).contiguous().numpy().tobytes()
        header[name] = {"dtype": "F64", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    h = json.dumps(header).encode("utf-8")
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def rounded(shape, gen, scale=1.0):
    return (torch.randn(*shape, generator=gen, dtype=torch.float64) * scale).to(torch.float32).to(torch.float64)


def recurrent_case(name, cell, layers, d, h, t, b, seed):
    gen = torch.Generator().manual_seed(seed)
    module = (nn.LSTM if cell == "lstm" else nn.GRU)(d, h, layers, batch_first=True)
    params = {n: rounded(p.shape, gen, 0.3) for n, p in module.named_parameters()}
    x = rounded((b, t, d), gen)
    h0 = rounded((layers, b, h), gen, 0.5)
    c0 = rounded((layers, b, h), gen, 0.5)
    dout = rounded((b, t, h), gen)
    tensors = dict(params)
    tensors.update({"input": x, "h0": h0, "grad_output": dout})
    if cell == "lstm":
        tensors["c0"] = c0
    for tag, dtype in (("expected32", torch.float32), ("expected64", torch.float64)):
        m = module.to(dtype)
        with torch.no_grad():
            for n, p in m.named_parameters():
                p.copy_(params[n].to(dtype))
        m.zero_grad()
        xi = x.to(dtype).clone().requires_grad_(True)
        hi = h0.to(dtype).clone().requires_grad_(True)
        ci = c0.to(dtype).clone().requires_grad_(True)
        if cell == "lstm":
            out, (hn, cn) = m(xi, (hi, ci))
        else:
            out, hn = m(xi, hi)
        (out * dout.to(dtype)).sum().backward()
        tensors[tag + ".output"] = out
        tensors[tag + ".h_n"] = hn
        if cell == "lstm":
            tensors[tag + ".c_n"] = cn
            tensors[tag + ".grad.c0"] = ci.grad
        tensors[tag + ".grad.input"] = xi.grad
        tensors[tag + ".grad.h0"] = hi.grad
        for n, p in m.named_parameters():
            tensors[tag + ".grad." + n] = p.grad
    save(name + ".safetensors", tensors, {"kind": "recurrent", "cell": cell, "num_layers": layers,
                                           "input_size": d, "hidden_size": h, "seq_len": t, "batch": b,
                                           "dtype": "float32 and float64", "torch": torch.__version__})


class Keras(nn.Module):
    def __init__(self, h):
        super().__init__()
        self.rnn = nn.LSTM(1, h, 1, batch_first=True)
        self.fc = nn.Linear(h, 1)

    def forward(self, x):
        y, _ = self.rnn(x)
        return self.fc(y[:, -1])


def training_case(name, h, t, b, steps, lr, seed):
    gen = torch.Generator().manual_seed(seed)
    base = Keras(h)
    params = {n: rounded(p.shape, gen, 0.3) for n, p in base.named_parameters()}
    x = rounded((b, t, 1), gen)
    y = (x.sum(dim=1) > 0).to(torch.float64)  # (B, 1): is the sum of the sequence positive?
    tensors = dict(params)
    tensors.update({"input": x, "target": y})
    for tag, dtype in (("expected32", torch.float32), ("expected64", torch.float64)):
        m = Keras(h).to(dtype)
        with torch.no_grad():
            for n, p in m.named_parameters():
                p.copy_(params[n].to(dtype))
        opt = torch.optim.Adam(m.parameters(), lr=lr)
        losses = []
        for _ in range(steps):
            opt.zero_grad()
            prob = torch.sigmoid(m(x.to(dtype)))
            loss = nn.functional.binary_cross_entropy(prob, y.to(dtype))
            loss.backward()
            opt.step()
            losses.append(loss.detach().to(torch.float64))
        tensors[tag + ".losses"] = torch.stack(losses)
        for n, p in m.named_parameters():
            tensors[tag + ".final." + n] = p
    save(name + ".safetensors", tensors, {"kind": "training", "cell": "lstm", "hidden_size": h, "seq_len": t,
                                           "batch": b, "steps": steps, "lr": lr, "optimizer": "torch adam",
                                           "head": "last_sigmoid_bce", "torch": torch.__version__})


if __name__ == "__main__":
    torch.manual_seed(0)
    recurrent_case("lstm_l2_f32", "lstm", 2, 5, 24, 9, 6, seed=1)
    recurrent_case("gru_l1_f32", "gru", 1, 4, 20, 11, 5, seed=2)
    training_case("train_keras_f32", 20, 10, 32, 40, 0.01, seed=3)
