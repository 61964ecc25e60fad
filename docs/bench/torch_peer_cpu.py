"""torch_peer.py with CPU time: runs the unchanged peer benchmark of this folder, and reports besides its wall-clock
figures the CPU time of the process per step (cpu_ms_per_batch), the figure LSTM Lab's `bench` also prints. On a
machine shared with other work, wall time depends on the neighbours and CPU time much less.

How: torch_peer.run times its loop with time.perf_counter; here that clock is replaced, for the duration of each
run, by one that records wall and process CPU time at every reading, so the same loop yields both.

Run:  OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 torch_peer_cpu.py --threads 1 [--dtype float64] [W1 ...]
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch  # noqa: E402
import torch_peer  # noqa: E402


class TwoClocks:
    """Stands in for the time module inside torch_peer: perf_counter returns CPU seconds and logs both clocks."""

    def __init__(self):
        self.readings = []

    def perf_counter(self):
        wall, cpu = time.perf_counter(), time.process_time()
        self.readings.append((wall, cpu))
        return cpu


def run(name, seconds, dtype):
    clocks = TwoClocks()
    torch_peer.time = clocks
    try:
        r = torch_peer.run(name, seconds, dtype)
    finally:
        torch_peer.time = time
    (w0, c0), (w1, c1) = clocks.readings[0], clocks.readings[-1]
    n = r["batches"]
    b = torch_peer.WORKLOADS[name][5]
    r["cpu_ms_per_batch"] = 1000 * (c1 - c0) / n
    r["ms_per_batch"] = 1000 * (w1 - w0) / n
    r["samples_per_s"] = n * b / (w1 - w0)
    r["cpu_samples_per_s"] = n * b / (c1 - c0)
    return r


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=5, help="CPU seconds per workload")
    ap.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    ap.add_argument("workloads", nargs="*", default=list(torch_peer.WORKLOADS))
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    for w in a.workloads:
        print(json.dumps(run(w, a.seconds, getattr(torch, a.dtype))), flush=True)
