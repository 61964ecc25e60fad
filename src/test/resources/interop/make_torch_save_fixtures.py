"""Builds the files torch.save writes, as students save them, for TorchSaveTest and the file-error cases (run with
/usr/bin/python3 from this folder; torch 1.13, zip format).

Read by LSTM Lab, each with a check file <name>.check.safetensors (`input` (B, T, D), `expected` (B, T, O): what
PyTorch computes in float64 from the weights as stored, raw outputs of every step):
  torch_lstm_fc_f32.pt      torch.save(model.state_dict()) of a class with self.lstm and self.fc, float32
  torch_checkpoint.pt       {'epoch', 'model_state_dict', 'optimizer_state_dict', 'loss'}, a 2-layer GRU, float64
  torch_dataparallel.pt     the state_dict of nn.DataParallel(model): every key starts with 'module.'
  torch_whole_model.pt      torch.save(model): the pickled class Net of this script and its modules
  torch_checkpoint_model.pt {'model': a whole model (an nn.RNN and a head), 'step': 100}: no int 'epoch'
Refused:
  torch_script.pt           torch.jit.save(torch.jit.trace(model, x))
  torch_bidirectional.pt    a state_dict with bidirectional=True
  torch_optimizer_only.pt   {'epoch', 'optimizer_state_dict'}: no state_dict
  torch_list.pt             a list of tensors
  torch_no_parameters.pt    torch.save(nn.Sequential(nn.ReLU())): a whole model without parameters
  torch_complex.pt          a state_dict with a complex64 tensor
  torch_transposed.pt       a state_dict whose weight is a transposed view (not contiguous)
  torch_no_storage.pt       torch_lstm_fc_f32.pt without its member data/0
  torch_big_endian.pt       torch_lstm_fc_f32.pt with byteorder 'big'
  torch_embedding.pt        a character model: nn.Embedding(10, 3), nn.LSTM(3, 3), nn.Linear(3, 10)
"""
import zipfile

import numpy as np
import torch
import torch.nn as nn

import st

torch.manual_seed(41)
B, T = 2, 5


class Net(nn.Module):
    def __init__(self, rnn, head_name="fc", head=None):
        super().__init__()
        self.lstm = rnn
        self.head_name = head_name
        setattr(self, head_name, head)

    def forward(self, x):
        y, _ = self.lstm(x)
        return getattr(self, self.head_name)(y)


def check(name, net, dtype):
    net64 = Net(type(net.lstm)(**rnn_args(net.lstm)), net.head_name,
                nn.Linear(net.lstm.hidden_size, getattr(net, net.head_name).out_features)).double()
    net64.load_state_dict({k: v.double() for k, v in net.state_dict().items()})
    x = torch.randn(B, T, net.lstm.input_size, dtype=torch.float64)
    with torch.no_grad():
        y = net64(x)
    st.save(name + ".check.safetensors", {"input": ("F64", x.numpy()), "expected": ("F64", y.numpy())})


def rnn_args(r):
    a = dict(input_size=r.input_size, hidden_size=r.hidden_size, num_layers=r.num_layers, batch_first=True)
    if isinstance(r, nn.RNN):
        a["nonlinearity"] = r.nonlinearity
    return a


net = Net(nn.LSTM(3, 5, batch_first=True), "fc", nn.Linear(5, 2))
torch.save(net.state_dict(), "torch_lstm_fc_f32.pt")
check("torch_lstm_fc_f32", net, torch.float32)

gru = Net(nn.GRU(2, 4, num_layers=2, dropout=0.2, batch_first=True), "linear", nn.Linear(4, 1)).double()
torch.save({"epoch": 12, "model_state_dict": gru.state_dict(),
            "optimizer_state_dict": torch.optim.Adam(gru.parameters()).state_dict(), "loss": 0.25},
           "torch_checkpoint.pt")
check("torch_checkpoint", gru, torch.float64)

relu = Net(nn.RNN(2, 3, nonlinearity="relu", batch_first=True), "out", nn.Linear(3, 2))
torch.save(nn.DataParallel(relu).state_dict(), "torch_dataparallel.pt")
check("torch_dataparallel", relu, torch.float32)

whole = Net(nn.LSTM(1, 4, num_layers=2, batch_first=True), "fc", nn.Linear(4, 1))
torch.save(whole, "torch_whole_model.pt")
check("torch_whole_model", whole, torch.float32)

torch.jit.save(torch.jit.trace(net, torch.randn(1, 4, 3)), "torch_script.pt")
torch.save(Net(nn.LSTM(3, 4, bidirectional=True, batch_first=True), "fc", nn.Linear(8, 1)).state_dict(),
           "torch_bidirectional.pt")
torch.save({"epoch": 3, "optimizer_state_dict": torch.optim.SGD(net.parameters(), lr=0.1).state_dict()},
           "torch_optimizer_only.pt")
torch.save([torch.zeros(2), torch.ones(3)], "torch_list.pt")
torch.save(nn.Sequential(nn.ReLU()), "torch_no_parameters.pt")
sd = nn.LSTM(3, 4, batch_first=True).state_dict()
torch.save(dict(sd, **{"weight": torch.zeros(2, dtype=torch.complex64)}), "torch_complex.pt")
sd = {"rnn." + k: v for k, v in nn.LSTM(3, 4, batch_first=True).state_dict().items()}
sd["rnn.weight_ih_l0"] = torch.zeros(3, 16).t()
torch.save(sd, "torch_transposed.pt")


def rewrite(src, dst, drop=None, add=None):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            if info.filename != drop:
                zout.writestr(info, zin.read(info.filename))
        if add:
            zout.writestr(add[0], add[1])


rewrite("torch_lstm_fc_f32.pt", "torch_no_storage.pt", drop="torch_lstm_fc_f32/data/0")
rewrite("torch_lstm_fc_f32.pt", "torch_big_endian.pt", add=("torch_lstm_fc_f32/byteorder", "big"))


class CharModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(10, 3)
        self.lstm = nn.LSTM(3, 3, batch_first=True)
        self.fc = nn.Linear(3, 10)


torch.save(CharModel().state_dict(), "torch_embedding.pt")

torch.manual_seed(43)
pickled = Net(nn.RNN(2, 3, batch_first=True), "fc", nn.Linear(3, 1))
torch.save({"model": pickled, "step": 100}, "torch_checkpoint_model.pt")
check("torch_checkpoint_model", pickled, torch.float32)
print("done")
