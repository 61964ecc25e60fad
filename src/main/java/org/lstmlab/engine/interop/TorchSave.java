package org.lstmlab.engine.interop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.lstmlab.engine.interop.TorchPickle.Obj;
import org.lstmlab.engine.interop.TorchPickle.TensorRef;
import org.lstmlab.engine.interop.TorchPickle.Unreadable;
import org.lstmlab.engine.io.DType;
import org.lstmlab.engine.io.HalfFloats;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.io.SafeTensorsFile;
import org.lstmlab.engine.io.SafeTensorsIndex;
import org.lstmlab.engine.io.Tensor;
import org.lstmlab.engine.io.TensorInfo;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.text.Message;

/**
 * A file {@code torch.save} wrote in its zip format (PyTorch 1.6 and later): {@code <name>/data.pkl}, the pickle,
 * and {@code <name>/data/<key>}, each storage's raw little-endian bytes. Its pickle is read by {@link TorchPickle},
 * which runs no code; what it holds is read as a state_dict: a state_dict itself ({@code model.state_dict()}, of a
 * model wrapped in {@code nn.DataParallel} too), a checkpoint dict with the state_dict under one of {@link #KEYS}, or
 * the parameters of a whole model ({@code torch.save(model, ...)}), gathered from its modules as
 * {@code state_dict()} names them. A TorchScript file ({@code torch.jit.save}) is refused with the Python that
 * converts it, and so is a program {@code torch.export.save} wrote ({@link #exportedProgram}). The records PyTorch
 * 2.x adds ({@code byteorder}, {@code .format_version}, {@code .storage_alignment}, {@code .data/serialization_id})
 * change nothing read but {@code byteorder}; the zip's folder may be the file's stem or {@code archive}.
 */
final class TorchSave {
    /** Where a checkpoint dict keeps the state_dict, in the order they are looked for. */
    static final List<String> KEYS = List.of("model_state_dict", "state_dict", "model", "net");
    private static final Map<String, DType> STORAGES = Map.of("DoubleStorage", DType.F64, "FloatStorage", DType.F32,
            "HalfStorage", DType.F16, "BFloat16Storage", DType.BF16, "LongStorage", DType.I64, "IntStorage", DType.I32,
            "ShortStorage", DType.I16, "CharStorage", DType.I8, "ByteStorage", DType.U8, "BoolStorage", DType.BOOL);

    private TorchSave() {
    }

    static ImportedModel read(ZipFile zip, Path file, String pkl, ImportOptions options) throws IOException {
        String name = file.toString();
        String prefix = pkl.substring(0, pkl.length() - "data.pkl".length());
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String n = e.nextElement().getName();
            if (n.equals(prefix + "constants.pkl") || n.startsWith(prefix + "code/")) {
                throw new ModelFileException(name, Message.of("engine.import.torchScript",
                        file.getFileName().toString(), safetensorsName(file)));
            }
        }
        ZipEntry order = zip.getEntry(prefix + "byteorder");
        if (order != null && new String(KerasArchive.inflate(zip, order, name, 16, null)).trim().equals("big")) {
            throw new ModelFileException(name, Message.of("engine.torch.bigEndian"));
        }
        Object top = TorchPickle.load(KerasArchive.inflate(zip, zip.getEntry(pkl), name, KerasArchive.MAX_CONFIG,
                null), name);
        Found found = withoutModulePrefix(stateDict(top, file));
        Map<String, TensorRef> refs = readable(found.refs(), name);
        SafeTensorsIndex index = index(refs, name);
        TorchStateDict.Source source = found.source();
        if (options.nonlinearity().isEmpty() && found.nonlinearity().isPresent()) {   // a whole model's nn.RNN
            CellType c = found.nonlinearity().get();
            options = options.withNonlinearity(c);
            List<Message> notes = new ArrayList<>(source.notes());
            notes.add(Message.of("engine.note.torch.nonlinearityRead", c == CellType.RNN_RELU ? "relu" : "tanh"));
            source = new TorchStateDict.Source(source.name(), source.detail(), notes);
        }
        TorchStateDict.Plan plan = TorchStateDict.plan(index, options);
        Map<String, byte[]> storages = new HashMap<>();
        Map<String, Tensor> tensors = new TreeMap<>();
        for (String t : plan.names().values()) {
            TensorRef r = refs.get(t);
            byte[] raw = storages.get(r.storage().key());
            if (raw == null) {
                ZipEntry data = zip.getEntry(prefix + "data/" + r.storage().key());
                if (data == null) {
                    throw new ModelFileException(name, Message.of("engine.torch.noStorage", t,
                            prefix + "data/" + r.storage().key()));
                }
                raw = KerasArchive.inflate(zip, data, name, KerasArchive.MAX_WEIGHTS, null);
                storages.put(r.storage().key(), raw);
            }
            tensors.put(t, tensor(t, index.tensors().get(t).dtype(), r, raw, name));
        }
        return TorchStateDict.read(new SafeTensorsFile(name, tensors, Map.of()), options, source);
    }

    /** The tensors of a state_dict ({@link TensorRef}s and {@link Unreadable}s) and what held them. */
    private record Found(Map<String, Object> refs, TorchStateDict.Source source, Optional<CellType> nonlinearity) {
        Found(Map<String, Object> refs, TorchStateDict.Source source) {
            this(refs, source, Optional.empty());
        }
    }

    private static boolean isTensor(Object o) {
        return o instanceof TensorRef || o instanceof Unreadable;
    }

    /** The tensors, each one LSTM Lab can read; the first it cannot is refused saying what it is and what to do. */
    private static Map<String, TensorRef> readable(Map<String, Object> found, String name)
            throws ModelFileException {
        Map<String, TensorRef> refs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : found.entrySet()) {
            if (e.getValue() instanceof Unreadable u) {
                String key = switch (u.kind()) {
                    case QUANTIZED -> "engine.torch.quantized";
                    case SPARSE -> "engine.torch.sparse";
                    case DTYPE -> "engine.torch.dtype";
                    case OTHER -> "engine.torch.tensorKind";
                };
                throw new ModelFileException(name, Message.of(key, e.getKey(), u.what()));
            }
            refs.put(e.getKey(), (TensorRef) e.getValue());
        }
        return refs;
    }

    /** The state_dict {@code top} is or holds; anything else is refused, saying what it is. */
    private static Found stateDict(Object top, Path file) throws ModelFileException {
        String name = file.toString();
        if (top instanceof Obj o) {
            Map<String, Object> refs = new LinkedHashMap<>();
            parameters(o, "", refs, 0);
            if (refs.isEmpty()) {
                throw new ModelFileException(name, Message.of("engine.torch.noTensors", o.cls.qualified()));
            }
            return new Found(refs, new TorchStateDict.Source("PyTorch whole model", "torch.save(model) of "
                    + o.cls.qualified() + ", its parameters read; the class's code was not run",
                    List.of(Message.of("engine.note.torch.wholeModel", o.cls.qualified()))), nonlinearity(o, 0));
        }
        if (!(top instanceof Map<?, ?> m)) {
            throw new ModelFileException(name, Message.of("engine.torch.notDict", typeName(top)));
        }
        if (!m.isEmpty() && m.values().stream().allMatch(TorchSave::isTensor)) {
            Map<String, Object> refs = new LinkedHashMap<>();
            m.forEach((k, v) -> refs.put(String.valueOf(k), v));
            return new Found(refs, TorchStateDict.Source.STATE_DICT);
        }
        for (String key : KEYS) {
            Object v = m.get(key);
            if (v instanceof Obj || v instanceof Map<?, ?> d && !d.isEmpty()
                    && d.values().stream().allMatch(TorchSave::isTensor)) {
                return checkpoint(m, key, stateDict(v, file));
            }
        }
        List<String> keys = new ArrayList<>();
        m.keySet().forEach(k -> keys.add(String.valueOf(k)));
        throw new ModelFileException(name, Message.of("engine.torch.noStateDict",
                TorchStateDict.quoted(keys), String.join("', '", KEYS)));
    }

    /**
     * The state_dict found under {@code key} of the checkpoint dict {@code m}: the description and a note name the
     * entry (and the epoch, when the dict has an int 'epoch'), another note the entries not read.
     */
    private static Found checkpoint(Map<?, ?> m, String key, Found inner) {
        List<Message> notes = new ArrayList<>();
        String detail = "the '" + key + "' entry";
        if (m.get("epoch") instanceof Long epoch) {
            detail += "; epoch " + epoch;
            notes.add(Message.of("engine.note.torch.checkpointEpoch", key, Long.toString(epoch)));
        } else {
            notes.add(Message.of("engine.note.torch.checkpoint", key));
        }
        if (!inner.source().detail().isEmpty()) {
            detail += "; " + inner.source().name().replace("PyTorch ", "a ") + ", " + inner.source().detail();
        }
        notes.addAll(inner.source().notes());
        List<String> unread = new ArrayList<>();
        m.keySet().forEach(k -> unread.add(String.valueOf(k)));
        unread.remove(key);
        if (m.get("epoch") instanceof Long) {
            unread.remove("epoch");
        }
        if (!unread.isEmpty()) {
            notes.add(Message.of("engine.note.torch.unread", TorchStateDict.quoted(unread)));
        }
        return new Found(inner.refs(), new TorchStateDict.Source("PyTorch checkpoint", detail, notes),
                inner.nonlinearity());
    }

    /**
     * The state_dict of a model wrapped in {@code nn.DataParallel} (or {@code DistributedDataParallel}), whose every
     * name starts with {@code module.}, or compiled with {@code torch.compile} (PyTorch 2.x), whose every name starts
     * with {@code _orig_mod.}, read without that prefix (both, in either order), saying so.
     */
    private static Found withoutModulePrefix(Found f) {
        for (String[] w : new String[][] {{"module.", "engine.note.torch.dataParallel", "nn.DataParallel"},
            {"_orig_mod.", "engine.note.torch.compiled", "torch.compile"}}) {
            String p = w[0];
            if (f.refs().keySet().stream().allMatch(k -> k.startsWith(p) && k.length() > p.length())) {
                Map<String, Object> refs = new LinkedHashMap<>();
                f.refs().forEach((k, v) -> refs.put(k.substring(p.length()), v));
                TorchStateDict.Source s = f.source();
                List<Message> notes = new ArrayList<>(s.notes());
                notes.add(Message.of(w[1]));
                String stripped = "the '" + p + "' prefix of " + w[2] + " stripped";
                return withoutModulePrefix(new Found(refs, new TorchStateDict.Source(s.name(),
                        s.detail().isEmpty() ? stripped : s.detail() + "; " + stripped, notes), f.nonlinearity()));
            }
        }
        return f;
    }

    /**
     * The nonlinearity a whole model's {@code nn.RNN} records ({@code nonlinearity='tanh'} or {@code 'relu'} in its
     * module dict), which a state_dict does not say; the first nn.RNN's, depth first.
     */
    private static Optional<CellType> nonlinearity(Obj module, int depth) {
        if (depth > 64 || !(module.state instanceof Map<?, ?> state)) {
            return Optional.empty();
        }
        if (module.cls.qualified().equals("torch.nn.modules.rnn.RNN")) {
            Object n = state.get("nonlinearity");
            return "relu".equals(n) ? Optional.of(CellType.RNN_RELU)
                    : "tanh".equals(n) ? Optional.of(CellType.RNN_TANH) : Optional.empty();
        }
        if (state.get("_modules") instanceof Map<?, ?> children) {
            for (Object c : children.values()) {
                Optional<CellType> found = c instanceof Obj child ? nonlinearity(child, depth + 1) : Optional.empty();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** A whole model's parameters and buffers, named as {@code state_dict()} names them. */
    private static void parameters(Obj module, String prefix, Map<String, Object> into, int depth) {
        if (depth > 64 || !(module.state instanceof Map<?, ?> state)) {
            return;
        }
        for (String group : new String[] {"_parameters", "_buffers"}) {
            if (state.get(group) instanceof Map<?, ?> g) {
                g.forEach((k, v) -> {
                    if (isTensor(v)) {
                        into.put(prefix + k, v);
                    }
                });
            }
        }
        if (state.get("_modules") instanceof Map<?, ?> children) {
            for (Map.Entry<?, ?> c : children.entrySet()) {
                if (c.getValue() instanceof Obj child) {
                    parameters(child, prefix + c.getKey() + ".", into, depth + 1);
                }
            }
        }
    }

    private static String typeName(Object o) {
        return o instanceof List<?> ? "list" : o instanceof TorchPickle.Tuple ? "tuple"
                : o instanceof TensorRef || o instanceof Unreadable ? "tensor" : o instanceof String ? "str"
                : o instanceof java.util.Set<?> ? "set"
                : o instanceof TorchPickle.None ? "None"
                : o.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static SafeTensorsIndex index(Map<String, TensorRef> refs, String name) throws ModelFileException {
        TreeMap<String, TensorInfo> infos = new TreeMap<>();
        for (Map.Entry<String, TensorRef> e : refs.entrySet()) {
            DType dt = STORAGES.get(e.getValue().storage().type());
            if (dt == null) {
                throw new ModelFileException(name, Message.of("engine.torch.storageType", e.getKey(),
                        e.getValue().storage().type()));
            }
            infos.put(e.getKey(), new TensorInfo(e.getKey(), dt, e.getValue().shape()));
        }
        return new SafeTensorsIndex(name, new TreeMap<>(infos), Map.of());
    }

    /** The tensor {@code r} views in {@code raw}: contiguous, in the storage's bounds, every value finite. */
    private static Tensor tensor(String t, DType dt, TensorRef r, byte[] raw, String name) throws ModelFileException {
        int[] shape = r.shape();
        long expected = 1;
        boolean contiguous = true;
        for (int i = shape.length - 1; i >= 0 && contiguous; i--) {
            contiguous = shape[i] >= 0 && (shape[i] == 1 || r.stride()[i] == expected)
                    && expected <= Integer.MAX_VALUE;
            expected *= shape[i];
        }
        long numel = expected;
        long end = (r.offset() + numel) * dt.byteSize();
        if (!contiguous || r.offset() < 0 || numel > Integer.MAX_VALUE || end > raw.length) {
            throw new ModelFileException(name, Message.of("engine.torch.view", t));
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        b.position(Math.toIntExact(r.offset() * dt.byteSize()));
        double[] v = new double[Math.toIntExact(numel)];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (dt) {
                case F64 -> b.getDouble();
                case F32 -> b.getFloat();
                case F16 -> HalfFloats.f16ToDouble(b.getShort() & 0xffff);
                default -> HalfFloats.bf16ToDouble(b.getShort() & 0xffff);
            };
        }
        return Tensor.ofDoubles(t, dt, shape, v);
    }

    /**
     * Whether a zip member marks a program {@code torch.export.save} wrote (a {@code .pt2}), which is refused: its
     * {@code serialized_exported_program.json} (PyTorch 2.1 to 2.7, at the top of the zip) or {@code archive_format}
     * (the PT2 archive of 2.8 on, in the zip's one folder).
     */
    static boolean exportedProgram(String entry) {
        String n = entry.substring(entry.indexOf('/') + 1);
        return n.equals("serialized_exported_program.json") || n.equals("archive_format");
    }

    /** The name of the safetensors file converting {@code file} would write. */
    static String safetensorsName(Path file) {
        return file.getFileName().toString().replaceAll("\\.(pt|pth|bin|ckpt)$", "") + ".safetensors";
    }
}
