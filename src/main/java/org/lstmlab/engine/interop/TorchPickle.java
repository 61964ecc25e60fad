package org.lstmlab.engine.interop;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.text.Message;

/**
 * A restricted reader of the pickle ({@code data.pkl}) that {@code torch.save} writes in its zip: it builds dicts
 * ({@code OrderedDict} too), lists, tuples, sets, numbers, strings and references to tensors, and names every other
 * class without ever running it (as {@code torch.load(weights_only=True)} does, only stricter: nothing is imported).
 * It reads what PyTorch 1.6 to 2.x write: tensors rebuilt by {@code _rebuild_tensor_v2} or, for the dtypes PyTorch 2.1
 * added, {@code _rebuild_tensor_v3}, wrapped by {@code _rebuild_from_type_v2} when they carry Python attributes;
 * parameters by {@code _rebuild_parameter} or {@code _rebuild_parameter_with_state}; every other {@code _rebuild_*}
 * (a quantized, sparse or nested tensor...) is an {@link Unreadable} tensor that says what it is.
 */
final class TorchPickle {
    /** A class or function the pickle names, {@code module.name}. */
    record Global(String module, String name) {
        String qualified() {
            return module + "." + name;
        }
    }

    /** A persistent storage: {@code data/<key>} in the zip, {@code numel} elements of {@code type}. */
    record Storage(String type, String key, long numel) {
    }

    /** {@code torch._utils._rebuild_tensor_v2}'s arguments: a view of a storage. */
    record TensorRef(Storage storage, long offset, int[] shape, long[] stride) {
    }

    /** An object of another class (a module of a whole model, say), with the state BUILD gave it, if any. */
    static final class Obj {
        final Global cls;
        Object state;

        Obj(Global cls) {
            this.cls = cls;
        }
    }

    /** A tensor whose values LSTM Lab cannot read, and why: {@code what} names its scheme, layout, dtype or kind. */
    record Unreadable(Kind kind, String what) {
        enum Kind { QUANTIZED, SPARSE, DTYPE, OTHER }
    }

    /** The dtypes {@code _rebuild_tensor_v3} may name that LSTM Lab reads, as the storage types of the others. */
    private static final Map<String, String> V3_STORAGES = Map.of("float64", "DoubleStorage", "float32",
            "FloatStorage", "float16", "HalfStorage", "bfloat16", "BFloat16Storage");
    /** The element size in bytes of each storage type {@link #V3_STORAGES} names. */
    private static final Map<String, Integer> V3_SIZES = Map.of("DoubleStorage", 8, "FloatStorage", 4,
            "HalfStorage", 2, "BFloat16Storage", 2);

    /** A tuple (a Java list is a Python list). */
    record Tuple(List<Object> items) {
    }

    /** Python's None. */
    enum None { NONE }

    private final ByteBuffer b;
    private final String source;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private TorchPickle(byte[] pkl, String source) {
        this.b = ByteBuffer.wrap(pkl).order(ByteOrder.LITTLE_ENDIAN);
        this.source = source;
    }

    /** The object {@code pkl} holds; a damaged pickle or an opcode torch.save does not write is refused. */
    static Object load(byte[] pkl, String source) throws ModelFileException {
        TorchPickle p = new TorchPickle(pkl, source);
        try {
            return p.run();
        } catch (RuntimeException e) {   // a short buffer, a wrong type, an empty stack: a damaged file
            throw p.damaged();
        }
    }

    private ModelFileException damaged() {
        return new ModelFileException(source, Message.of("engine.torch.pickleDamaged", Integer.toString(b.position())));
    }

    private Object run() throws ModelFileException {
        while (true) {
            int op = b.get() & 0xff;
            switch (op) {
                case 0x80 -> b.get();                                   // PROTO
                case 0x95 -> b.getLong();                               // FRAME
                case '.' -> {                                           // STOP
                    return pop();
                }
                case '(' -> marks.add(stack.size());                    // MARK
                case '}' -> stack.add(new LinkedHashMap<>());           // EMPTY_DICT
                case ']' -> stack.add(new ArrayList<>());               // EMPTY_LIST
                case ')' -> stack.add(new Tuple(List.of()));            // EMPTY_TUPLE
                case 't' -> stack.add(new Tuple(popMark()));            // TUPLE
                case 0x85, 0x86, 0x87 -> {                              // TUPLE1..3
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < op - 0x84; i++) {
                        items.add(0, pop());
                    }
                    stack.add(new Tuple(items));
                }
                case 'q' -> memo.put((long) (b.get() & 0xff), top());   // BINPUT
                case 'r' -> memo.put(b.getInt() & 0xffffffffL, top()); // LONG_BINPUT
                case 0x94 -> memo.put((long) memo.size(), top());       // MEMOIZE
                case 'h' -> stack.add(get(b.get() & 0xff));              // BINGET
                case 'j' -> stack.add(get(b.getInt() & 0xffffffffL));   // LONG_BINGET
                case 'J' -> stack.add((long) b.getInt());                // BININT
                case 'K' -> stack.add((long) (b.get() & 0xff));          // BININT1
                case 'M' -> stack.add((long) (b.getShort() & 0xffff));   // BININT2
                case 0x8a -> stack.add(long1(b.get() & 0xff));           // LONG1
                case 'G' -> stack.add(b.order(ByteOrder.BIG_ENDIAN).getDouble()); // BINFLOAT
                case 'N' -> stack.add(None.NONE);
                case 0x88 -> stack.add(Boolean.TRUE);
                case 0x89 -> stack.add(Boolean.FALSE);
                case 'X' -> stack.add(string(b.getInt()));               // BINUNICODE
                case 0x8d -> stack.add(string(length8()));               // BINUNICODE8
                case 0x8e -> stack.add(bytes(length8()));                // BINBYTES8
                case 0x8b -> stack.add(long1(b.getInt()));               // LONG4
                case 0x8f -> stack.add(new LinkedHashSet<>());           // EMPTY_SET
                case 0x90 -> {                                          // ADDITEMS
                    List<Object> items = popMark();
                    set(top()).addAll(items);
                }
                case 0x91 -> stack.add(new LinkedHashSet<>(popMark()));  // FROZENSET
                case 0x92 -> {                                          // NEWOBJ_EX
                    pop();
                    pop();
                    stack.add(new Obj((Global) pop()));
                }
                case 0x8c -> stack.add(string(b.get() & 0xff));          // SHORT_BINUNICODE
                case 'C' -> stack.add(bytes(b.get() & 0xff));            // SHORT_BINBYTES
                case 'B' -> stack.add(bytes(b.getInt()));                // BINBYTES
                case 'c' -> stack.add(new Global(line(), line()));      // GLOBAL
                case 0x93 -> {                                          // STACK_GLOBAL
                    String name = (String) pop();
                    stack.add(new Global((String) pop(), name));
                }
                case 'R' -> {                                           // REDUCE
                    Tuple args = (Tuple) pop();
                    stack.add(reduce((Global) pop(), args));
                }
                case 0x81 -> {                                          // NEWOBJ
                    pop();
                    stack.add(new Obj((Global) pop()));
                }
                case 'b' -> {                                           // BUILD
                    Object state = pop();
                    if (top() instanceof Obj o) {
                        o.state = state;
                    }                                                   // an OrderedDict's _metadata: unused
                }
                case 's' -> {                                           // SETITEM
                    Object v = pop();
                    Object k = pop();
                    dict(top()).put(k, v);
                }
                case 'u' -> {                                           // SETITEMS
                    List<Object> kv = popMark();
                    Map<Object, Object> d = dict(top());
                    for (int i = 0; i + 1 < kv.size(); i += 2) {
                        d.put(kv.get(i), kv.get(i + 1));
                    }
                }
                case 'a' -> {                                           // APPEND
                    Object v = pop();
                    list(top()).add(v);
                }
                case 'e' -> {                                           // APPENDS
                    List<Object> items = popMark();
                    list(top()).addAll(items);
                }
                case 'Q' -> stack.add(persistent((Tuple) pop()));       // BINPERSID
                case '0' -> pop();                                      // POP
                case '1' -> popMark();                                  // POP_MARK
                case '2' -> stack.add(top());                           // DUP
                default -> throw damaged();                             // an opcode torch.save never writes
            }
            b.order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private Object reduce(Global f, Tuple args) {
        switch (f.qualified()) {
            case "collections.OrderedDict" -> {
                return new LinkedHashMap<>();
            }
            case "torch._utils._rebuild_tensor_v2" -> {
                List<Object> a = args.items();
                List<Object> size = ((Tuple) a.get(2)).items();
                List<Object> stride = ((Tuple) a.get(3)).items();
                int[] shape = new int[size.size()];
                long[] strides = new long[size.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = Math.toIntExact((Long) size.get(i));
                    strides[i] = (Long) stride.get(i);
                }
                return new TensorRef((Storage) a.get(0), (Long) a.get(1), shape, strides);
            }
            case "torch._utils._rebuild_tensor_v3" -> {
                return tensorV3(args.items());
            }
            case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state" -> {
                return args.items().get(0);
            }
            case "torch._tensor._rebuild_from_type_v2" -> {      // a tensor with Python attributes: not read
                Global inner = (Global) args.items().get(0);
                if (inner.qualified().equals(f.qualified())) {
                    throw new IllegalStateException("_rebuild_from_type_v2 within itself");
                }
                return reduce(inner, (Tuple) args.items().get(2));
            }
            case "torch.serialization._get_layout" -> {           // torch.sparse_coo...: its name
                return (String) args.items().get(0);
            }
            case "torch._utils._rebuild_qtensor" -> {
                return new Unreadable(Unreadable.Kind.QUANTIZED, ((Storage) args.items().get(0)).type());
            }
            case "torch._utils._rebuild_sparse_tensor", "torch._utils._rebuild_sparse_csr_tensor" -> {
                Object layout = args.items().get(0);
                return new Unreadable(Unreadable.Kind.SPARSE, layout instanceof String l ? l : "sparse");
            }
            default -> {
                return f.module().equals("torch._utils") && f.name().startsWith("_rebuild_")
                        ? new Unreadable(Unreadable.Kind.OTHER, f.qualified()) : new Obj(f);
            }
        }
    }

    /**
     * {@code _rebuild_tensor_v3(storage, offset, size, stride, requires_grad, hooks, dtype)}: a tensor over an
     * untyped storage whose size is in bytes; one of a dtype LSTM Lab does not read (float8, uint16...) is
     * {@link Unreadable}.
     */
    private Object tensorV3(List<Object> a) {
        Global dtype = (Global) a.get(6);
        Storage untyped = (Storage) a.get(0);
        String type = V3_STORAGES.get(dtype.name());
        if (!dtype.module().equals("torch") || type == null) {
            return new Unreadable(Unreadable.Kind.DTYPE, dtype.name());
        }
        Storage typed = new Storage(type, untyped.key(), untyped.numel() / V3_SIZES.get(type));
        List<Object> v2 = new ArrayList<>(a.subList(0, 4));
        v2.set(0, typed);
        return reduce(new Global("torch._utils", "_rebuild_tensor_v2"), new Tuple(v2));
    }

    private Object persistent(Tuple pid) {
        List<Object> p = pid.items();
        if (p.size() >= 5 && "storage".equals(p.get(0)) && p.get(1) instanceof Global g) {
            return new Storage(g.name(), String.valueOf(p.get(2)), (Long) p.get(4));
        }
        return new Obj(new Global("persistent", String.valueOf(p.isEmpty() ? "" : p.get(0))));
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object o) {
        return (Map<Object, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> set(Object o) {
        return (Set<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private Object get(long key) {
        Object o = memo.get(key);
        if (o == null) {
            throw new IllegalStateException("memo " + key + " was never stored");
        }
        return o;
    }

    private Object top() {
        if (!marks.isEmpty() && marks.get(marks.size() - 1) == stack.size()) {
            throw new IllegalStateException("a mark where an object was expected");
        }
        return stack.get(stack.size() - 1);
    }

    private Object pop() {
        if (!marks.isEmpty() && marks.get(marks.size() - 1) == stack.size()) {
            throw new IllegalStateException("a mark where an object was expected");
        }
        return stack.remove(stack.size() - 1);
    }

    private List<Object> popMark() {
        int at = marks.remove(marks.size() - 1);
        List<Object> items = new ArrayList<>(stack.subList(at, stack.size()));
        stack.subList(at, stack.size()).clear();
        return items;
    }

    private long long1(int n) {
        if (n < 0 || n > 8) {
            throw new IllegalStateException("an integer of " + n + " bytes");
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) (b.get() & 0xff) << (8 * i);
        }
        return n > 0 && n < 8 ? v << (64 - 8 * n) >> (64 - 8 * n) : v;
    }

    /** An 8-byte length, which must fit in what is left of the pickle. */
    private int length8() {
        long n = b.getLong();
        if (n < 0 || n > b.remaining()) {
            throw new IllegalStateException("a string of " + n + " bytes past the end");
        }
        return (int) n;
    }

    private String string(int n) {
        return new String(bytes(n), StandardCharsets.UTF_8);
    }

    private byte[] bytes(int n) {
        if (n < 0 || n > b.remaining()) {
            throw new IllegalStateException("a string of " + n + " bytes past the end");
        }
        byte[] s = new byte[n];
        b.get(s);
        return s;
    }

    private String line() {
        StringBuilder s = new StringBuilder();
        for (byte c; (c = b.get()) != '\n'; ) {
            s.append((char) c);
        }
        return s.toString();
    }
}
