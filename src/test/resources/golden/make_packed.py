"""Builds model_lstm_packed_l2.safetensors and model_gru_packed_l2.safetensors, the golden cases of a many-to-one
model on sequences of several lengths: a batch of 3 sequences padded to T steps, packed with
torch.nn.utils.rnn.pack_padded_sequence (enforce_sorted=False) into a 2-layer nn.LSTM or nn.GRU, a Linear head on
h_n[-1] (h at each sequence's real last step), and nn.MSELoss (the mean over B·O). The steps after each length hold
random values, not zeros: packing never reads them, so neither may the engine. float64 throughout; torch.autograd
computes every gradient. Run with /usr/bin/python3 from this folder.
"""
import os
import sys

import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "interop"))
import st  # noqa: E402

L, D, H, T, B, O = 2, 3, 4, 7, 3, 2
LENGTHS = [5, 2, 7]   # unsorted, one of them the full T


def case(cell, seed):
    torch.manual_seed(seed)
    rnn_class = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell]
    rnn = rnn_class(D, H, num_layers=L, batch_first=True).double()
    fc = torch.nn.Linear(H, O).double()
    x = torch.randn(B, T, D, dtype=torch.float64)
    y = torch.randn(B, O, dtype=torch.float64)
    lengths = torch.tensor(LENGTHS, dtype=torch.int64)
    packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
    out, state = rnn(packed)
    h_n = state[0] if cell == "lstm" else state
    prediction = fc(h_n[-1])
    padded_out, _ = pad_packed_sequence(out, batch_first=True, total_length=T)
    at_lengths = padded_out[torch.arange(B), lengths - 1]
    assert torch.equal(at_lengths, h_n[-1]), "out[arange(B), lengths - 1] is h_n[-1]"
    loss = torch.nn.functional.mse_loss(prediction, y)
    loss.backward()

    tensors = {}
    params = {"rnn." + n: p for n, p in rnn.named_parameters()}
    params.update({"fc." + n: p for n, p in fc.named_parameters()})
    for name, p in params.items():
        tensors[name] = ("F64", p.detach().numpy())
        tensors["expected.grad." + name] = ("F64", p.grad.numpy())
    tensors["input"] = ("F64", x.numpy())
    tensors["target"] = ("F64", y.numpy())
    tensors["lengths"] = ("I64", lengths.numpy())
    tensors["expected.prediction"] = ("F64", prediction.detach().numpy())
    tensors["expected.loss"] = ("F64", loss.detach().reshape(1).numpy())
    st.save(f"model_{cell}_packed_l2.safetensors", tensors,
            {"kind": "model", "head": "last_packed_mse", "cell": cell, "num_layers": str(L), "input_size": str(D),
             "hidden_size": str(H), "seq_len": str(T), "batch": str(B), "output_size": str(O),
             "loss": "mse_loss(fc(h_n[-1]), target), mean over B*O",
             "source": "torch " + torch.__version__ + " float64, pack_padded_sequence(enforce_sorted=False) "
             "(make_packed.py)"})


case("lstm", 1997)
case("gru", 2014)
