"""Shares of a training step by what the code computes, from JFR execution samples (docs/notes/engine-bench-2-2026-11-28.md).

Each sample of an LSTM Lab thread is attributed to the first engine method above the matrix and vector kernels
(engine.math) and the JDK (so "products: dW" includes its packing), then grouped as below; the kernel warm-up
thread is left out. Prints one Markdown table column per recording.

Run:  python3 docs/bench/jfr_shares.py "W3" before.jfr after.jfr      (needs `jfr` from the JDK on the PATH)
      python3 docs/bench/jfr_shares.py --top 10 before.jfr after.jfr   the hottest methods (the sampled frame itself,
                                                                     with the first engine method above the kernels)
"""
import sys, subprocess, re, collections
CATS = [
 ("products: weight gradients dW", ["weightGradients", "Float32Products.addProduct"]),
 ("products: recurrent step, forward", ["recurrentStep", "beginForward"]),
 ("products: dh per step, backward", ["hiddenGradientStep", "beginBackward"]),
 ("products: input projection", ["inputProjection"]),
 ("products: input gradient dX", ["inputGradient"]),
 ("cell equations and activations (forward + backward)", ["LstmLayer.stepForward", "LstmLayer.stepBackward", "GruLayer.stepForward", "GruLayer.stepBackward", "afterRecurrentGradient"]),
 ("float32 conversions", ["narrow", "addWidened", "Float32Products.zeros", "Float32Products.rounded"]),
 ("Dense head", ["Dense."]),
 ("loss and softmax", ["Loss.", "OutputActivation."]),
 ("one-hot gather/scatter", ["gatherRows", "scatterAddColumns", "addRow", "addOneHotGradient", "inputTable"]),
 ("bias gradients", ["addColumnSums", "columnSums", "addBiasGradients"]),
 ("weight transposes", ["RecurrentLayer.transpose", "Rows.transpose", "transposeRounded"]),
 ("optimizer, clipping, trainer, other", []),
]
frame_re = re.compile(r"^\s+([\w.$]+)\.([\w$<>]+)\(")
def samples(f):
    """The stacks (innermost first) of the training threads' execution samples, warm-up thread left out."""
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "20", f], capture_output=True, text=True).stdout
    for ev in out.split("jdk.ExecutionSample")[1:]:
        frames = [m.groups() for m in (frame_re.match(l) for l in ev.splitlines()) if m]
        if frames and any("lstmlab" in x for x, _ in frames) and not any("KernelWarmup" in x for x, _ in frames):
            yield frames
def top(f, count):
    c = collections.Counter(); n = 0
    for frames in samples(f):
        leaf = frames[0][0].split(".")[-1] + "." + frames[0][1]
        caller = next((cl.split(".")[-1] + "." + mm for cl, mm in frames if "lstmlab" in cl and ".engine.math" not in cl), "?")
        c[leaf + " <- " + caller] += 1; n += 1
    print(f"{f.split('/')[-1]} ({n} samples)")
    for k, v in c.most_common(count):
        print(f"  {100 * v / n:5.1f} %  {k}")
def shares(f):
    c = collections.Counter(); n = 0
    for frames in samples(f):
        key = None
        for cl, mm in frames:
            if ".engine.math" in cl or "lstmlab" not in cl:
                continue
            key = cl.split(".")[-1] + "." + mm
            break
        key = key or "?"
        cat = CATS[-1][0]
        for name, pats in CATS[:-1]:
            if any(p in key for p in pats):
                cat = name; break
        c[cat] += 1; n += 1
    return c, n
if len(sys.argv) < 3:
    sys.exit(__doc__)
if sys.argv[1] == "--top":
    for f in sys.argv[3:]:
        top(f, int(sys.argv[2]))
    sys.exit(0)
files = sys.argv[2:]
title = sys.argv[1]
res = [shares(f) for f in files]
print(f"| {title} | " + " | ".join(f.split('/')[-1].replace('.jfr','') + f" ({n} samples)" for f, (c, n) in zip(files, res)) + " |")
print("|---" * (len(files) + 1) + "|")
for name, _ in CATS:
    print(f"| {name} | " + " | ".join(f"{100*c[name]/n:.1f} %" if n else "-" for c, n in res) + " |")
