"""Independent check of an exported Keras model that starts with an embedding: reads the table from
model.weights.h5 (layers/embedding/vars/0, Keras 3's layout) and from model.h5 (model_weights/embedding/embedding/
embeddings:0 and the Embedding's config, Keras 2's) with h5py, checks that both are the same (V, D) float64 table,
runs check_input.npz's ids through it and the NumPy Keras cells (keras_cells.py), and prints the largest difference
from the app's 'expected', then model.h5's mask_zero. Models without mask_zero only (the cells do not mask).
Usage: /usr/bin/python3 check_keras_embedding_export.py DIR CELL LAYERS ACTIVATION LAST|EVERY"""
import json
import os
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras_cells as kc  # noqa: E402

d, cell, layers, act, head = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
snake = {"lstm": "lstm", "gru": "gru", "gru-reset-before": "gru", "rnn_tanh": "simple_rnn",
         "rnn_relu": "simple_rnn"}[cell]
check = np.load(os.path.join(d, "check_input.npz"))
with h5py.File(os.path.join(d, "model.h5"), "r") as m:
    config = json.loads(m.attrs["model_config"])["config"]["layers"][0]
    assert config["class_name"] == "Embedding", config
    names = [n.decode() if isinstance(n, bytes) else n for n in m["model_weights"].attrs["layer_names"]]
    assert names[0] == "embedding", names
    keras2 = np.asarray(m["model_weights/embedding/embedding/embeddings:0"])
    mask_zero = config["config"]["mask_zero"]
    assert list(keras2.shape) == [config["config"]["input_dim"], config["config"]["output_dim"]], keras2.shape
with h5py.File(os.path.join(d, "model.weights.h5"), "r") as w:
    table = w["layers"]["embedding"]["vars"]["0"]
    assert table.dtype == np.float64 and sorted(w["layers"]["embedding"]["vars"].keys()) == ["0"]
    table = np.asarray(table)
    assert np.array_equal(table, keras2), "model.h5 and model.weights.h5 hold the same table"
    y = table[check["input"].astype(np.int64)]
    for k in range(layers):
        v = w["layers"][snake if k == 0 else f"{snake}_{k}"]["cell"]["vars"]
        kernel, rec, bias = (np.asarray(v[i], dtype=np.float64) for i in ("0", "1", "2"))
        if cell == "lstm":
            y = kc.lstm(y, kernel, rec, bias)
        elif cell in ("gru", "gru-reset-before"):
            y = kc.gru(y, kernel, rec, bias, reset_after=cell == "gru")
        else:
            y = kc.simple_rnn(y, kernel, rec, bias, "relu" if cell == "rnn_relu" else "tanh")
    dense = w["layers"]["dense"]["vars"]
    if head == "LAST":
        y = y[:, -1]
    y = kc.dense(y, np.asarray(dense["0"]), np.asarray(dense["1"]), act)
print(float(np.abs(y - check["expected"]).max()))
print(mask_zero)
