package org.lstmlab.engine.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lstmlab.engine.io.JsonException;
import org.lstmlab.engine.io.JsonParser;
import org.lstmlab.engine.io.JsonValue;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.text.Message;

/**
 * The layers of a Keras model config: Keras 2's {@code model_config} attribute ({@code {"class_name": "Sequential",
 * "config": {"layers": [...]}}}, or a bare list in very old files) and Keras 3's {@code config.json}
 * (the same with {@code module} and {@code build_config}). Only what LSTM Lab computes is read; a layer it does
 * not compute is refused by name.
 */
final class KerasConfig {
    /**
     * The layer kinds LSTM Lab reads; {@code NONE} layers (InputLayer, Dropout) hold no weights and change nothing;
     * an {@code EMBEDDING} (its {@code units} the output_dim D, its {@code inputSize} the input_dim V) goes first.
     */
    enum Kind { LSTM, GRU, SIMPLE_RNN, DENSE, EMBEDDING, NONE }

    /**
     * One layer as its config describes it.
     *
     * @param distributed the Dense sits in a {@code TimeDistributed} wrapper
     * @param inputSize   D from {@code batch_input_shape} / {@code batch_shape} / {@code build_config}, or -1
     * @param maskZero    an Embedding's {@code mask_zero=True}: the recurrent layers skip the steps of id 0
     */
    record Layer(Kind kind, String className, String name, int units, String activation, String recurrentActivation,
                 boolean returnSequences, boolean resetAfter, boolean useBias, boolean distributed, int inputSize,
                 boolean maskZero) {
        /** Keras 2's {@code CuDNNLSTM} or {@code CuDNNGRU}: cuDNN's kernel layout and two biases (KerasLayout). */
        boolean cudnn() {
            return className.startsWith("CuDNN");
        }
    }

    private KerasConfig() {
    }

    static List<Layer> parse(String file, String json) throws ModelFileException {
        JsonValue root;
        try {
            root = JsonParser.parse(json);
        } catch (JsonException e) {
            throw new ModelFileException(file, Message.of("engine.keras.notJson", e.detail()));
        }
        JsonValue layers = root;
        if (root instanceof JsonValue.Obj o) {
            String cls = str(o, "class_name").orElse("");
            if (!cls.equals("Sequential") && !cls.equals("Functional") && !cls.equals("Model")) {
                throw new ModelFileException(file, Message.of("engine.keras.notSequential", cls.isEmpty() ? "?" : cls));
            }
            JsonValue config = o.members().get("config");
            layers = config instanceof JsonValue.Obj c ? c.members().get("layers") : config;
        }
        if (!(layers instanceof JsonValue.Arr arr)) {
            throw new ModelFileException(file, Message.of("engine.keras.noLayers"));
        }
        List<Layer> out = new ArrayList<>();
        for (JsonValue v : arr.elements()) {
            if (!(v instanceof JsonValue.Obj l)) {
                throw new ModelFileException(file, Message.of("engine.keras.layerNotObject"));
            }
            out.add(layer(file, l));
        }
        return out;
    }

    private static Layer layer(String file, JsonValue.Obj l) throws ModelFileException {
        String cls = str(l, "class_name").orElse("?");
        JsonValue.Obj c = l.members().get("config") instanceof JsonValue.Obj o ? o
                : new JsonValue.Obj(Map.of());
        String name = str(c, "name").orElse(cls.toLowerCase(Locale.ROOT));
        int input = inputSize(l, c);
        if (cls.equals("TimeDistributed")) {
            JsonValue inner = c.members().get("layer");
            if (inner instanceof JsonValue.Obj in && str(in, "class_name").orElse("").equals("Dense")) {
                Layer d = layer(file, in);
                return new Layer(Kind.DENSE, cls, name, d.units(), d.activation(), "", false, false, d.useBias(),
                        true, input, false);
            }
            throw new ModelFileException(file, Message.of("engine.keras.timeDistributed", name));
        }
        if (cls.equals("Bidirectional")) {
            throw new ModelFileException(file, Message.of("engine.keras.bidirectional", name));
        }
        Kind kind = switch (cls) {
            case "LSTM", "CuDNNLSTM" -> Kind.LSTM;
            case "GRU", "CuDNNGRU" -> Kind.GRU;
            case "SimpleRNN" -> Kind.SIMPLE_RNN;
            case "Dense" -> Kind.DENSE;
            case "Embedding" -> Kind.EMBEDDING;
            case "InputLayer", "Dropout", "SpatialDropout1D", "GaussianDropout", "GaussianNoise",
                    "ActivityRegularization" -> Kind.NONE;
            default -> throw new ModelFileException(file, Message.of("engine.keras.unknownLayer", name, cls));
        };
        if (kind == Kind.EMBEDDING) {
            return new Layer(kind, cls, name, integer(file, name, c, "output_dim"), "linear", "", false, false, false,
                    false, integer(file, name, c, "input_dim"), bool(c, "mask_zero", false));
        }
        if (kind != Kind.NONE && kind != Kind.DENSE) {
            for (String flag : new String[] {"go_backwards", "stateful", "return_state"}) {
                if (bool(c, flag, false)) {
                    throw new ModelFileException(file, Message.of("engine.keras.flag", name, flag));
                }
            }
        }
        int units = kind == Kind.NONE ? 0 : integer(file, name, c, "units");
        String act = activation(c, "activation", kind == Kind.DENSE ? "linear" : "tanh");
        boolean cudnn = cls.startsWith("CuDNN");
        String recAct = cudnn ? "sigmoid" : activation(c, "recurrent_activation", "sigmoid");
        boolean resetAfter = cls.equals("CuDNNGRU") || bool(c, "reset_after", false);
        return new Layer(kind, cls, name, units, act, recAct, bool(c, "return_sequences", false), resetAfter,
                bool(c, "use_bias", true), false, input, false);
    }

    /** D from Keras 2's {@code batch_input_shape}, Keras 3's {@code batch_shape} or {@code build_config}. */
    private static int inputSize(JsonValue.Obj l, JsonValue.Obj c) {
        for (JsonValue shape : new JsonValue[] {c.members().get("batch_input_shape"), c.members().get("batch_shape"),
                l.members().get("build_config") instanceof JsonValue.Obj b ? b.members().get("input_shape") : null}) {
            if (shape instanceof JsonValue.Arr a && !a.elements().isEmpty()
                    && a.elements().get(a.elements().size() - 1) instanceof JsonValue.Num n && n.isInteger()) {
                long v = exact(n);
                return v >= 1 && v <= 1_000_000 ? (int) v : -1;
            }
        }
        return -1;
    }

    private static String activation(JsonValue.Obj c, String key, String dflt) {
        JsonValue v = c.members().get(key);
        if (v == null || v instanceof JsonValue.Null) {
            return key.equals("activation") && dflt.equals("linear") ? "linear" : dflt;
        }
        if (v instanceof JsonValue.Str s) {
            return s.value();
        }
        if (v instanceof JsonValue.Obj o) {   // a serialised function object
            JsonValue cfg = o.members().get("config");
            return str(o, "class_name").orElse(cfg instanceof JsonValue.Str s ? s.value() : "?");
        }
        return v.toString();
    }

    private static long exact(JsonValue.Num n) {
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    static Optional<String> str(JsonValue.Obj o, String key) {
        return o.members().get(key) instanceof JsonValue.Str s ? Optional.of(s.value()) : Optional.empty();
    }

    private static boolean bool(JsonValue.Obj o, String key, boolean dflt) {
        return o.members().get(key) instanceof JsonValue.Bool b ? b.value() : dflt;
    }

    private static int integer(String file, String layer, JsonValue.Obj o, String key) throws ModelFileException {
        if (o.members().get(key) instanceof JsonValue.Num n && n.isInteger() && !n.isNegative()) {
            long v = exact(n);
            if (v >= 1 && v <= 1_000_000) {
                return (int) v;
            }
        }
        throw new ModelFileException(file, Message.of("engine.keras.units", layer, key));
    }
}
