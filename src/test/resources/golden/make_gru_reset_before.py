"""Builds gru_reset_before_l2.safetensors, the golden case of the GRU with the reset gate applied before the
recurrent product (Keras' GRU(reset_after=False), Cho et al. 2014), which torch.nn has no layer for. The cell is
written here from its equations with torch operations, and torch.autograd computes every gradient, in float64:

    r = σ(W_ir x + b_ir + W_hr h + b_hr)      z = σ(W_iz x + b_iz + W_hz h + b_hz)
    n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn)      h' = (1 − z) ⊙ n + z ⊙ h

Parameters use PyTorch's names and layout (gate blocks r, z, n). Run with /usr/bin/python3 from this folder.
"""
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "interop"))
import st  # noqa: E402

torch.manual_seed(2014)
L, D, H, T, B = 2, 3, 4, 6, 2
dt = torch.float64


def param(*shape):
    return (torch.rand(*shape, dtype=dt) * 1.6 - 0.8).requires_grad_()


params = {}
for k in range(L):
    d = D if k == 0 else H
    params[f"weight_ih_l{k}"] = param(3 * H, d)
    params[f"weight_hh_l{k}"] = param(3 * H, H)
    params[f"bias_ih_l{k}"] = param(3 * H)
    params[f"bias_hh_l{k}"] = param(3 * H)
x = torch.randn(B, T, D, dtype=dt, requires_grad=True)
h0 = (torch.randn(L, B, H, dtype=dt) * 0.5).requires_grad_()
grad_output = torch.randn(B, T, H, dtype=dt)

layer_in = x
outputs, gates = [], []
h_n = []
for k in range(L):
    w_ih, w_hh = params[f"weight_ih_l{k}"], params[f"weight_hh_l{k}"]
    b_ih, b_hh = params[f"bias_ih_l{k}"], params[f"bias_hh_l{k}"]
    h = h0[k]
    hs, gs = [], []
    for t in range(T):
        xt = layer_in[:, t]
        gi = xt @ w_ih.T + b_ih
        r = torch.sigmoid(gi[:, :H] + h @ w_hh[:H].T + b_hh[:H])
        z = torch.sigmoid(gi[:, H:2 * H] + h @ w_hh[H:2 * H].T + b_hh[H:2 * H])
        n = torch.tanh(gi[:, 2 * H:] + (r * h) @ w_hh[2 * H:].T + b_hh[2 * H:])
        h = (1 - z) * n + z * h
        hs.append(h)
        gs.append(torch.cat([r, z, n], dim=1))
    layer_in = torch.stack(hs, dim=1)
    outputs.append(layer_in)
    gates.append(torch.stack(gs, dim=1))
    h_n.append(h)
output = layer_in
loss = (output * grad_output).sum()
loss.backward()

tensors = {name: ("F64", p.detach().numpy()) for name, p in params.items()}
tensors["input"] = ("F64", x.detach().numpy())
tensors["h0"] = ("F64", h0.detach().numpy())
tensors["grad_output"] = ("F64", grad_output.numpy())
tensors["expected.output"] = ("F64", output.detach().numpy())
tensors["expected.h_n"] = ("F64", torch.stack(h_n).detach().numpy())
for k in range(L):
    tensors[f"expected.outputs_l{k}"] = ("F64", outputs[k].detach().numpy())
    tensors[f"expected.gates_l{k}"] = ("F64", gates[k].detach().numpy())
for name, p in params.items():
    tensors["expected.grad." + name] = ("F64", p.grad.numpy())
tensors["expected.grad.input"] = ("F64", x.grad.numpy())
tensors["expected.grad.h0"] = ("F64", h0.grad.numpy())
st.save("gru_reset_before_l2.safetensors", tensors,
        {"kind": "recurrent", "cell": "gru-reset-before", "num_layers": str(L), "input_size": str(D),
         "hidden_size": str(H), "seq_len": str(T), "batch": str(B), "batch_first": "true",
         "loss": "sum(output * grad_output)", "source": "torch " + torch.__version__ + " autograd float64, cell "
         "written from its equations (make_gru_reset_before.py)"})
print("wrote gru_reset_before_l2.safetensors")
