"""Builds the PyTorch reference files of the import tests (run with /usr/bin/python3 from this folder).

Each model is a PyTorch module saved as a state_dict under its own prefixes and dtype, the way users save them,
plus a check file <name>.check.safetensors with `input` (B, T, D) and `expected` (B, T, O): what PyTorch computes,
in float64, from the weights as stored (rounded to their dtype), raw outputs of every step, no activation.
Hostile files (bidirectional, proj_size, one bias of two, extra tensors, pickled) go beside them.
"""
import numpy as np
import torch
import torch.nn as nn

import st

torch.manual_seed(9)
B, T = 2, 6
DT = {"F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16}


class Net(nn.Module):
    def __init__(self, rnn_name, rnn, head_name, head):
        super().__init__()
        self.rnn_name, self.head_name = rnn_name, head_name
        setattr(self, rnn_name, rnn)
        if head is not None:
            setattr(self, head_name, head)

    def forward(self, x):
        y, _ = getattr(self, self.rnn_name)(x)
        return getattr(self, self.head_name)(y) if self.head_name else y


def case(name, rnn_name, rnn, head_name, head, dtype, metadata):
    net = Net(rnn_name, rnn, head_name, head)
    sd = net.state_dict()
    stored = {k: v.to(DT[dtype]) for k, v in sd.items()}
    arrays = {k: (dtype, v.to(torch.float32).numpy() if dtype == "BF16" else v.numpy()) for k, v in stored.items()}
    st.save(name + ".safetensors", arrays, metadata)
    net64 = Net(rnn_name, rnn, head_name, head).double()
    net64.load_state_dict({k: v.to(torch.float64) for k, v in stored.items()}, strict=True)
    x = torch.randn(B, T, rnn.input_size, dtype=torch.float64)
    with torch.no_grad():
        y = net64(x)
    st.save(name + ".check.safetensors", {"input": ("F64", x.numpy()), "expected": ("F64", y.numpy())})


case("lstm_encoder_f32", "encoder", nn.LSTM(3, 5, num_layers=2, batch_first=True), "linear", nn.Linear(5, 2),
     "F32", {"format": "pt"})
# A bare nn.GRU (no prefix at all, no head), float64.
rnn = nn.GRU(4, 3, batch_first=True)
sd = {k: ("F64", v.double().numpy()) for k, v in rnn.state_dict().items()}
st.save("gru_bare_f64.safetensors", sd, None)
x = torch.randn(B, T, 4, dtype=torch.float64)
with torch.no_grad():
    y, _ = rnn.double()(x)
st.save("gru_bare_f64.check.safetensors", {"input": ("F64", x.numpy()), "expected": ("F64", y.numpy())})
case("rnn_relu_fc_f16", "rnn", nn.RNN(2, 4, num_layers=2, nonlinearity="relu", batch_first=True), "fc",
     nn.Linear(4, 3), "F16", {"format": "pt", "framework": "pytorch"})
case("lstm_bf16", "lstm", nn.LSTM(1, 6, batch_first=True), "head", nn.Linear(6, 1), "BF16", {"format": "pt"})

# Hostile: what must be refused with the real cause.
def save_sd(name, module_sd, extra=None):
    d = {k: ("F32", v.float().numpy()) for k, v in module_sd.items()}
    if extra:
        d.update(extra)
    st.save(name, d, {"format": "pt"})

save_sd("bad_bidirectional.safetensors", {"rnn." + k: v for k, v in
                                          nn.LSTM(3, 4, bidirectional=True, batch_first=True).state_dict().items()})
save_sd("bad_proj_size.safetensors", {"rnn." + k: v for k, v in
                                      nn.LSTM(3, 4, proj_size=2, batch_first=True).state_dict().items()})
# a damaged file: bias_ih_l0 without bias_hh_l0 (bias=False saves neither)
save_sd("bad_no_bias.safetensors", {"rnn." + k: v for k, v in
                                    nn.GRU(3, 4, bias=False, batch_first=True).state_dict().items()},
        {"rnn.bias_ih_l0": ("F32", np.zeros(12, dtype=np.float32))})
save_sd("bad_extra_tensor.safetensors", {"rnn." + k: v for k, v in nn.LSTM(3, 4, batch_first=True).state_dict().items()},
        {"attention.weight": ("F32", np.zeros((10, 7), dtype=np.float32))})
# torch.save's zip format opens since (make_torch_save_fixtures.py, TorchSaveTest); the format before 1.6 is refused
torch.save(nn.LSTM(3, 4).state_dict(), "pickled_state_dict.pt")
torch.save(nn.LSTM(3, 4).state_dict(), "pickled_legacy.pth", _use_new_zipfile_serialization=False)

# bias=False: the state_dict has no bias_ih_l* / bias_hh_l* at all (last, with a seed of their own, so that the files
# above stay as they were)
torch.manual_seed(24)
case("lstm_nobias_f64", "lstm", nn.LSTM(3, 4, num_layers=2, bias=False, batch_first=True), "fc", nn.Linear(4, 2),
     "F64", {"format": "pt"})
case("gru_nobias_f64", "gru", nn.GRU(2, 5, num_layers=2, bias=False, batch_first=True), "fc", nn.Linear(5, 3),
     "F64", {"format": "pt"})

# an nn.Linear head built with bias=False: 'head.weight' and no 'head.bias' (a seed of its own, after the files above)
torch.manual_seed(31)
case("lstm_headnobias_f64", "lstm", nn.LSTM(3, 4, num_layers=2, batch_first=True), "head",
     nn.Linear(4, 2, bias=False), "F64", {"format": "pt"})
case("gru_allnobias_f64", "gru", nn.GRU(2, 5, bias=False, batch_first=True), "fc", nn.Linear(5, 3, bias=False),
     "F64", {"format": "pt"})
print("done")
