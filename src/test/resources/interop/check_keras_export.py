"""Independent check of an exported Keras weights file: reads model.weights.h5 with h5py (Keras 3's layout:
layers/<name>/cell/vars/0..2, layers/dense/vars/0..1, and the empty vars groups Keras 3's load_weights reads), runs
the NumPy Keras cells (keras_cells.py) on check_input.npz and prints the largest difference from the app's
'expected'. Usage: /usr/bin/python3 check_keras_export.py DIR CELL LAYERS ACTIVATION LAST|EVERY"""
import os
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras_cells as kc  # noqa: E402

d, cell, layers, act, head = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
check = np.load(os.path.join(d, "check_input.npz"))
y = check["input"]
snake = {"lstm": "lstm", "gru": "gru", "gru-reset-before": "gru", "rnn_tanh": "simple_rnn",
         "rnn_relu": "simple_rnn"}[cell]
with h5py.File(os.path.join(d, "model.weights.h5"), "r") as w:
    assert len(w["vars"]) == 0, "the model's own vars: an empty group"
    names = [snake if k == 0 else f"{snake}_{k}" for k in range(layers)]
    assert sorted(w["layers"].keys()) == sorted(names + ["dense"]), list(w["layers"].keys())
    for k, name in enumerate(names):
        assert len(w["layers"][name]["vars"]) == 0, "the recurrent layer's own vars: an empty group"
        v = w["layers"][name]["cell"]["vars"]
        assert sorted(v.keys()) == ["0", "1", "2"], list(v.keys())
        kernel, rec, bias = (np.asarray(v[i], dtype=np.float64) for i in ("0", "1", "2"))
        assert v["0"].dtype == np.float64
        if cell == "lstm":
            y = kc.lstm(y, kernel, rec, bias)
        elif cell in ("gru", "gru-reset-before"):
            assert bias.shape == ((2, rec.shape[1]) if cell == "gru" else (rec.shape[1],)), bias.shape
            y = kc.gru(y, kernel, rec, bias, reset_after=cell == "gru")
        else:
            y = kc.simple_rnn(y, kernel, rec, bias, "relu" if cell == "rnn_relu" else "tanh")
    dense = w["layers"]["dense"]["vars"]
    assert sorted(dense.keys()) == ["0", "1"], list(dense.keys())
    if head == "LAST":
        y = y[:, -1]
    y = kc.dense(y, np.asarray(dense["0"]), np.asarray(dense["1"]), act)
print(float(np.abs(y - check["expected"]).max()))
