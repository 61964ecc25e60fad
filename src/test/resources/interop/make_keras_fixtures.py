"""Builds the Keras reference files of the import tests with h5py, in Keras' exact layouts (run with /usr/bin/python3
from this folder; no Keras needed).

Layouts, as Keras writes them:
- Keras 2 model.save("m.h5"): root attributes backend, keras_version, model_config (JSON, bytes); group model_weights
  with attributes layer_names (fixed-length byte strings, every layer of model.layers), backend, keras_version; one
  group per layer (created in name order) with attribute weight_names, the datasets at those names
  (lstm/lstm_cell/kernel:0 ...).
- Keras 2 model.save_weights("w.h5"): the same layer_names / weight_names layout at the root, no model_config.
- Keras 3 model.save("m.keras"): a zip of metadata.json, config.json and model.weights.h5; the weights file holds
  vars (the model's own, empty), layers/<snake_case class>/vars and, for recurrent layers, layers/<name>/cell/vars
  with datasets 0, 1, 2 (kernel, recurrent_kernel, bias).
- Keras 3 model.save_weights("m.weights.h5"): the same HDF5 layout as model.weights.h5.
Each model's check file <name>.check.safetensors holds `input` and `expected`, computed by keras_cells.py in float64
from the float32 weights as stored.
"""
import json
import zipfile

import h5py
import numpy as np

import keras_cells as kc
import st

rng = np.random.default_rng(5)


def w(*shape):
    return (rng.standard_normal(shape) * 0.4).astype(np.float32)


def f64(a):
    return a.astype(np.float64)


def check(name, x, y):
    st.save(name + ".check.safetensors", {"input": ("F64", x), "expected": ("F64", y)})


def keras2_layer(name, cls, **cfg):
    return {"class_name": cls, "config": dict({"name": name, "trainable": True, "dtype": "float32"}, **cfg)}


def rnn_cfg(units, **extra):
    c = {"return_sequences": False, "return_state": False, "go_backwards": False, "stateful": False,
         "unroll": False, "time_major": False, "units": units, "activation": "tanh",
         "recurrent_activation": "sigmoid", "use_bias": True, "dropout": 0.0, "recurrent_dropout": 0.0,
         "implementation": 2}
    c.update(extra)
    return c


def save_keras2(path, layers_cfg, weights, full=True, keras_version="2.11.0"):
    """weights: [(layer name, [(weight name, array)])] in model.layers order; layers without weights have []."""
    with h5py.File(path, "w") as f:
        if full:
            config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": layers_cfg}}
            f.attrs["backend"] = b"tensorflow"
            f.attrs["keras_version"] = keras_version.encode()
            f.attrs["model_config"] = json.dumps(config).encode("utf8")
            g = f.create_group("model_weights")
        else:
            g = f
        g.attrs["layer_names"] = np.asarray([n.encode("utf8") for n, _ in weights])
        g.attrs["backend"] = b"tensorflow"
        g.attrs["keras_version"] = keras_version.encode()
        for name, ws in sorted(weights, key=lambda e: e[0]):
            lg = g.create_group(name)
            lg.attrs["weight_names"] = np.asarray([wn.encode("utf8") for wn, _ in ws], dtype="S")
            for wn, arr in ws:
                d = lg.create_dataset(wn, arr.shape, dtype=arr.dtype)
                d[:] = arr


# 1. The classic: LSTM(50, input_shape=(10, 1)) + Dense(1, activation='sigmoid'), model.save("model.h5").
K, R, b = w(1, 200), w(50, 200), w(200)
Wd, bd = w(50, 1), w(1)
layers = [keras2_layer("lstm_input", "InputLayer", batch_input_shape=[None, 10, 1], sparse=False, ragged=False),
          keras2_layer("lstm", "LSTM", batch_input_shape=[None, 10, 1], **rnn_cfg(50, unit_forget_bias=True)),
          keras2_layer("dense", "Dense", units=1, activation="sigmoid", use_bias=True)]
save_keras2("classic_model.h5", layers, [
    ("lstm", [("lstm/lstm_cell/kernel:0", K), ("lstm/lstm_cell/recurrent_kernel:0", R), ("lstm/lstm_cell/bias:0", b)]),
    ("dense", [("dense/kernel:0", Wd), ("dense/bias:0", bd)])])
x = rng.uniform(0, 1, (4, 10, 1))
check("classic_model", x, kc.dense(kc.lstm(x, f64(K), f64(R), f64(b))[:, -1], f64(Wd), f64(bd), "sigmoid"))

# 2. Keras 2 stacked GRU (reset_after=True) with a softmax on every step, Keras 2.4 layer names.
K1, R1, b1 = w(3, 12), w(4, 12), w(2, 12)
K2, R2, b2 = w(4, 12), w(4, 12), w(2, 12)
Wd, bd = w(4, 3), w(3)
layers = [keras2_layer("gru", "GRU", batch_input_shape=[None, None, 3], **rnn_cfg(4, return_sequences=True,
                                                                                  reset_after=True)),
          keras2_layer("gru_1", "GRU", **rnn_cfg(4, return_sequences=True, reset_after=True)),
          {"class_name": "TimeDistributed", "config": {"name": "time_distributed", "layer": keras2_layer(
              "dense", "Dense", units=3, activation="softmax", use_bias=True)}}]
save_keras2("keras2_gru_stack.h5", layers, [
    ("gru", [("gru/gru_cell/kernel:0", K1), ("gru/gru_cell/recurrent_kernel:0", R1), ("gru/gru_cell/bias:0", b1)]),
    ("gru_1", [("gru_1/gru_cell_1/kernel:0", K2), ("gru_1/gru_cell_1/recurrent_kernel:0", R2),
               ("gru_1/gru_cell_1/bias:0", b2)]),
    ("time_distributed", [("time_distributed/kernel:0", Wd), ("time_distributed/bias:0", bd)])])
x = rng.standard_normal((2, 5, 3))
y = kc.gru(kc.gru(x, f64(K1), f64(R1), f64(b1)), f64(K2), f64(R2), f64(b2))
check("keras2_gru_stack", x, kc.dense(y, f64(Wd), f64(bd), "softmax"))

# 3. Keras 2 save_weights: SimpleRNN(5) + Dense(2), no config (tanh and the last step are Keras' defaults).
K, R, b = w(2, 5), w(5, 5), w(5)
Wd, bd = w(5, 2), w(2)
save_keras2("keras2_weights.h5", None, [
    ("simple_rnn", [("simple_rnn/simple_rnn_cell/kernel:0", K), ("simple_rnn/simple_rnn_cell/recurrent_kernel:0", R),
                    ("simple_rnn/simple_rnn_cell/bias:0", b)]),
    ("dense", [("dense/kernel:0", Wd), ("dense/bias:0", bd)])], full=False)
x = rng.standard_normal((3, 7, 2))
check("keras2_weights", x, kc.dense(kc.simple_rnn(x, f64(K), f64(R), f64(b))[:, -1], f64(Wd), f64(bd), "linear"))


def keras3_layer(cls, name, build_shape, **cfg):
    return {"module": "keras.layers", "class_name": cls, "config": dict({"name": name, "trainable": True,
            "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                      "registered_name": None}}, **cfg),
            "registered_name": None, "build_config": {"input_shape": build_shape}}


def keras3_config(layers, shape):
    inp = {"module": "keras.layers", "class_name": "InputLayer",
           "config": {"batch_shape": shape, "dtype": "float32", "sparse": False, "name": "input_layer"},
           "registered_name": None}
    return {"module": "keras", "class_name": "Sequential", "config": {"name": "sequential", "trainable": True,
            "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                      "registered_name": None}, "layers": [inp] + layers, "build_input_shape": shape},
            "registered_name": None, "build_config": {"input_shape": shape}}


def save_keras3_weights(path_or_file, groups):
    """groups: {path: [arrays]}; every layer group also gets its own (empty) vars, as Keras writes them."""
    with h5py.File(path_or_file, "w") as f:
        f.create_group("vars")
        for path, arrays in groups.items():
            layer = path.split("/cell")[0]
            if layer not in f:
                f.create_group(layer).create_group("vars")
            g = f.require_group(path).require_group("vars")
            for i, a in enumerate(arrays):
                g.create_dataset(str(i), data=a)


# 4. Keras 3 .keras: SimpleRNN(6, activation='relu', return_sequences=True) + Dense(2) on every step.
K, R, b = w(3, 6), w(6, 6), w(6)
Wd, bd = w(6, 2), w(2)
cfg = keras3_config([keras3_layer("SimpleRNN", "simple_rnn", [None, None, 3], units=6, activation="relu",
                                  use_bias=True, return_sequences=True, return_state=False, go_backwards=False,
                                  stateful=False, unroll=False, zero_output_for_mask=False, seed=None),
                     keras3_layer("Dense", "dense", [None, None, 6], units=2, activation="linear", use_bias=True)],
                    [None, None, 3])
save_keras3_weights("keras3_weights.tmp.h5", {"layers/simple_rnn/cell": [K, R, b], "layers/dense": [Wd, bd]})
with zipfile.ZipFile("keras3_model.keras", "w") as z:
    z.writestr("metadata.json", json.dumps({"keras_version": "3.3.3", "date_saved": "2024-05-01@12:00:00"}))
    z.writestr("config.json", json.dumps(cfg))
    z.write("keras3_weights.tmp.h5", "model.weights.h5")
x = rng.standard_normal((2, 4, 3))
check("keras3_model", x, kc.dense(kc.simple_rnn(x, f64(K), f64(R), f64(b), "relu"), f64(Wd), f64(bd), "linear"))

# 5. Keras 3 save_weights + the architecture beside it: LSTM(3, return_sequences=True) + LSTM(3) + Dense(1).
K1, R1, b1 = w(2, 12), w(3, 12), w(12)
K2, R2, b2 = w(3, 12), w(3, 12), w(12)
Wd, bd = w(3, 1), w(1)
cfg = keras3_config([keras3_layer("LSTM", "lstm", [None, 8, 2], units=3, activation="tanh",
                                  recurrent_activation="sigmoid", return_sequences=True, use_bias=True),
                     keras3_layer("LSTM", "lstm_1", [None, 8, 3], units=3, activation="tanh",
                                  recurrent_activation="sigmoid", return_sequences=False, use_bias=True),
                     keras3_layer("Dense", "dense", [None, 3], units=1, activation="linear", use_bias=True)],
                    [None, 8, 2])
save_keras3_weights("lstm_stack.weights.h5", {"layers/lstm/cell": [K1, R1, b1], "layers/lstm_1/cell": [K2, R2, b2],
                                              "layers/dense": [Wd, bd]})
with open("lstm_stack.json", "w") as f:
    json.dump(cfg, f)
x = rng.standard_normal((2, 8, 2))
y = kc.lstm(kc.lstm(x, f64(K1), f64(R1), f64(b1)), f64(K2), f64(R2), f64(b2))[:, -1]
check("lstm_stack", x, kc.dense(y, f64(Wd), f64(bd), "linear"))

# 6. A bare GRU(2) with reset_after=False (Keras 2.3's default), no Dense: the reset-before GRU.
K0, R0, b0 = w(1, 6), w(2, 6), w(6)
layers = [keras2_layer("gru", "GRU", batch_input_shape=[None, 4, 1], **rnn_cfg(2, reset_after=False))]
save_keras2("keras2_gru_reset_before.h5", layers, [
    ("gru", [("gru/gru_cell/kernel:0", K0), ("gru/gru_cell/recurrent_kernel:0", R0), ("gru/gru_cell/bias:0", b0)])])

# Hostile files.
# A config that disagrees with the weights: the config says 40 units, the weights are for 50.
K, R, b = w(1, 200), w(50, 200), w(200)
layers = [keras2_layer("lstm", "LSTM", batch_input_shape=[None, 10, 1], **rnn_cfg(40)),
          keras2_layer("dense", "Dense", units=1, activation="sigmoid", use_bias=True)]
save_keras2("bad_config_disagrees.h5", layers, [
    ("lstm", [("lstm/lstm_cell/kernel:0", K), ("lstm/lstm_cell/recurrent_kernel:0", R), ("lstm/lstm_cell/bias:0", b)]),
    ("dense", [("dense/kernel:0", w(50, 1)), ("dense/bias:0", w(1))])])
# A truncated HDF5 file: the classic model cut short.
data = open("classic_model.h5", "rb").read()
open("bad_truncated.h5", "wb").write(data[:len(data) // 2])
# A zip bomb: config.json inflates to 64 MiB of spaces from a few kilobytes.
with zipfile.ZipFile("bad_zip_bomb.keras", "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("metadata.json", "{}")
    z.writestr("config.json", b" " * (64 << 20))
    z.write("keras3_weights.tmp.h5", "model.weights.h5")
import os
os.remove("keras3_weights.tmp.h5")

# Added later; drawn after everything above so that the files above keep their values.
x = rng.standard_normal((2, 4, 1))
check("keras2_gru_reset_before", x, kc.gru(x, f64(K0), f64(R0), f64(b0), reset_after=False)[:, -1])

# 7. Keras 2 stacked GRU(reset_after=False) + Dense(1, sigmoid) on the last step (Keras 2.2's defaults, with the
# sigmoid recurrent activation of Keras 2.3).
K1, R1, b1 = w(3, 15), w(5, 15), w(15)
K2, R2, b2 = w(5, 15), w(5, 15), w(15)
Wd, bd = w(5, 1), w(1)
layers = [keras2_layer("gru", "GRU", batch_input_shape=[None, None, 3], **rnn_cfg(5, return_sequences=True,
                                                                                  reset_after=False)),
          keras2_layer("gru_1", "GRU", **rnn_cfg(5, reset_after=False)),
          keras2_layer("dense", "Dense", units=1, activation="sigmoid", use_bias=True)]
save_keras2("keras2_gru_reset_before_stack.h5", layers, [
    ("gru", [("gru/gru_cell/kernel:0", K1), ("gru/gru_cell/recurrent_kernel:0", R1), ("gru/gru_cell/bias:0", b1)]),
    ("gru_1", [("gru_1/gru_cell_1/kernel:0", K2), ("gru_1/gru_cell_1/recurrent_kernel:0", R2),
               ("gru_1/gru_cell_1/bias:0", b2)]),
    ("dense", [("dense/kernel:0", Wd), ("dense/bias:0", bd)])], keras_version="2.2.4")
x = rng.standard_normal((3, 6, 3))
y = kc.gru(kc.gru(x, f64(K1), f64(R1), f64(b1), reset_after=False), f64(K2), f64(R2), f64(b2), reset_after=False)
check("keras2_gru_reset_before_stack", x, kc.dense(y[:, -1], f64(Wd), f64(bd), "sigmoid"))

# 8. Keras 3 .keras: GRU(4, reset_after=False, return_sequences=True) + Dense(3, softmax) on every step.
K, R, b = w(2, 12), w(4, 12), w(12)
Wd, bd = w(4, 3), w(3)
cfg = keras3_config([keras3_layer("GRU", "gru", [None, None, 2], units=4, activation="tanh",
                                  recurrent_activation="sigmoid", use_bias=True, return_sequences=True,
                                  reset_after=False, go_backwards=False, stateful=False, unroll=False),
                     keras3_layer("Dense", "dense", [None, None, 4], units=3, activation="softmax", use_bias=True)],
                    [None, None, 2])
save_keras3_weights("keras3_weights.tmp.h5", {"layers/gru/cell": [K, R, b], "layers/dense": [Wd, bd]})
with zipfile.ZipFile("keras3_gru_reset_before.keras", "w") as z:
    z.writestr("metadata.json", json.dumps({"keras_version": "3.3.3", "date_saved": "2024-05-01@12:00:00"}))
    z.writestr("config.json", json.dumps(cfg))
    z.write("keras3_weights.tmp.h5", "model.weights.h5")
os.remove("keras3_weights.tmp.h5")
x = rng.standard_normal((2, 5, 2))
check("keras3_gru_reset_before", x, kc.dense(kc.gru(x, f64(K), f64(R), f64(b), reset_after=False), f64(Wd), f64(bd),
                                              "softmax"))

# Hostile: a GRU whose config says reset_after=False but whose bias has reset_after=True's shape (2, 3H).
K, R, b = w(1, 6), w(2, 6), w(2, 6)
layers = [keras2_layer("gru", "GRU", batch_input_shape=[None, 4, 1], **rnn_cfg(2, reset_after=False))]
save_keras2("bad_gru_bias_shape.h5", layers, [
    ("gru", [("gru/gru_cell/kernel:0", K), ("gru/gru_cell/recurrent_kernel:0", R), ("gru/gru_cell/bias:0", b)])])
print("done")

# More hostile files, for the hostile-input suite (engine/io/InteropHostileInputTest). Drawn after everything above.
# A Keras 3 weights file whose kernel claims 70000 x 70000 float32 values (never written, so the file is tiny).
with h5py.File("bad_huge_dataset.weights.h5", "w") as f:
    f.create_group("vars")
    v = f.create_group("layers").create_group("lstm").create_group("cell").create_group("vars")
    v.create_dataset("0", shape=(70000, 70000), dtype="f4")
    v.create_dataset("1", data=w(3, 12))
    v.create_dataset("2", data=w(12))
# An HDF5 file that is no Keras file at all.
with h5py.File("bad_not_keras.h5", "w") as f:
    f.create_group("experiment").create_dataset("data", data=np.arange(6.0))
# A Keras 3 weights file whose kernel holds integers.
save_keras3_weights("bad_int_weights.weights.h5", {"layers/simple_rnn/cell": [np.ones((2, 3), dtype=np.int32),
                                                                             w(3, 3), w(3)]})
# A Keras 2 save_weights file whose weight_names name a dataset that is not there.
with h5py.File("bad_missing_dataset.h5", "w") as f:
    f.attrs["layer_names"] = np.asarray([b"lstm"])
    f.attrs["backend"] = b"tensorflow"
    f.attrs["keras_version"] = b"2.11.0"
    g = f.create_group("lstm")
    g.attrs["weight_names"] = np.asarray([b"lstm/lstm_cell/kernel:0", b"lstm/lstm_cell/recurrent_kernel:0",
                                          b"lstm/lstm_cell/bias:0"])
    g.create_dataset("lstm/lstm_cell/kernel:0", data=w(1, 8))
    g.create_dataset("lstm/lstm_cell/bias:0", data=w(8))
# A Keras 2 model whose kernel holds a NaN.
K, R, b = w(1, 8), w(2, 8), w(8)
K[0, 3] = np.nan
layers = [keras2_layer("lstm", "LSTM", batch_input_shape=[None, 5, 1], **rnn_cfg(2))]
save_keras2("bad_nan.h5", layers, [
    ("lstm", [("lstm/lstm_cell/kernel:0", K), ("lstm/lstm_cell/recurrent_kernel:0", R), ("lstm/lstm_cell/bias:0", b)])])
# A Keras 2 model with a layer LSTM Lab does not compute.
layers = [keras2_layer("conv1d", "Conv1D", batch_input_shape=[None, 5, 1], filters=2, kernel_size=3),
          keras2_layer("lstm", "LSTM", **rnn_cfg(2))]
save_keras2("bad_unknown_layer.h5", layers, [("conv1d", [("conv1d/kernel:0", w(3, 1, 2)), ("conv1d/bias:0", w(2))]),
    ("lstm", [("lstm/lstm_cell/kernel:0", w(2, 8)), ("lstm/lstm_cell/recurrent_kernel:0", w(2, 8)),
              ("lstm/lstm_cell/bias:0", w(8))])])
# A .keras archive whose config.json is not JSON, and one without its weights.
save_keras3_weights("keras3_weights.tmp.h5", {"layers/lstm/cell": [w(2, 12), w(3, 12), w(12)]})
with zipfile.ZipFile("bad_config_not_json.keras", "w") as z:
    z.writestr("metadata.json", "{}")
    z.writestr("config.json", '{"class_name": "Sequential", "config": {')
    z.write("keras3_weights.tmp.h5", "model.weights.h5")
with zipfile.ZipFile("bad_no_weights.keras", "w") as z:
    z.writestr("metadata.json", "{}")
    z.writestr("config.json", "{}")
os.remove("keras3_weights.tmp.h5")
print("hostile files done")
