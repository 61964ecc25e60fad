"""Builds the reference files of the embedding tests (run with /usr/bin/python3 from this folder; PyTorch 1.13 from
Debian's python3-torch, h5py from python3-h5py, no Keras needed).

Text classifiers that start with an embedding table, each with a check file <name>.check.safetensors holding `input`
(token ids, I64, (B, T)) and `expected` (float64):
  emb_lstm_f64.safetensors   nn.Embedding(12, 4, padding_idx=0) -> nn.LSTM(4, 5, num_layers=2) -> nn.Linear(5, 3),
                             a state_dict in float64; expected: PyTorch's raw outputs at every step (B, T, 3)
  emb_gru_f64.safetensors    nn.Embedding(9, 6) named 'embed' -> nn.GRU(6, 4) -> nn.Linear(4, 2) named 'decoder';
                             expected: raw outputs at every step (B, T, 2)
  keras2_embedding_lstm.h5   Keras 2 model.save: Embedding(20, 4) -> LSTM(5) -> Dense(2, softmax); expected (B, 2)
  keras3_embedding_gru.keras Keras 3 model.save: Embedding(15, 3) -> GRU(4, return_sequences=True) -> Dense(1,
                             sigmoid); expected (B, T, 1)
  keras2_embedding_masked.h5 Keras 2 model.save: Embedding(16, 3, mask_zero=True) -> LSTM(4, return_sequences=True)
                             -> LSTM(4) -> Dense(3, softmax); its input holds post-padded rows (zeros after the
                             ids), pre-padded rows (zeros before, pad_sequences' default), a row without zeros and a
                             row of zeros; expected (B, 3) from NumPy cells that skip every step of id 0 and carry
                             their state over it, as Keras does (the row of zeros: the Dense on h = 0)
  keras2_embedding_masked_gru.h5  Embedding(10, 2, mask_zero=True) -> GRU(3, reset_after=True) -> Dense(1, sigmoid),
                             the same kinds of rows; expected (B, 1)
  bad_keras_mask_zero.h5     Embedding(mask_zero=True) -> LSTM(return_sequences=True) -> Dense: an output at every
                             step with a mask, which is refused
The Keras expectations come from the NumPy cells below, written here from Keras' equations (gates i, f, c, o for the
LSTM; z, r, h with reset_after for the GRU), in float64 from the float32 weights as stored.
"""
import json
import os
import zipfile

import h5py
import numpy as np
import torch
import torch.nn as nn

import st

torch.manual_seed(51)
rng = np.random.default_rng(51)


# ---------------------------------------------------------------------------------------------------- PyTorch
class TextNet(nn.Module):
    def __init__(self, names, embedding, rnn, head):
        super().__init__()
        self.names = names
        for n, m in zip(names, (embedding, rnn, head)):
            setattr(self, n, m)

    def forward(self, ids):
        e, r, h = (getattr(self, n) for n in self.names)
        y, _ = r(e(ids))
        return h(y)


def torch_case(name, names, embedding, rnn, head, batch, steps):
    net = TextNet(names, embedding, rnn, head).double()
    st.save(name + ".safetensors", {k: ("F64", v.numpy()) for k, v in net.state_dict().items()}, {"format": "pt"})
    ids = torch.randint(0, embedding.num_embeddings, (batch, steps))
    ids[0, -2:] = embedding.padding_idx if embedding.padding_idx is not None else 0   # padded at the end
    with torch.no_grad():
        y = net(ids)
    st.save(name + ".check.safetensors", {"input": ("I64", ids.numpy()), "expected": ("F64", y.numpy())})


torch_case("emb_lstm_f64", ("embedding", "lstm", "fc"), nn.Embedding(12, 4, padding_idx=0),
           nn.LSTM(4, 5, num_layers=2, batch_first=True), nn.Linear(5, 3), 3, 7)
torch_case("emb_gru_f64", ("embed", "gru", "decoder"), nn.Embedding(9, 6), nn.GRU(6, 4, batch_first=True),
           nn.Linear(4, 2), 2, 5)


# ---------------------------------------------------------------------------------------------------- NumPy cells
def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def np_lstm(x, kernel, recurrent, bias, mask=None):
    """Keras LSTM on x (B, T, D): kernel (D, 4U), columns i, f, c, o; returns every h (B, T, U). With a mask (B, T),
    as mask_zero=True gives, a masked step leaves h and c as they were (Keras skips it, carrying the state)."""
    u = recurrent.shape[0]
    h = np.zeros((x.shape[0], u))
    c = np.zeros((x.shape[0], u))
    out = []
    for t in range(x.shape[1]):
        z = x[:, t] @ kernel + h @ recurrent + bias
        i, f, g, o = sig(z[:, :u]), sig(z[:, u:2 * u]), np.tanh(z[:, 2 * u:3 * u]), sig(z[:, 3 * u:])
        c_new = f * c + i * g
        h_new = o * np.tanh(c_new)
        keep = np.ones((x.shape[0], 1), dtype=bool) if mask is None else mask[:, t:t + 1]
        c = np.where(keep, c_new, c)
        h = np.where(keep, h_new, h)
        out.append(h)
    return np.stack(out, axis=1)


def np_gru_reset_after(x, kernel, recurrent, bias, mask=None):
    """Keras GRU(reset_after=True): kernel (D, 3U), columns z, r, h; bias (2, 3U): input, recurrent. A masked step
    (mask (B, T) False) leaves h as it was."""
    u = recurrent.shape[0]
    h = np.zeros((x.shape[0], u))
    out = []
    for t in range(x.shape[1]):
        xi = x[:, t] @ kernel + bias[0]
        hr = h @ recurrent + bias[1]
        z = sig(xi[:, :u] + hr[:, :u])
        r = sig(xi[:, u:2 * u] + hr[:, u:2 * u])
        cand = np.tanh(xi[:, 2 * u:] + r * hr[:, 2 * u:])
        h_new = z * h + (1 - z) * cand
        h = h_new if mask is None else np.where(mask[:, t:t + 1], h_new, h)
        out.append(h)
    return np.stack(out, axis=1)


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def w(*shape):
    return (rng.standard_normal(shape) * 0.4).astype(np.float32)


def f64(a):
    return a.astype(np.float64)


# ---------------------------------------------------------------------------------------------------- Keras 2 .h5
def k2_layer(name, cls, **cfg):
    return {"class_name": cls, "config": dict({"name": name, "trainable": True, "dtype": "float32"}, **cfg)}


def save_keras2(path, layers_cfg, weights):
    with h5py.File(path, "w") as f:
        config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": layers_cfg}}
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"2.11.0"
        f.attrs["model_config"] = json.dumps(config).encode("utf8")
        g = f.create_group("model_weights")
        g.attrs["layer_names"] = np.asarray([n.encode("utf8") for n, _ in weights])
        g.attrs["backend"] = b"tensorflow"
        g.attrs["keras_version"] = b"2.11.0"
        for name, ws in sorted(weights, key=lambda e: e[0]):
            lg = g.create_group(name)
            lg.attrs["weight_names"] = np.asarray([wn.encode("utf8") for wn, _ in ws], dtype="S")
            for wn, arr in ws:
                lg.create_dataset(wn, data=arr)


E, K, R, b, Wd, bd = w(20, 4), w(4, 20), w(5, 20), w(20), w(5, 2), w(2)
lstm_cfg = {"return_sequences": False, "return_state": False, "go_backwards": False, "stateful": False,
            "unroll": False, "time_major": False, "units": 5, "activation": "tanh", "recurrent_activation": "sigmoid",
            "use_bias": True, "unit_forget_bias": True, "implementation": 2}
for path, mask in (("keras2_embedding_lstm.h5", False),):
    save_keras2(path, [
        k2_layer("embedding", "Embedding", batch_input_shape=[None, None], input_dim=20, output_dim=4,
                 mask_zero=mask, input_length=None),
        k2_layer("lstm", "LSTM", **lstm_cfg),
        k2_layer("dense", "Dense", units=2, activation="softmax", use_bias=True)], [
        ("embedding", [("embedding/embeddings:0", E)]),
        ("lstm", [("lstm/lstm_cell/kernel:0", K), ("lstm/lstm_cell/recurrent_kernel:0", R),
                  ("lstm/lstm_cell/bias:0", b)]),
        ("dense", [("dense/kernel:0", Wd), ("dense/bias:0", bd)])])
ids = rng.integers(0, 20, (4, 6))
y = softmax(np_lstm(f64(E)[ids], f64(K), f64(R), f64(b))[:, -1] @ f64(Wd) + f64(bd))
st.save("keras2_embedding_lstm.check.safetensors", {"input": ("I64", ids), "expected": ("F64", y)})


# ---------------------------------------------------------------------------------------------------- Keras 3 .keras
# (the masked Keras 2 models come after it, so that the numbers drawn for the files above stay what they were)
def k3_layer(cls, name, build_shape, **cfg):
    return {"module": "keras.layers", "class_name": cls, "config": dict({"name": name, "trainable": True,
            "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                      "registered_name": None}}, **cfg),
            "registered_name": None, "build_config": {"input_shape": build_shape}}


E, K, R, b, Wd, bd = w(15, 3), w(3, 12), w(4, 12), w(2, 12), w(4, 1), w(1)
shape = [None, None]
cfg = {"module": "keras", "class_name": "Sequential", "config": {"name": "sequential", "trainable": True, "layers": [
    {"module": "keras.layers", "class_name": "InputLayer", "registered_name": None,
     "config": {"batch_shape": shape, "dtype": "int32", "sparse": False, "name": "input_layer"}},
    k3_layer("Embedding", "embedding", shape, input_dim=15, output_dim=3, mask_zero=False,
             embeddings_initializer={"module": "keras.initializers", "class_name": "RandomUniform",
                                     "config": {"minval": -0.05, "maxval": 0.05, "seed": None}}),
    k3_layer("GRU", "gru", [None, None, 3], units=4, activation="tanh", recurrent_activation="sigmoid",
             use_bias=True, return_sequences=True, return_state=False, go_backwards=False, stateful=False,
             unroll=False, reset_after=True, seed=None),
    k3_layer("Dense", "dense", [None, None, 4], units=1, activation="sigmoid", use_bias=True)],
    "build_input_shape": shape}, "registered_name": None, "build_config": {"input_shape": shape}}
with h5py.File("keras3_embedding.tmp.h5", "w") as f:
    f.create_group("vars")
    f.create_group("layers/embedding/vars").create_dataset("0", data=E)
    f.create_group("layers/gru/vars")
    g = f.create_group("layers/gru/cell/vars")
    for i, a in enumerate((K, R, b)):
        g.create_dataset(str(i), data=a)
    g = f.create_group("layers/dense/vars")
    g.create_dataset("0", data=Wd)
    g.create_dataset("1", data=bd)
with zipfile.ZipFile("keras3_embedding_gru.keras", "w") as z:
    z.writestr("metadata.json", json.dumps({"keras_version": "3.3.3", "date_saved": "2024-05-01@12:00:00"}))
    z.writestr("config.json", json.dumps(cfg))
    z.write("keras3_embedding.tmp.h5", "model.weights.h5")
os.remove("keras3_embedding.tmp.h5")
ids = rng.integers(0, 15, (2, 5))
y = sig(np_gru_reset_after(f64(E)[ids], f64(K), f64(R), f64(b)) @ f64(Wd) + f64(bd))
st.save("keras3_embedding_gru.check.safetensors", {"input": ("I64", ids), "expected": ("F64", y)})


# ---------------------------------------------------------------------------------------------------- mask_zero=True
E, K1, R1, b1, K2, R2, b2, Wd, bd = w(16, 3), w(3, 16), w(4, 16), w(16), w(4, 16), w(4, 16), w(16), w(4, 3), w(3)
save_keras2("keras2_embedding_masked.h5", [
    k2_layer("embedding", "Embedding", batch_input_shape=[None, None], input_dim=16, output_dim=3, mask_zero=True,
             input_length=None),
    k2_layer("lstm", "LSTM", **dict(lstm_cfg, units=4, return_sequences=True)),
    k2_layer("lstm_1", "LSTM", **dict(lstm_cfg, units=4)),
    k2_layer("dense", "Dense", units=3, activation="softmax", use_bias=True)], [
    ("embedding", [("embedding/embeddings:0", E)]),
    ("lstm", [("lstm/lstm_cell/kernel:0", K1), ("lstm/lstm_cell/recurrent_kernel:0", R1),
              ("lstm/lstm_cell/bias:0", b1)]),
    ("lstm_1", [("lstm_1/lstm_cell_1/kernel:0", K2), ("lstm_1/lstm_cell_1/recurrent_kernel:0", R2),
                ("lstm_1/lstm_cell_1/bias:0", b2)]),
    ("dense", [("dense/kernel:0", Wd), ("dense/bias:0", bd)])])
ids = np.array([[5, 3, 9, 0, 0, 0, 0],        # post-padded
                [7, 1, 0, 0, 0, 0, 0],
                [0, 0, 0, 0, 12, 4, 15],      # pre-padded
                [0, 2, 11, 6, 8, 3, 10],
                [4, 13, 2, 9, 1, 14, 7],      # no padding
                [0, 0, 0, 0, 0, 0, 0]])       # nothing but padding
mask = ids != 0
h1 = np_lstm(f64(E)[ids], f64(K1), f64(R1), f64(b1), mask)
h2 = np_lstm(h1, f64(K2), f64(R2), f64(b2), mask)
y = softmax(h2[:, -1] @ f64(Wd) + f64(bd))
st.save("keras2_embedding_masked.check.safetensors", {"input": ("I64", ids), "expected": ("F64", y)})
E2, Kg, Rg, bg, Wg, bgd = w(10, 2), w(2, 9), w(3, 9), w(2, 9), w(3, 1), w(1)
save_keras2("keras2_embedding_masked_gru.h5", [
    k2_layer("embedding", "Embedding", batch_input_shape=[None, None], input_dim=10, output_dim=2, mask_zero=True,
             input_length=None),
    k2_layer("gru", "GRU", units=3, activation="tanh", recurrent_activation="sigmoid", use_bias=True,
             return_sequences=False, return_state=False, go_backwards=False, stateful=False, unroll=False,
             time_major=False, reset_after=True, implementation=2),
    k2_layer("dense", "Dense", units=1, activation="sigmoid", use_bias=True)], [
    ("embedding", [("embedding/embeddings:0", E2)]),
    ("gru", [("gru/gru_cell/kernel:0", Kg), ("gru/gru_cell/recurrent_kernel:0", Rg), ("gru/gru_cell/bias:0", bg)]),
    ("dense", [("dense/kernel:0", Wg), ("dense/bias:0", bgd)])])
ids = np.array([[3, 9, 0, 0, 0], [0, 0, 5, 1, 8], [2, 4, 6, 8, 1], [0, 0, 0, 0, 0], [0, 7, 0, 0, 0]])
y = sig(np_gru_reset_after(f64(E2)[ids], f64(Kg), f64(Rg), f64(bg), ids != 0)[:, -1] @ f64(Wg) + f64(bgd))
st.save("keras2_embedding_masked_gru.check.safetensors", {"input": ("I64", ids), "expected": ("F64", y)})

save_keras2("bad_keras_mask_zero.h5", [
    k2_layer("embedding", "Embedding", batch_input_shape=[None, None], input_dim=16, output_dim=3, mask_zero=True,
             input_length=None),
    k2_layer("lstm", "LSTM", **dict(lstm_cfg, units=4, return_sequences=True)),
    k2_layer("dense", "Dense", units=3, activation="softmax", use_bias=True)], [
    ("embedding", [("embedding/embeddings:0", E)]),
    ("lstm", [("lstm/lstm_cell/kernel:0", K1), ("lstm/lstm_cell/recurrent_kernel:0", R1),
              ("lstm/lstm_cell/bias:0", b1)]),
    ("dense", [("dense/kernel:0", Wd), ("dense/bias:0", bd)])])
print("done")
