# Builds files laid out as torch.save of PyTorch 2.x writes them, for Torch2SaveTest and the file-error cases, on a
# machine whose only torch is 1.13 (run with /usr/bin/python3 from this folder). torch 1.13 makes the weights and
# computes what PyTorch predicts; the files themselves are written here: the pickle by Python's own pickle module
# (protocol 2, torch.save's default), from stand-in objects whose reductions name the globals torch 2.x names
# (stand-in modules are put in sys.modules only while pickling, so pickle writes the 2.x names; nothing of them is
# ever called), and the zip as PyTorch's writer lays it out (see write_zip below).
#
# Where each layout comes from, in PyTorch's own sources (read, not copied):
#   torch/serialization.py, _save: the records data.pkl, byteorder (2.1 on), .format_version and
#       .storage_alignment (2.7 on), data/<key> for each storage, in key order as strings ('10' before '2') before
#       .format_version, in the order first pickled with it; persistent ids
#       ('storage', torch.<Type>Storage, key, location, numel), or torch.UntypedStorage with its byte count;
#       pickle protocol 2.
#   caffe2/serialize/inline_container.cc, PyTorchStreamWriter: every record stored (not compressed) under
#       '<file stem>/' ('archive/' when writing to a buffer, or to a path that is not ASCII), its data 64-byte
#       aligned by a local extra field 'FB' + length + 'Z' padding, a data descriptor after it, no extra field in
#       the central directory; at the end 'version' ("3\n") and, in the later 2.x releases,
#       '.data/serialization_id' (40 digits).
#   torch/_tensor.py, Tensor.__reduce_ex__ / _reduce_ex_internal: torch._utils._rebuild_tensor_v2 for tensors of
#       the classic dtypes, _rebuild_tensor_v3 (an untyped storage and the dtype) for float8 and the newer dtypes,
#       torch._tensor._rebuild_from_type_v2 around either when a tensor carries Python attributes, _rebuild_qtensor
#       for quantized and _rebuild_sparse_tensor for sparse tensors; backward hooks an empty OrderedDict.
#   torch/nn/parameter.py, Parameter.__reduce_ex__: torch._utils._rebuild_parameter, or
#       _rebuild_parameter_with_state when the parameter carries Python attributes.
#   torch/nn/modules/module.py, Module.__init__ (2.1 on): a module's __dict__ with plain dicts _parameters,
#       _buffers and _modules, the set _non_persistent_buffers_set, OrderedDicts of hooks (_forward_hooks_with_kwargs,
#       _forward_hooks_always_called, _forward_pre_hooks_with_kwargs, _state_dict_pre_hooks, ...);
#       torch/nn/modules/rnn.py, RNNBase.__getstate__: _flat_weights (the same parameters again), no weak refs.
#   torch/nn/modules/module.py, Module.state_dict: an OrderedDict with the attribute _metadata (pickled as BUILD).
#
# Read by LSTM Lab, each with a check file <name>.check.safetensors (`input` (B, T, D), `expected` (B, T, O): what
# torch 1.13 computes in float64 from the weights as stored, raw outputs of every step):
#   torch2_state_dict.pt     2.1-2.6 layout: model.state_dict() of a 3-layer LSTM and a head, float32, 14 storages
#                            (data/10 before data/2), byteorder, version and .data/serialization_id
#   torch2_archive.pt        2.7 layout written to a buffer ('archive/'): a checkpoint dict with a GRU's float64
#                            state_dict, an int epoch, a torch.device, and a tensor carrying a Python attribute
#                            (_rebuild_from_type_v2)
#   torch2_whole_model.pt    2.7 layout: torch.save(model) of a class holding an nn.RNN and an nn.Linear, 2.x module
#                            dicts, one parameter carrying an attribute (_rebuild_parameter_with_state)
#   torch2_protocol4.pt      the same model saved with pickle_protocol=4 (FRAME, MEMOIZE, STACK_GLOBAL, EMPTY_SET)
#   torch2_whole_relu.pt     the same of an nn.RNN(nonlinearity='relu'): read as ReLU from the module's dict
#   torch2_half.pt           a state_dict in float16 (HalfStorage); PyTorch's float64 forward of the same values
#   torch2_bf16.pt           a state_dict in bfloat16 (BFloat16Storage); likewise
#   torch2_compiled.pt       the state_dict of torch.compile(nn.DataParallel(model)): every key starts with
#                            '_orig_mod.module.' (torch/_dynamo/eval_frame.py, OptimizedModule keeps the model as
#                            _orig_mod)
# Refused, each with its own message:
#   torch2_mlp_head.pt       nn.LSTM then nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Linear(6, 2)): two nn.Linear
#   torch2_quantized.pt      a state_dict whose head weight is quantized (torch.qint8, _rebuild_qtensor)
#   torch2_sparse.pt         a state_dict whose head weight is sparse (torch.sparse_coo, _rebuild_sparse_tensor)
#   torch2_float8.pt         a state_dict whose head weight is float8_e4m3fn (_rebuild_tensor_v3)
#   torch2_meta.pt           a state_dict whose head weight is on the meta device, no data at all
#                            (torch._utils._rebuild_meta_tensor_no_storage, as torch/_tensor.py writes one)
import collections
import copyreg
import io
import json
import pickle
import struct
import sys
import types
import zlib
import zipfile

import numpy as np
import torch
import torch.nn as nn

import st

torch.manual_seed(52)
B, T = 2, 6
STANDINS = {}


def standin(module, name, cls=False):
    """A function (or class) that pickle writes as the global module.name; it is never called."""
    if cls:
        obj = type(name, (), {})
    else:
        def obj(*args):
            raise RuntimeError("a stand-in of " + module + "." + name + " is never called")
    obj.__module__, obj.__qualname__, obj.__name__ = module, name, name
    STANDINS.setdefault(module, types.ModuleType(module)).__dict__[name] = obj
    return obj


REBUILD_V2 = standin("torch._utils", "_rebuild_tensor_v2")
REBUILD_V3 = standin("torch._utils", "_rebuild_tensor_v3")
REBUILD_PARAMETER = standin("torch._utils", "_rebuild_parameter")
REBUILD_PARAMETER_STATE = standin("torch._utils", "_rebuild_parameter_with_state")
REBUILD_QTENSOR = standin("torch._utils", "_rebuild_qtensor")
REBUILD_SPARSE = standin("torch._utils", "_rebuild_sparse_tensor")
REBUILD_META = standin("torch._utils", "_rebuild_meta_tensor_no_storage")
FLOAT32 = standin("torch", "float32", cls=True)
REBUILD_FROM_TYPE = standin("torch._tensor", "_rebuild_from_type_v2")
TENSOR = standin("torch._tensor", "Tensor", cls=True)
GET_LAYOUT = standin("torch.serialization", "_get_layout")
DEVICE = standin("torch", "device", cls=True)
STORAGE_TYPES = {n: standin("torch", n, cls=True) for n in
                 ("FloatStorage", "DoubleStorage", "HalfStorage", "BFloat16Storage", "LongStorage", "QInt8Storage",
                  "UntypedStorage")}
FLOAT8 = standin("torch", "float8_e4m3fn", cls=True)
PER_TENSOR_AFFINE = standin("torch", "per_tensor_affine", cls=True)
MODULES = {"LSTM": standin("torch.nn.modules.rnn", "LSTM", cls=True),
           "GRU": standin("torch.nn.modules.rnn", "GRU", cls=True),
           "RNN": standin("torch.nn.modules.rnn", "RNN", cls=True),
           "Linear": standin("torch.nn.modules.linear", "Linear", cls=True)}


class Storage:
    """A storage: pickled as its persistent id, its bytes written to data/<key>."""

    def __init__(self, type_name, data, numel):
        self.type, self.data, self.numel = STORAGE_TYPES[type_name], data, numel


class Tensor:
    """A contiguous tensor over a storage of its own, reduced as torch 2.x reduces one."""

    def __init__(self, array, storage_type="FloatStorage", data=None, attributes=None):
        self.shape = tuple(array.shape)
        self.storage = Storage(storage_type, array.tobytes() if data is None else data, array.size)
        self.attributes = attributes

    def stride(self):
        return tuple(int(np.prod(self.shape[i + 1:])) for i in range(len(self.shape)))

    def __reduce_ex__(self, protocol):
        args = (self.storage, 0, self.shape, self.stride(), False, collections.OrderedDict())
        if self.attributes is None:
            return REBUILD_V2, args
        return REBUILD_FROM_TYPE, (REBUILD_V2, TENSOR, args, self.attributes)


class Float8Tensor(Tensor):
    def __init__(self, shape):
        super().__init__(np.zeros(shape, np.float32), "UntypedStorage", bytes(int(np.prod(shape))))
        self.storage.numel = len(self.storage.data)

    def __reduce_ex__(self, protocol):
        return REBUILD_V3, (self.storage, 0, self.shape, self.stride(), False, collections.OrderedDict(), FLOAT8)


class QuantizedTensor(Tensor):
    def __init__(self, array):
        super().__init__(array, "QInt8Storage", np.round(array / 0.05).astype(np.int8).tobytes())

    def __reduce_ex__(self, protocol):
        return REBUILD_QTENSOR, (self.storage, 0, self.shape, self.stride(), (PER_TENSOR_AFFINE, 0.05, 0), False,
                                 collections.OrderedDict())


class SparseTensor:
    def __init__(self, array):
        idx = np.array(np.nonzero(array), dtype=np.int64)
        self.indices = Tensor(idx, "LongStorage")
        self.values = Tensor(array[tuple(idx)].astype(np.float32))
        self.shape = array.shape

    def __reduce_ex__(self, protocol):
        layout = Reduced(GET_LAYOUT, ("torch.sparse_coo",))
        return REBUILD_SPARSE, (layout, (self.indices, self.values, self.shape, True))


class Reduced:
    def __init__(self, func, args):
        self.func, self.args = func, args

    def __reduce_ex__(self, protocol):
        return self.func, self.args


class Parameter:
    def __init__(self, tensor, state=None):
        self.tensor, self.state = tensor, state

    def __reduce_ex__(self, protocol):
        if self.state is None:
            return REBUILD_PARAMETER, (self.tensor, True, collections.OrderedDict())
        return REBUILD_PARAMETER_STATE, (self.tensor, True, collections.OrderedDict(), self.state)


class Net:
    """Stands in for the student's class __main__.Net (an nn.Module): pickled by reference, as torch.save does."""


def module_dict(parameters=None, modules=None, **attributes):
    """A module's __dict__ as Module.__init__ of torch 2.1 and later leaves it."""
    d = {"training": True, "_parameters": parameters or {}, "_buffers": {}, "_non_persistent_buffers_set": set()}
    for hooks in ("_backward_pre_hooks", "_backward_hooks"):
        d[hooks] = collections.OrderedDict()
    d["_is_full_backward_hook"] = None
    for hooks in ("_forward_hooks", "_forward_hooks_with_kwargs", "_forward_hooks_always_called",
                  "_forward_pre_hooks", "_forward_pre_hooks_with_kwargs", "_state_dict_hooks",
                  "_state_dict_pre_hooks", "_load_state_dict_pre_hooks", "_load_state_dict_post_hooks"):
        d[hooks] = collections.OrderedDict()
    d["_modules"] = modules or {}
    d.update(attributes)
    return d


def module(cls, d):
    m = object.__new__(cls)
    m.__dict__.update(d)
    return m


class Pickler(pickle._Pickler):
    """Python's pickler with torch.save's persistent ids; collects the storages in the order first pickled."""

    def __init__(self, buf, protocol):
        super().__init__(buf, protocol)
        self.storages = {}

    def persistent_id(self, obj):
        if isinstance(obj, Storage):
            key = next((k for k, s in self.storages.items() if s is obj), None)
            if key is None:
                key = str(len(self.storages))
                self.storages[key] = obj
            return "storage", obj.type, key, "cpu", obj.numel
        return None


def dump(obj, protocol=2):
    saved = {name: sys.modules.get(name) for name in STANDINS}
    sys.modules.update(STANDINS)
    try:
        buf = io.BytesIO()
        p = Pickler(buf, protocol)
        p.dump(obj)
        return buf.getvalue(), p.storages
    finally:
        for name, m in saved.items():
            if m is None:
                del sys.modules[name]
            else:
                sys.modules[name] = m


def write_zip(path, records):
    """records: (name, bytes) in order, each stored with its data 64-byte aligned, as PyTorchStreamWriter does."""
    out, central = bytearray(), bytearray()
    for name, data in records:
        name = name.encode()
        offset = len(out)
        pad = -(offset + 30 + len(name) + 4) % 64
        extra = b"FB" + struct.pack("<H", pad) + b"Z" * pad
        crc = zlib.crc32(data)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 0, 0x0808, 0, 0, 0, 0, 0, 0, len(name), len(extra))
        out += name + extra + data + struct.pack("<IIII", 0x08074B50, crc, len(data), len(data))
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0, 0, 0x0808, 0, 0, 0, crc, len(data), len(data),
                               len(name), 0, 0, 0, 0, 0, offset) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(records), len(records), len(central), len(out), 0)
    with open(path, "wb") as f:
        f.write(bytes(out + central + end))


def save(obj, path, layout, archive=None, protocol=2):
    """Writes obj as torch.save of layout '2.1' (2.1 to 2.6) or '2.7' (2.7 and later) lays it out."""
    pkl, storages = dump(obj, protocol)
    prefix = (archive or path[:-len(".pt")]) + "/"
    records = [("data.pkl", pkl)]
    if layout == "2.7":
        records += [(".format_version", b"1"), (".storage_alignment", b"64"), ("byteorder", b"little")]
        keys = list(storages)
    else:
        records += [("byteorder", b"little")]
        keys = sorted(storages)
    records += [("data/" + k, storages[k].data) for k in keys]
    names = [r[0] for r in records] + ["version"]
    ident = "%020d%020d" % (zlib.crc32("".join(names).encode()), zlib.crc32(pkl))
    records += [("version", b"3\n"), (".data/serialization_id", ident.encode())]
    write_zip(path, [(prefix + n, d) for n, d in records])


class TorchNet(nn.Module):
    def __init__(self, rnn, head):
        super().__init__()
        self.rnn, self.head = rnn, head

    def forward(self, x):
        return self.head(self.rnn(x)[0])


def check(name, rnn, head, values):
    """What torch 1.13 computes in float64 from the values as stored (a name -> numpy array state_dict)."""
    net = TorchNet(rnn, head).double()
    net.load_state_dict({k: torch.from_numpy(np.asarray(v, dtype=np.float64)) for k, v in values.items()})
    x = torch.randn(B, T, rnn.input_size, dtype=torch.float64)
    with torch.no_grad():
        y = net(x)
    st.save(name + ".check.safetensors", {"input": ("F64", x.numpy()), "expected": ("F64", y.numpy())})


def state_dict(values, storage="FloatStorage", convert=None, attributes=None):
    """An OrderedDict of stand-in tensors with the _metadata Module.state_dict sets."""
    sd = collections.OrderedDict()
    for k, v in values.items():
        sd[k] = Tensor(v, storage, None if convert is None else convert(v), (attributes or {}).get(k))
    sd._metadata = collections.OrderedDict([("", {"version": 1})] + [(k.rsplit(".", 1)[0], {"version": 1})
                                                                       for k in values if k.endswith("weight")])
    return sd


def numpy_state(model, dtype=np.float32):
    return {k: v.detach().numpy().astype(dtype) for k, v in model.state_dict().items()}


lstm, fc = nn.LSTM(3, 4, num_layers=3, batch_first=True), nn.Linear(4, 2)
values = numpy_state(TorchNet(lstm, fc))
save(state_dict(values), "torch2_state_dict.pt", "2.1")
check("torch2_state_dict", lstm, fc, values)

gru, out = nn.GRU(2, 5, num_layers=2, batch_first=True), nn.Linear(5, 1)
values = numpy_state(TorchNet(gru, out), np.float64)
sd = state_dict(values, "DoubleStorage", attributes={"head.weight": {"tag": "best"}})
save({"epoch": 7, "model_state_dict": sd, "device": Reduced(DEVICE, ("cuda", 0)), "best_loss": 0.125},
     "torch2_archive.pt", "2.7", archive="archive")
check("torch2_archive", gru, out, values)

def whole_model(values, nonlinearity):
    """torch.save(model) of a Net holding an nn.RNN(2, 3, num_layers=2) and an nn.Linear(3, 2), as 2.x pickles it."""
    params = {k: Parameter(Tensor(v), {"_is_hf_initialized": True} if k == "head.bias" else None)
              for k, v in values.items()}
    rnn_params = {n[len("rnn."):]: params[n] for n in values if n.startswith("rnn.")}
    rnn_module = module(MODULES["RNN"], module_dict(
        rnn_params, mode="RNN_" + nonlinearity.upper(), input_size=2, hidden_size=3, num_layers=2, bias=True,
        batch_first=True, dropout=0.0, bidirectional=False, proj_size=0, nonlinearity=nonlinearity,
        _flat_weights_names=list(rnn_params), _all_weights=[list(rnn_params)[i:i + 4] for i in (0, 4)],
        _flat_weights=list(rnn_params.values())))
    head_module = module(MODULES["Linear"], module_dict({"weight": params["head.weight"],
                                                         "bias": params["head.bias"]}, in_features=3, out_features=2))
    return module(Net, module_dict(modules={"rnn": rnn_module, "head": head_module}))


rnn, head = nn.RNN(2, 3, num_layers=2, batch_first=True), nn.Linear(3, 2)
values = numpy_state(TorchNet(rnn, head))
whole = whole_model(values, "tanh")
save(whole, "torch2_whole_model.pt", "2.7")
check("torch2_whole_model", rnn, head, values)
save(whole, "torch2_protocol4.pt", "2.7", protocol=4)
check("torch2_protocol4", rnn, head, values)

lstm, fc = nn.LSTM(2, 3, batch_first=True), nn.Linear(3, 1)
values = {k: v.astype(np.float16) for k, v in numpy_state(TorchNet(lstm, fc)).items()}
save(state_dict(values, "HalfStorage"), "torch2_half.pt", "2.7")
check("torch2_half", lstm, fc, values)

lstm, fc = nn.LSTM(2, 3, batch_first=True), nn.Linear(3, 1)
values = numpy_state(TorchNet(lstm, fc))
widened = {k: st.from_bf16_bytes(st.to_bf16_bytes(v), v.shape) for k, v in values.items()}
save(state_dict(values, "BFloat16Storage", st.to_bf16_bytes), "torch2_bf16.pt", "2.7")
check("torch2_bf16", lstm, fc, widened)

values = numpy_state(TorchNet(nn.LSTM(3, 4, batch_first=True), nn.Sequential(nn.Linear(4, 6), nn.ReLU(),
                                                                            nn.Linear(6, 2))))
save(state_dict(values), "torch2_mlp_head.pt", "2.7")
values = numpy_state(TorchNet(nn.LSTM(3, 4, batch_first=True), nn.Linear(4, 2)))
for name, kind in (("torch2_quantized.pt", QuantizedTensor), ("torch2_sparse.pt", SparseTensor),
                   ("torch2_float8.pt", lambda v: Float8Tensor(v.shape))):
    sd = state_dict(values)
    sd["head.weight"] = kind(values["head.weight"])
    save(sd, name, "2.7")
sd = state_dict(values)
sd["head.weight"] = Reduced(REBUILD_META, (FLOAT32, (2, 4), (4, 1), False))
save(sd, "torch2_meta.pt", "2.7")
lstm, fc = nn.LSTM(2, 4, batch_first=True), nn.Linear(4, 3)
values = numpy_state(TorchNet(lstm, fc))
save(state_dict({"_orig_mod.module." + k: v for k, v in values.items()}), "torch2_compiled.pt", "2.7")
check("torch2_compiled", lstm, fc, values)
rnn, head = nn.RNN(2, 3, num_layers=2, nonlinearity="relu", batch_first=True), nn.Linear(3, 2)
values = numpy_state(TorchNet(rnn, head))
save(whole_model(values, "relu"), "torch2_whole_relu.pt", "2.7")
check("torch2_whole_relu", rnn, head, values)
# torch.export.save (PyTorch 2.1 on) writes a .pt2: a program (the model's forward() traced into a graph of
# operators, an ExportedProgram) beside its weights, refused with its own message (Torch2SaveTest). torch 1.13 has
# no torch.export, so the program's JSON here is a small stand-in; the records are laid out as the two layouts lay
# them out, read in PyTorch's own sources (not copied):
#   torch_export_legacy.pt2: torch/export/__init__.py, save, of 2.3 to 2.7: a zipfile.ZipFile (stored, no folder)
#       with serialized_exported_program.json, serialized_state_dict.pt, serialized_constants.pt,
#       serialized_example_inputs.pt (each torch.save's own bytes) and version (the schema version, "major.minor").
#   torch_export.pt2: torch/export/pt2_archive/_package.py, package_pt2, and torch/csrc/export/pt2_archive_constants.h,
#       of 2.8 on: a PyTorchFileWriter zip (one folder, the file's stem) with models/model.json,
#       data/weights/model_weights_config.json and the raw bytes of each weight (data/weights/weight_<i>),
#       data/constants/model_constants_config.json, data/sample_inputs/model.pt, then archive_format ("pt2") and
#       archive_version ("0") as the writer closes, and the zip's own .data/version and .data/serialization_id.
torch.manual_seed(57)
lstm, fc = nn.LSTM(2, 3, batch_first=True), nn.Linear(3, 1)
exported = TorchNet(lstm, fc)
program = ('{"graph_module": {"graph": {"nodes": [{"target": "torch.ops.aten.lstm.input"}]}}, '
           '"schema_version": {"major": 8, "minor": 0}}').encode()


def torch_bytes(obj):
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    return buffer.getvalue()


example = ((torch.randn(1, 4, 2),), {})
with zipfile.ZipFile("torch_export_legacy.pt2", "w") as z:
    z.writestr("serialized_exported_program.json", program)
    z.writestr("serialized_state_dict.pt", torch_bytes(exported.state_dict()))
    z.writestr("serialized_constants.pt", torch_bytes({}))
    z.writestr("serialized_example_inputs.pt", torch_bytes(example))
    z.writestr("version", "7.3")
weights = list(exported.state_dict().items())
config = {k: {"path_name": "weight_%d" % i, "is_param": True, "use_pickle": False,
              "tensor_meta": {"dtype": 7, "sizes": list(v.shape)}} for i, (k, v) in enumerate(weights)}
records = [("models/model.json", program),
           ("data/weights/model_weights_config.json", json.dumps({"config": config}).encode())]
records += [("data/weights/weight_%d" % i, v.detach().numpy().astype("<f4").tobytes())
            for i, (k, v) in enumerate(weights)]
records += [("data/constants/model_constants_config.json", b'{"config": {}}'),
            ("data/sample_inputs/model.pt", torch_bytes(example)), ("archive_format", b"pt2"),
            ("archive_version", b"0"), (".data/version", b"3\n"), (".data/serialization_id", b"%040d" % 57)]
write_zip("torch_export.pt2", [("torch_export/" + n, d) for n, d in records])
print("done")
