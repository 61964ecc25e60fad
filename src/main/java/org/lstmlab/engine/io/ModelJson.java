package org.lstmlab.engine.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Embedding;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.OptimizerKind;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.Reasons;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.train.TrainingConfig;

/** The JSON metadata of a model file: architecture and training settings, both ways. */
final class ModelJson {
    private ModelJson() {
    }

    /**
     * The embedding table a model file's architecture names ({@code num_embeddings}, and {@code padding_idx} when a
     * row gets no gradient), or none: the model then reads x_t itself.
     *
     * @param rows       V, ids 0 to V − 1
     * @param paddingIdx the row that gets no gradient, or {@link Embedding#NO_PADDING}
     */
    record Table(int rows, int paddingIdx) {
        static Optional<Table> of(SequenceModel model) {
            Embedding e = model.embedding();
            return e == null ? Optional.empty() : Optional.of(new Table(e.vocabulary(), e.paddingIdx()));
        }

        /** A new model of {@code spec} with this table (or without any), its weights zero. */
        static SequenceModel model(ModelSpec spec, Optional<Table> table) {
            return table.isEmpty() ? new SequenceModel(spec)
                    : SequenceModel.withEmbedding(spec, table.get().rows(), table.get().paddingIdx());
        }
    }

    /** The architecture of {@code model}: its spec and, if it has one, its embedding table. */
    static String architecture(SequenceModel model) {
        Map<String, JsonValue> m = fields(model.spec());
        Table.of(model).ifPresent(t -> {
            m.put("num_embeddings", JsonValue.Num.of(t.rows()));
            if (t.paddingIdx() != Embedding.NO_PADDING) {
                m.put("padding_idx", JsonValue.Num.of(t.paddingIdx()));
            }
        });
        return JsonWriter.write(new JsonValue.Obj(m));
    }

    static String architecture(ModelSpec s) {
        return JsonWriter.write(new JsonValue.Obj(fields(s)));
    }

    private static Map<String, JsonValue> fields(ModelSpec s) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("cell", new JsonValue.Str(s.cell().id()));
        m.put("input_size", JsonValue.Num.of(s.inputSize()));
        m.put("hidden_size", JsonValue.Num.of(s.hiddenSize()));
        m.put("num_layers", JsonValue.Num.of(s.numLayers()));
        m.put("output_size", JsonValue.Num.of(s.outputSize()));
        m.put("head", new JsonValue.Str(ModelFile.lower(s.head())));
        m.put("loss", new JsonValue.Str(s.loss().kerasName()));
        m.put("output_activation", new JsonValue.Str(s.loss().activation().kerasName()));
        return m;
    }

    static String training(TrainingConfig c) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("epochs", JsonValue.Num.of(c.epochs()));
        m.put("batch_size", JsonValue.Num.of(c.batchSize()));
        m.put("optimizer", new JsonValue.Str(c.optimizer().id()));
        m.put("learning_rate", JsonValue.Num.of(c.learningRate()));
        m.put("flavour", new JsonValue.Str(ModelFile.lower(c.flavour())));
        m.put("momentum", JsonValue.Num.of(c.momentum()));
        m.put("clip_norm", JsonValue.Num.of(c.clipNorm()));
        m.put("seed", JsonValue.Num.of(c.seed()));
        m.put("threads", JsonValue.Num.of(c.threads()));
        m.put("shards", JsonValue.Num.of(c.shards()));
        m.put("init", new JsonValue.Str(ModelFile.lower(c.init())));
        m.put("dtype", new JsonValue.Str(c.precision().id()));
        return JsonWriter.write(new JsonValue.Obj(m));
    }

    static String stringArray(List<String> items) {
        return JsonWriter.write(new JsonValue.Arr(items.stream().map(s -> (JsonValue) new JsonValue.Str(s)).toList()));
    }

    static final java.util.Set<String> ARCHITECTURE_FIELDS = java.util.Set.of("cell", "input_size", "hidden_size",
            "num_layers", "output_size", "head", "loss", "output_activation", "num_embeddings", "padding_idx");
    static final java.util.Set<String> TRAINING_FIELDS = java.util.Set.of("epochs", "batch_size", "optimizer",
            "learning_rate", "flavour", "momentum", "clip_norm", "seed", "threads", "shards", "init", "dtype");

    static ModelSpec parseArchitecture(String file, String json) throws ModelFileException {
        return parseArchitecture(file, json, new java.util.ArrayList<>());
    }

    /** The architecture; fields this version does not know are added to {@code unknown} as {@code architecture.x}. */
    static ModelSpec parseArchitecture(String file, String json, List<String> unknown) throws ModelFileException {
        Fields f = Fields.parse(file, "architecture", json);
        f.unknown(ARCHITECTURE_FIELDS, unknown);
        try {
            CellType cell = CellType.parse(f.string("cell"));
            if (cell.isTutorialMistake()) {
                throw Refusal.of("engine.modelJson.tutorialCell", cell.id());
            }
            HeadMode head = constant(HeadMode.class, f.string("head"));
            Loss loss = Loss.parse(f.string("loss"));
            return new ModelSpec(cell, f.integer("input_size"), f.integer("hidden_size"), f.integer("num_layers"),
                    f.integer("output_size"), head, loss); // ModelSpec refuses sizes outside its limits
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, Message.of("engine.modelJson.section", "architecture", Reasons.of(e)));
        }
    }

    /**
     * The embedding table the architecture names, or none; {@code padding_idx} must be one of its rows (the row
     * count's own limits are those of {@code Fields#integer}).
     */
    static Optional<Table> parseTable(String file, String json) throws ModelFileException {
        Fields f = Fields.parse(file, "architecture", json);
        if (!f.has("num_embeddings")) {
            if (f.has("padding_idx")) {
                throw new ModelFileException(file, Message.of("engine.modelJson.lacks", "architecture",
                        "num_embeddings"));
            }
            return Optional.empty();
        }
        int rows = f.integer("num_embeddings");
        int pad = f.has("padding_idx") ? f.integer("padding_idx") : Embedding.NO_PADDING;
        if (rows < 1) {
            throw new ModelFileException(file, Message.of("engine.modelJson.range", "architecture.num_embeddings",
                    String.valueOf(rows), "1", String.valueOf(ModelSpec.MAX_UNITS)));
        }
        if (pad >= rows) {
            throw new ModelFileException(file, Message.of("engine.modelJson.range", "architecture.padding_idx",
                    String.valueOf(pad), "0", String.valueOf(rows - 1)));
        }
        return Optional.of(new Table(rows, pad));
    }

    static TrainingConfig parseTraining(String file, String json, List<String> unknown) throws ModelFileException {
        Fields f = Fields.parse(file, "training", json);
        f.unknown(TRAINING_FIELDS, unknown);
        try {
            return new TrainingConfig(f.integer("epochs"), f.integer("batch_size"),
                    OptimizerKind.parse(f.string("optimizer")),
                    f.number("learning_rate"), ModelFile.flavour(f.string("flavour")), f.number("momentum"),
                    f.number("clip_norm"), f.longValue("seed"), f.integer("threads"), f.integer("shards"),
                    ModelFile.scheme(f.string("init")),
                    // files written before the float32 mode have no dtype: they were trained in float64
                    f.has("dtype") ? Precision.parse(f.string("dtype")) : Precision.FLOAT64);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, Message.of("engine.modelJson.section", "training", Reasons.of(e)));
        }
    }

    /**
     * The constant of {@code type} that {@code name} names in upper case; refused in the words of
     * {@link Enum#valueOf} ("No enum constant org.lstmlab.engine.nn.HeadMode.SIDEWAYS"), which model files have
     * always been refused with.
     */
    static <E extends Enum<E>> E constant(Class<E> type, String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(upper)) {
                return e;
            }
        }
        throw Refusal.of("engine.modelJson.noConstant", type.getCanonicalName(), upper);
    }

    static List<String> parseStringArray(String file, String json) throws ModelFileException {
        try {
            JsonValue v = JsonParser.parse(json);
            if (v instanceof JsonValue.Arr arr) {
                return ModelFile.list(arr);
            }
        } catch (JsonException e) {
            throw new ModelFileException(file, Message.of("engine.modelJson.notJson", "vocabulary", e.detail()));
        }
        throw new ModelFileException(file, Message.of("engine.modelJson.vocabulary"));
    }

    /** Typed access to the members of a metadata object, with errors naming the file, the field and the reason. */
    private record Fields(String file, String what, Map<String, JsonValue> members) {
        static Fields parse(String file, String what, String json) throws ModelFileException {
            try {
                JsonValue v = JsonParser.parse(json);
                if (v instanceof JsonValue.Obj o) {
                    return new Fields(file, what, o.members());
                }
                throw new ModelFileException(file, Message.of("engine.modelJson.notObject", what, v.typeName()));
            } catch (JsonException e) {
                throw new ModelFileException(file, Message.of("engine.modelJson.notJson",
                        Message.of("engine.modelJson.metadata", what), e.detail()));
            }
        }

        void unknown(java.util.Set<String> known, List<String> into) {
            for (String k : members.keySet()) {
                if (!known.contains(k)) {
                    into.add(what + "." + k);
                }
            }
        }

        boolean has(String key) {
            return members.containsKey(key);
        }

        private JsonValue get(String key) throws ModelFileException {
            JsonValue v = members.get(key);
            if (v == null) {
                throw new ModelFileException(file, Message.of("engine.modelJson.lacks", what, key));
            }
            return v;
        }

        String string(String key) throws ModelFileException {
            if (get(key) instanceof JsonValue.Str s) {
                return s.value();
            }
            throw new ModelFileException(file, Message.of("engine.modelJson.string", what + "." + key));
        }

        double number(String key) throws ModelFileException {
            if (get(key) instanceof JsonValue.Num n) {
                return n.doubleValue();
            }
            throw new ModelFileException(file, Message.of("engine.modelJson.number", what + "." + key));
        }

        long longValue(String key) throws ModelFileException {
            if (get(key) instanceof JsonValue.Num n) {
                if (!n.isInteger()) {
                    throw new ModelFileException(file, Message.of("engine.modelJson.notInteger", what + "." + key,
                            n.lexeme()));
                }
                try {
                    return n.longValueExact();
                } catch (ArithmeticException e) {
                    throw new ModelFileException(file, Message.of("engine.modelJson.tooLarge", what + "." + key,
                            n.abbreviated()));
                }
            }
            throw new ModelFileException(file, Message.of("engine.modelJson.integer", what + "." + key));
        }

        /** A whole number in 0..{@link ModelSpec#MAX_UNITS}; the architecture's own limits are ModelSpec's. */
        int integer(String key) throws ModelFileException {
            long v = longValue(key);
            if (v < 0 || v > ModelSpec.MAX_UNITS) {
                throw new ModelFileException(file, Message.of("engine.modelJson.outside", what + "." + key,
                        String.valueOf(v), String.valueOf(ModelSpec.MAX_UNITS)));
            }
            return (int) v;
        }
    }
}
