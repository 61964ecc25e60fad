"""Builds the reference files of Keras 2's CuDNNLSTM and CuDNNGRU layers with h5py (run with /usr/bin/python3 from
this folder; no Keras, TensorFlow or GPU needed). Written for LSTM Lab; the layouts are those of Keras 2 / tf.keras 1.x.

The layers (tf.keras.layers.CuDNNLSTM / CuDNNGRU, Keras 2.0-2.3) keep the plain layers' weight names (kernel,
recurrent_kernel, bias) but not their layouts:
- bias: (8H) for the LSTM, (6H) for the GRU: cuDNN's input biases of every gate, then its recurrent biases;
- each gate's block of kernel (D, H) and recurrent_kernel (H, H) is handed to cuDNN as it lies in memory, row-major,
  and read there as the gate's matrix W (H, D) and R (H, H), so W = block.reshape(H, D), not block.T.
Gate orders are Keras' (LSTM i, f, c, o; GRU z, r, h). The GRU is the reset-after one (r multiplies R h + b_R).

Each model's check file <name>.check.safetensors holds `input` and `expected`: what the cuDNN equations give, in
float64, from the float32 weights as stored. The script also checks its cuDNN cells against keras_cells.py after the
conversion Keras applies when it loads such weights into a plain LSTM or GRU.
"""
import json

import h5py
import numpy as np

import keras_cells as kc
import st

rng = np.random.default_rng(21)


def w(*shape):
    return (rng.standard_normal(shape) * 0.4).astype(np.float32)


def gate_matrix(block, rows):
    """A gate's block of a CuDNN kernel, (rows, H), as cuDNN reads it: (H, rows), row-major."""
    return np.ascontiguousarray(block).reshape(block.shape[1], rows)


def gates(x, kernel, recurrent, bias, count):
    """Per gate: cuDNN's W (H, D), R (H, H), input bias and recurrent bias."""
    d, n = x.shape[2], recurrent.shape[0]
    return ([gate_matrix(kernel[:, k * n:(k + 1) * n], d) for k in range(count)],
            [gate_matrix(recurrent[:, k * n:(k + 1) * n], n) for k in range(count)],
            [bias[k * n:(k + 1) * n] for k in range(count)],
            [bias[(count + k) * n:(count + k + 1) * n] for k in range(count)])


def cudnn_lstm(x, kernel, recurrent, bias):
    W, R, bw, br = gates(x, kernel, recurrent, bias, 4)
    h = np.zeros((x.shape[0], recurrent.shape[0]))
    c = np.zeros_like(h)
    out = []
    for s in range(x.shape[1]):
        i, f, g, o = (x[:, s] @ W[k].T + bw[k] + h @ R[k].T + br[k] for k in range(4))
        c = kc.sigmoid(f) * c + kc.sigmoid(i) * np.tanh(g)
        h = kc.sigmoid(o) * np.tanh(c)
        out.append(h)
    return np.stack(out, 1)


def cudnn_gru(x, kernel, recurrent, bias):
    W, R, bw, br = gates(x, kernel, recurrent, bias, 3)
    h = np.zeros((x.shape[0], recurrent.shape[0]))
    out = []
    for s in range(x.shape[1]):
        xt = x[:, s]
        z = kc.sigmoid(xt @ W[0].T + bw[0] + h @ R[0].T + br[0])
        r = kc.sigmoid(xt @ W[1].T + bw[1] + h @ R[1].T + br[1])
        hh = np.tanh(xt @ W[2].T + bw[2] + r * (h @ R[2].T + br[2]))
        h = z * h + (1 - z) * hh
        out.append(h)
    return np.stack(out, 1)


def to_plain(kernel, recurrent, gates):
    """Keras' own conversion of CuDNN kernels to the plain layer's: per gate, kernel.T.reshape(shape, order='F')."""
    def each(m, f):
        return np.hstack([f(b) for b in np.hsplit(m, gates)])
    return each(kernel, lambda b: b.T.reshape(b.shape, order="F")), each(recurrent, lambda b: b.T)


def f64(a):
    return a.astype(np.float64)


def layer(name, cls, **cfg):
    return {"class_name": cls, "config": dict({"name": name, "trainable": True}, **cfg)}


def cudnn_cfg(units, return_sequences, **extra):
    return dict({"units": units, "return_sequences": return_sequences, "return_state": False, "go_backwards": False,
                 "stateful": False, "kernel_initializer": {"class_name": "VarianceScaling", "config": {}}}, **extra)


def save(path, layers_cfg, weights, full=True):
    """Keras 2.2.4's model.save (full) or save_weights: layer_names, weight_names, the datasets at those names."""
    with h5py.File(path, "w") as f:
        if full:
            f.attrs["keras_version"] = b"2.2.4"
            f.attrs["backend"] = b"tensorflow"
            f.attrs["model_config"] = json.dumps({"class_name": "Sequential", "config": {
                "name": "sequential_1", "layers": layers_cfg}}).encode("utf8")
            g = f.create_group("model_weights")
        else:
            g = f
        g.attrs["layer_names"] = np.asarray([n.encode("utf8") for n, _ in weights])
        g.attrs["keras_version"] = b"2.2.4"
        g.attrs["backend"] = b"tensorflow"
        for name, ws in sorted(weights, key=lambda e: e[0]):
            lg = g.create_group(name)
            lg.attrs["weight_names"] = np.asarray([wn.encode("utf8") for wn, _ in ws], dtype="S")
            for wn, arr in ws:
                lg.create_dataset(wn, data=arr)


def check(name, x, y):
    st.save(name + ".check.safetensors", {"input": ("F64", x), "expected": ("F64", y)})


def weights_of(name, kernel, recurrent, bias):
    return (name, [(name + "/kernel:0", kernel), (name + "/recurrent_kernel:0", recurrent), (name + "/bias:0", bias)])


# 1. Two CuDNNLSTM(5) (D = 3, so each gate's block is not square) and a softmax Dense, model.save("m.h5").
K1, R1, b1 = w(3, 20), w(5, 20), w(40)
K2, R2, b2 = w(5, 20), w(5, 20), w(40)
Wd, bd = w(5, 2), w(2)
save("keras2_cudnn_lstm.h5", [
    layer("cu_dnnlstm_1", "CuDNNLSTM", batch_input_shape=[None, None, 3], **cudnn_cfg(5, True, unit_forget_bias=True)),
    layer("cu_dnnlstm_2", "CuDNNLSTM", **cudnn_cfg(5, False, unit_forget_bias=True)),
    layer("dense_1", "Dense", units=2, activation="softmax", use_bias=True)], [
    weights_of("cu_dnnlstm_1", K1, R1, b1), weights_of("cu_dnnlstm_2", K2, R2, b2),
    ("dense_1", [("dense_1/kernel:0", Wd), ("dense_1/bias:0", bd)])])
x = rng.standard_normal((3, 7, 3))
y = cudnn_lstm(cudnn_lstm(x, f64(K1), f64(R1), f64(b1)), f64(K2), f64(R2), f64(b2))[:, -1]
check("keras2_cudnn_lstm", x, kc.dense(y, f64(Wd), f64(bd), "softmax"))
k1, r1 = to_plain(f64(K1), f64(R1), 4)
k2, r2 = to_plain(f64(K2), f64(R2), 4)
plain = kc.lstm(kc.lstm(x, k1, r1, f64(b1[:20] + b1[20:])), k2, r2, f64(b2[:20] + b2[20:]))[:, -1]
assert np.abs(plain - y).max() < 1e-6, "the cuDNN LSTM and Keras' conversion disagree"

# 2. CuDNNGRU(4) on D = 2 and a sigmoid Dense, model.save("m.h5").
K, R, b = w(2, 12), w(4, 12), w(24)
Wd, bd = w(4, 1), w(1)
save("keras2_cudnn_gru.h5", [
    layer("cu_dnngru_1", "CuDNNGRU", batch_input_shape=[None, 6, 2], **cudnn_cfg(4, False)),
    layer("dense_1", "Dense", units=1, activation="sigmoid", use_bias=True)], [
    weights_of("cu_dnngru_1", K, R, b), ("dense_1", [("dense_1/kernel:0", Wd), ("dense_1/bias:0", bd)])])
x = rng.standard_normal((2, 6, 2))
y = cudnn_gru(x, f64(K), f64(R), f64(b))
check("keras2_cudnn_gru", x, kc.dense(y[:, -1], f64(Wd), f64(bd), "sigmoid"))
k, r = to_plain(f64(K), f64(R), 3)
assert np.abs(kc.gru(x, k, r, f64(b).reshape(2, -1)) - y).max() < 1e-6, "the cuDNN GRU and Keras' conversion disagree"

# 3. The same CuDNNGRU's save_weights("w.h5"), no config: only the bias (6H) says it is a CuDNN layer.
save("keras2_cudnn_gru_weights.h5", None, [weights_of("cu_dnngru_1", K, R, b)], full=False)
check("keras2_cudnn_gru_weights", x, y[:, -1])  # no Dense: the last step's h
print("done")
