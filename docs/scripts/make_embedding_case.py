"""Builds embedding_lstm.safetensors and embedding_gru.safetensors, the reference cases of a text classifier with
an embedding table: nn.Embedding(V, E, padding_idx=0) -> nn.LSTM or nn.GRU (batch_first) -> nn.Linear on the last
step's h, softmax cross-entropy averaged over the batch. torch.autograd computes every gradient in float64; the
table's gradient is the sum of the input gradients at each id's row, and the padding row (id 0) gets none.

Run with /usr/bin/python3 (torch, numpy) from the repository's root; the files go to src/test/resources/golden.
"""
import os
import sys

import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "src", "test", "resources", "interop"))
import st  # noqa: E402

V, E, H, O, T, B = 7, 3, 4, 3, 5, 3
dt = torch.float64
# Id 0 is the padding row; ids 2 and 5 appear more than once, id 6 never (its row's gradient must be 0).
TOKENS = [[0, 0, 3, 2, 5],
          [1, 2, 2, 4, 5],
          [3, 5, 0, 2, 1]]
CLASSES = [2, 0, 1]


class Classifier(torch.nn.Module):
    def __init__(self, cell):
        super().__init__()
        self.embedding = torch.nn.Embedding(V, E, padding_idx=0)
        self.rnn = cell(E, H, batch_first=True)
        self.fc = torch.nn.Linear(H, O)

    def forward(self, ids):
        out, _ = self.rnn(self.embedding(ids))
        return self.fc(out[:, -1, :])


def make(name, cell_name, cell, seed):
    torch.manual_seed(seed)
    model = Classifier(cell).to(dt)
    with torch.no_grad():
        for p in model.parameters():
            p.uniform_(-0.8, 0.8)
        model.embedding.weight[0].zero_()       # as nn.Embedding builds its padding row
    ids = torch.tensor(TOKENS, dtype=torch.int64)
    target = torch.tensor(CLASSES, dtype=torch.int64)
    logits = model(ids)
    loss = torch.nn.functional.cross_entropy(logits, target)
    loss.backward()
    tensors = {n: ("F64", p.detach().numpy()) for n, p in model.state_dict().items()}
    tensors["input"] = ("I64", ids.numpy())
    tensors["target"] = ("I64", target.numpy())
    tensors["expected.prediction"] = ("F64", torch.softmax(logits, dim=1).detach().numpy())
    tensors["expected.loss"] = ("F64", loss.detach().reshape(1).numpy())
    for n, p in model.named_parameters():
        tensors["expected.grad." + n] = ("F64", p.grad.numpy())
    path = os.path.join(ROOT, "src", "test", "resources", "golden", name)
    st.save(path, tensors,
            {"kind": "model", "head": "last_softmax_ce", "cell": cell_name, "num_layers": "1",
             "vocabulary": str(V), "padding_idx": "0", "input_size": str(E), "hidden_size": str(H),
             "seq_len": str(T), "batch": str(B), "output_size": str(O),
             "loss": "cross_entropy(fc(rnn(embedding(input))[:, -1]), target)",
             "source": "torch " + torch.__version__ + " autograd float64 (docs/scripts/make_embedding_case.py)"})
    print("wrote", name)


make("embedding_lstm.safetensors", "lstm", torch.nn.LSTM, 1997)
make("embedding_gru.safetensors", "gru", torch.nn.GRU, 2014)
