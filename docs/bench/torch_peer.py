"""Peer benchmark: PyTorch CPU training throughput on the workloads of docs/bench/WORKLOADS.md.

Source: the project's shared peer benchmark (bench/torch_peer.py of the LSTM Lab steering files), copied here
unchanged apart from this docstring so that the benchmark can be reproduced from the repository alone.

Setup on a Debian machine:  apt-get install -y python3-torch libopenblas0-pthread
Run:                        /usr/bin/python3 torch_peer.py [--threads 2] [--seconds 5] [--dtype float32] [W1 W2 ...]
Prints one JSON object per workload: {"workload", "samples_per_s", "ms_per_batch", ...}.
"""
import argparse, json, time
import torch
import torch.nn as nn

WORKLOADS = {
    # name: (cell, input_size, hidden, layers, seq_len, batch, head, out_size)
    "W1": ("lstm", 1, 50, 1, 10, 32, "last_sigmoid_bce", 1),      # the seed's Keras model
    "W2": ("lstm", 65, 128, 1, 64, 32, "seq_softmax_ce", 65),     # char-level language model, one-hot input
    "W3": ("lstm", 128, 256, 2, 50, 64, "last_sigmoid_bce", 1),   # wider, two layers
    "W4": ("gru", 65, 128, 1, 64, 32, "seq_softmax_ce", 65),      # W2 with a GRU
}


class Net(nn.Module):
    def __init__(self, cell, d, h, layers, out):
        super().__init__()
        self.rnn = (nn.LSTM if cell == "lstm" else nn.GRU)(d, h, layers, batch_first=True)
        self.fc = nn.Linear(h, out)

    def forward(self, x):
        y, _ = self.rnn(x)
        return self.fc(y)


def run(name, seconds, dtype):
    cell, d, h, layers, t, b, head, out = WORKLOADS[name]
    torch.manual_seed(0)
    net = Net(cell, d, h, layers, out).to(dtype)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    if head == "seq_softmax_ce":
        idx = torch.randint(0, d, (b, t))
        x = nn.functional.one_hot(idx, d).to(dtype)
        y = torch.randint(0, out, (b * t,))
        loss_fn = lambda o: nn.functional.cross_entropy(o.reshape(b * t, out), y)
    else:
        x = torch.randn(b, t, d, dtype=dtype)
        y = (torch.rand(b, 1) > 0.5).to(dtype)
        loss_fn = lambda o: nn.functional.binary_cross_entropy_with_logits(o[:, -1], y)

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(net(x))
        loss.backward()
        opt.step()

    for _ in range(5):
        step()
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        step()
        n += 1
    el = time.perf_counter() - t0
    return {"workload": name, "peer": f"torch {torch.__version__}", "dtype": str(dtype).replace("torch.", ""),
            "threads": torch.get_num_threads(), "batches": n, "ms_per_batch": 1000 * el / n, "samples_per_s": n * b / el}


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=5)
    ap.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    ap.add_argument("workloads", nargs="*", default=list(WORKLOADS))
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    for w in a.workloads:
        print(json.dumps(run(w, a.seconds, getattr(torch, a.dtype))), flush=True)
