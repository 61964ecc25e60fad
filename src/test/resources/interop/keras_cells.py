"""Keras' recurrent layers and Dense in NumPy, float64, with Keras' own weight layouts and gate orders.

LSTM kernel (D, 4H) and recurrent_kernel (H, 4H) in gate order i, f, c, o; bias (4H).
GRU kernel (D, 3H) in order z, r, h; with reset_after the bias is (2, 3H) (input bias, recurrent bias) and the reset
gate multiplies the recurrent product; without it the bias is (3H) and the reset gate multiplies h before the product.
SimpleRNN kernel (D, H), recurrent_kernel (H, H), bias (H). Dense kernel (H, O), bias (O).
"""
import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


ACT = {"tanh": np.tanh, "relu": lambda z: np.maximum(z, 0.0), "sigmoid": sigmoid, "linear": lambda z: z,
       "softmax": lambda z: np.exp(z - z.max(-1, keepdims=True)) / np.exp(z - z.max(-1, keepdims=True)).sum(-1,
                                                                                                           keepdims=True)}


def lstm(x, kernel, recurrent, bias):
    b, t, _ = x.shape
    h_units = recurrent.shape[0]
    h = np.zeros((b, h_units))
    c = np.zeros((b, h_units))
    out = []
    for s in range(t):
        z = x[:, s] @ kernel + h @ recurrent + bias
        i, f, g, o = (z[:, k * h_units:(k + 1) * h_units] for k in range(4))
        c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
        h = sigmoid(o) * np.tanh(c)
        out.append(h)
    return np.stack(out, 1)


def gru(x, kernel, recurrent, bias, reset_after=True):
    b, t, _ = x.shape
    n = recurrent.shape[0]
    h = np.zeros((b, n))
    out = []
    for s in range(t):
        if reset_after:
            mx = x[:, s] @ kernel + bias[0]
            mh = h @ recurrent + bias[1]
            z = sigmoid(mx[:, :n] + mh[:, :n])
            r = sigmoid(mx[:, n:2 * n] + mh[:, n:2 * n])
            hh = np.tanh(mx[:, 2 * n:] + r * mh[:, 2 * n:])
        else:
            mx = x[:, s] @ kernel + bias
            z = sigmoid(mx[:, :n] + h @ recurrent[:, :n])
            r = sigmoid(mx[:, n:2 * n] + h @ recurrent[:, n:2 * n])
            hh = np.tanh(mx[:, 2 * n:] + (r * h) @ recurrent[:, 2 * n:])
        h = z * h + (1 - z) * hh
        out.append(h)
    return np.stack(out, 1)


def simple_rnn(x, kernel, recurrent, bias, activation="tanh"):
    b, t, _ = x.shape
    h = np.zeros((b, recurrent.shape[0]))
    out = []
    for s in range(t):
        h = ACT[activation](x[:, s] @ kernel + bias + h @ recurrent)
        out.append(h)
    return np.stack(out, 1)


def dense(h, kernel, bias, activation):
    return ACT[activation](h @ kernel + bias)
