"""Independent check of an exported Keras 2 model file (model.h5), read the way Keras 2's load_model reads one and
from nothing else: the layers, their classes and settings from the root attribute model_config (JSON); their weights
from model_weights, whose attribute layer_names lists the layers with weights in order and each layer group's
attribute weight_names names its arrays in the order the layer takes them. Runs the NumPy Keras layers
(keras_cells.py) on check_input.npz beside it and prints the largest difference from the app's 'expected'.
Usage: /usr/bin/python3 check_keras2_model.py DIR"""
import json
import os
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras_cells as kc  # noqa: E402


def text(v):
    return v.decode("utf-8") if isinstance(v, bytes) else str(v)


d = sys.argv[1]
check = np.load(os.path.join(d, "check_input.npz"))
with h5py.File(os.path.join(d, "model.h5"), "r") as f:
    assert text(f.attrs["backend"]) == "tensorflow" and text(f.attrs["keras_version"]).startswith("2.")
    config = json.loads(text(f.attrs["model_config"]))
    assert config["class_name"] == "Sequential", config["class_name"]
    g = f["model_weights"]
    layer_names = [text(n) for n in g.attrs["layer_names"]]
    weights = {n: [np.asarray(g[n][text(w)], dtype=np.float64) for w in g[n].attrs["weight_names"]]
               for n in layer_names}
layers = config["config"]["layers"]
assert layers[0]["class_name"] == "InputLayer", layers[0]
y = check["input"]
assert list(layers[0]["config"]["batch_input_shape"]) == [None, None, y.shape[2]], layers[0]
with_weights = [layer["config"]["name"] for layer in layers[1:]]
assert with_weights == layer_names, (with_weights, layer_names)
for layer in layers[1:]:
    cls, c = layer["class_name"], layer["config"]
    w = weights[c["name"]]
    if cls == "Dense":
        assert len(w) == 2 and w[0].shape == (y.shape[-1], c["units"]), [a.shape for a in w]
        y = kc.dense(y, w[0], w[1], c["activation"])
        continue
    assert len(w) == 3 and w[1].shape[0] == c["units"], [a.shape for a in w]
    assert c["activation"] in ("tanh", "relu") and c.get("recurrent_activation", "sigmoid") == "sigmoid", c
    if cls == "LSTM":
        y = kc.lstm(y, *w)
    elif cls == "GRU":
        y = kc.gru(y, *w, reset_after=c["reset_after"])
    else:
        assert cls == "SimpleRNN", cls
        y = kc.simple_rnn(y, *w, c["activation"])
    if not c["return_sequences"]:
        y = y[:, -1]
print(float(np.abs(y - check["expected"]).max()))
