"""Independent check of an exported Keras weights file: reads model.weights.npz with NumPy, runs the NumPy Keras
cells (keras_cells.py) on check_input.npz and prints the largest difference from the app's 'expected'.
Usage: /usr/bin/python3 check_keras_export.py DIR CELL LAYERS ACTIVATION LAST|EVERY"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras_cells as kc  # noqa: E402

d, cell, layers, act, head = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
check = np.load(os.path.join(d, "check_input.npz"))
y = check["input"]
snake = {"lstm": "lstm", "gru": "gru", "rnn_tanh": "simple_rnn", "rnn_relu": "simple_rnn"}[cell]
w = np.load(os.path.join(d, "model.weights.npz"))
for k in range(layers):
    name = "layers/" + (snake if k == 0 else f"{snake}_{k}") + "/cell/vars/"
    kernel, rec, bias = w[name + "0"], w[name + "1"], w[name + "2"]
    if cell == "lstm":
        y = kc.lstm(y, kernel, rec, bias)
    elif cell == "gru":
        y = kc.gru(y, kernel, rec, bias, reset_after=True)
    else:
        y = kc.simple_rnn(y, kernel, rec, bias, "relu" if cell == "rnn_relu" else "tanh")
if head == "LAST":
    y = y[:, -1]
y = kc.dense(y, w["layers/dense/vars/0"], w["layers/dense/vars/1"], act)
print(float(np.abs(y - check["expected"]).max()))
