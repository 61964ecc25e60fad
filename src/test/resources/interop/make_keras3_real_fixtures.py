"""Builds reference files with Keras 3 itself (not h5py imitating it): a model with two GRU(reset_after=False)
layers and a softmax Dense, saved with model.save_weights (plus model.to_json() beside it) and with model.save
(.keras). The check file's `expected` is computed by keras_cells.py (NumPy, float64) from the weights as Keras
stored them, and `keras_float32` is what Keras itself predicted.

Needs keras 3 and a backend, which Debian does not package; it was run once in a scratch virtual environment:
    python3 -m venv --system-site-packages /tmp/kenv && /tmp/kenv/bin/pip install keras jax jaxlib
    KERAS_BACKEND=jax /tmp/kenv/bin/python make_keras3_real_fixtures.py
(Keras 3.15.1 with JAX). The committed files are its output.
"""
import json
import os

import keras
import numpy as np

import keras_cells as kc
import st

keras.utils.set_random_seed(7)
model = keras.Sequential([keras.Input(shape=(None, 2)),
                          keras.layers.GRU(3, reset_after=False, return_sequences=True),
                          keras.layers.GRU(3, reset_after=False),
                          keras.layers.Dense(4, activation="softmax")])
# Keras initialises biases with zeros: give them values, so that a misplaced bias cannot go unseen.
rng = np.random.default_rng(7)
model.set_weights([w + rng.normal(0, 0.3, w.shape).astype(w.dtype) for w in model.get_weights()])
model.save_weights("keras3_real_gru.weights.h5")
with open("keras3_real_gru.json", "w") as f:
    f.write(model.to_json())
model.save("keras3_real_gru.keras")

x = rng.standard_normal((3, 5, 2))
w = [v.astype(np.float64) for v in model.get_weights()]
y = kc.gru(kc.gru(x, *w[0:3], reset_after=False), *w[3:6], reset_after=False)[:, -1]
expected = kc.dense(y, w[6], w[7], "softmax")
keras_y = np.asarray(model(x.astype(np.float32)), dtype=np.float64)
print("Keras (float32) against the NumPy cell (float64):", float(np.abs(keras_y - expected).max()))
st.save("keras3_real_gru.check.safetensors", {"input": ("F64", x), "expected": ("F64", expected),
                                              "keras_float32": ("F64", keras_y)},
        {"source": "Keras " + keras.__version__ + " (" + keras.backend.backend() + "), expected by keras_cells.py"})
os.path.exists("keras3_real_gru.keras") and print("done")
