package org.lstmlab.engine.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.NameList;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * The native model file: a safetensors file whose tensors carry PyTorch's state_dict names ({@code rnn.weight_ih_l0},
 * ..., {@code fc.weight}, {@code fc.bias}) in float64, so that {@code safetensors.torch.load_file} and
 * {@code load_state_dict(strict=True)} take it unchanged, plus string metadata: {@code format},
 * {@code format_version} ({@code MAJOR.MINOR}), {@code app_version}, {@code checksum} (see {@link ModelChecksum}),
 * {@code architecture} and {@code training} (JSON), {@code task}, {@code vocabulary} (JSON array), {@code series}
 * (a CSV series' scaling, {@link SeriesScaling}). Saving is atomic
 * and refuses weights that are not finite.
 *
 * <p>Loading reads the header first: the format and version, the architecture against its limits, every tensor
 * against the shape the architecture needs (and no other tensor), and the model's memory against the
 * {@link MemoryBudget}, all before any tensor data is read or anything is allocated from the architecture. Then the
 * checksum ("the file is damaged") and the values (finite) are checked, and only then is the model built. A file of
 * a newer major format is refused. Metadata keys and JSON fields it does not know are not dropped silently:
 * {@link Loaded#warnings()} lists them. A safetensors file without LSTM Lab metadata (a plain PyTorch state_dict)
 * is not read here: see {@code org.lstmlab.engine.interop.ModelImport}.
 */
public final class ModelFile {
    public static final String FORMAT = "lstm-lab-model";
    /** The major format version this build writes and reads up to. Version 1 had no checksum. */
    public static final int VERSION = 2;
    /**
     * The minor version this build writes: a newer minor only adds fields, which are reported. 2.1 added the training
     * precision ({@code training.dtype}); a 2.0 file was trained in float64. 2.2 added {@code series}: a model
     * trained on a CSV time series without it was fed standardised columns that the file does not describe. 2.3
     * added the {@code classes} of a {@code series} whose target holds class labels (an older build refuses such a
     * series as malformed: its outputs are not its targets). 2.4 added a model that starts with an embedding table:
     * {@code architecture.num_embeddings} (and {@code padding_idx}) and the tensor {@code embedding.weight}, which
     * an older build refuses as a tensor that is not part of the architecture.
     */
    public static final int MINOR = 4;

    /** The embedding table's tensor, PyTorch's name for an {@code nn.Embedding} attribute called {@code embedding}. */
    static final String EMBEDDING = "embedding.weight";

    static final java.util.Set<String> KNOWN_METADATA = java.util.Set.of("format", "format_version", "app_version",
            ModelChecksum.KEY, "architecture", "training", "task", "vocabulary", SeriesScaling.KEY, "created_by");

    /**
     * A loaded model with what its file said about it.
     *
     * @param warnings one sentence per thing the file holds that this version does not understand (unknown
     *                 metadata keys or fields), or that it lacks (no checksum in a version-1 file); empty for a
     *                 current file
     */
    public record Loaded(SequenceModel model, Map<String, String> metadata, Optional<TrainingConfig> training,
                         String task, List<String> vocabulary, List<Message> warnings) {
    }

    private ModelFile() {
    }

    public static void save(Path file, SequenceModel model, TrainingConfig training, String task) throws IOException {
        save(file, model, training, task, List.of());
    }

    public static void save(Path file, SequenceModel model, TrainingConfig training, String task,
                            List<String> vocabulary) throws IOException {
        save(file, model, training, task, vocabulary, null);
    }

    /**
     * Writes the model atomically; the old file stays intact if anything fails. {@code series} is the scaling of a
     * model trained on a CSV time series, null for any other.
     */
    public static void save(Path file, SequenceModel model, TrainingConfig training, String task,
                            List<String> vocabulary, SeriesScaling series) throws IOException {
        if (model.spec().cell().isTutorialMistake()) {
            throw new IllegalArgumentException(model.spec().cell().id() + " is a tutorial's mistake, not a standard "
                    + "architecture: LSTM Lab does not save it as a model file");
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            tensors.put(e.getKey(), Tensor.f64(e.getKey(), e.getValue().shape(), e.getValue().data().clone()));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("format_version", VERSION + "." + MINOR);
        meta.put("app_version", AppVersion.VERSION);
        meta.put("architecture", ModelJson.architecture(model));
        if (training != null) {
            meta.put("training", ModelJson.training(training));
        }
        if (task != null) {
            meta.put("task", task);
        }
        if (!vocabulary.isEmpty()) {
            meta.put("vocabulary", ModelJson.stringArray(vocabulary));
        }
        if (series != null) {
            meta.put(SeriesScaling.KEY, series.toJson());
        }
        meta.put("created_by", "LSTM Lab");
        seal(tensors, meta);
        SafeTensors.write(file, tensors, meta, WriteOptions.FINITE_ONLY);
    }

    /** Puts the checksum of {@code tensors} and the other metadata into {@code meta}. */
    static void seal(Map<String, Tensor> tensors, Map<String, String> meta) {
        meta.remove(ModelChecksum.KEY);
        meta.put(ModelChecksum.KEY, ModelChecksum.of(tensors, meta));
    }

    /** True when the file's metadata says it is an LSTM Lab model file (of any version). */
    public static boolean isModelFile(SafeTensorsFile f) {
        return f.meta("format").filter(FORMAT::equals).isPresent();
    }

    /** True when the header's metadata says it is an LSTM Lab model file (of any version). */
    public static boolean isModelFile(SafeTensorsIndex f) {
        return f.meta("format").filter(FORMAT::equals).isPresent();
    }

    /**
     * Reads a model file. The header is checked first (see the class comment); only then are the tensors read, the
     * checksum compared and the model built.
     */
    public static Loaded load(Path file) throws IOException {
        Plan[] plan = new Plan[1];
        SafeTensorsFile f = SafeTensors.read(file, index -> plan[0] = plan(index));
        return build(f, plan[0]);
    }

    /** Loads an already-read file (its header is checked as {@link #load(Path)} does); messages name its source. */
    public static Loaded load(SafeTensorsFile f) throws IOException {
        return build(f, plan(f.index()));
    }

    /**
     * Refuses a model file's header as {@link #load(Path)} would, before its data is read: for callers that read
     * the file themselves and pass it to {@link #load(SafeTensorsFile)} (pass this as their
     * {@link SafeTensors.HeaderCheck} for model files).
     */
    public static void checkHeader(SafeTensorsIndex index) throws IOException {
        plan(index);
    }

    /** What the header says, checked against the tensors present, before any data is read. */
    private record Plan(int[] version, ModelSpec spec, Optional<ModelJson.Table> table,
                        Optional<TrainingConfig> training, List<String> unknown) {
    }

    private static Plan plan(SafeTensorsIndex f) throws IOException {
        String name = f.source();
        if (!isModelFile(f)) {
            Optional<String> format = f.meta("format");
            throw new ModelFileException(name, format.isEmpty() ? Message.of("engine.model.noMetadata")
                    : format.get().equals(CheckpointFile.FORMAT) ? Message.of("engine.model.isCheckpoint")
                    : Message.of("engine.model.otherFormat", JsonWriter.abbreviate(format.get()), FORMAT));
        }
        int[] version = parseVersion(name, f.meta("format_version").orElse(""));
        if (version[0] > VERSION) {
            throw new ModelFileException(name, Message.of("engine.model.newer", Integer.toString(version[0]),
                    Integer.toString(VERSION)));
        }
        if (version[0] >= 2 && f.meta(ModelChecksum.KEY).isEmpty()) {
            throw new ModelFileException(name, Message.of("engine.model.noChecksum", Integer.toString(version[0])));
        }
        List<String> unknown = new ArrayList<>();
        for (String k : f.metadata().keySet()) {
            if (!KNOWN_METADATA.contains(k)) {
                unknown.add(JsonWriter.abbreviate(k));
            }
        }
        ModelSpec spec = ModelJson.parseArchitecture(name, f.requireMeta("architecture"), unknown);
        Optional<ModelJson.Table> table = ModelJson.parseTable(name, f.requireMeta("architecture"));
        Optional<TrainingConfig> training = Optional.empty();
        if (f.meta("training").isPresent()) {
            training = Optional.of(ModelJson.parseTraining(name, f.meta("training").get(), unknown));
        }
        if (f.meta(SeriesScaling.KEY).isPresent()) {
            SeriesScaling.parse(name, f.meta(SeriesScaling.KEY).get(), spec.inputSize(), spec.outputSize());
        }
        checkTensors(name, f, spec, table, "rnn.", false);
        Map<String, int[]> expected = expectedShapes(spec, table);
        for (String k : f.tensors().keySet()) {
            if (!expected.containsKey(k)) {
                throw new ModelFileException(name, Message.of("engine.model.extraTensor", JsonWriter.abbreviate(k),
                        ModelJson.architecture(spec)));
            }
        }
        return new Plan(version, spec, table, training, unknown);
    }

    /** The model of a file whose header {@link #plan} accepted: checksum, then finite values, then the model. */
    private static Loaded build(SafeTensorsFile f, Plan p) throws IOException {
        String name = f.source();
        List<Message> warnings = new ArrayList<>();
        if (p.version()[0] >= 2) {
            if (!f.requireMeta(ModelChecksum.KEY).equals(ModelChecksum.of(f.tensors(), f.metadata()))) {
                throw new ModelFileException(name, Message.of("engine.model.checksum"));
            }
        } else {
            warnings.add(Message.of("engine.note.model.noChecksum"));
        }
        if (!p.unknown().isEmpty()) {
            warnings.add(Message.of("engine.note.model.unknownFields", p.version()[0] + "." + p.version()[1],
                    NameList.of(p.unknown())));
        }
        for (String key : expectedShapes(p.spec(), p.table()).keySet()) {
            Tensor t = f.tensor(key);
            for (int i = 0; i < t.numel(); i++) {
                if (!Double.isFinite(t.doubleAt(i))) {
                    throw new ModelFileException(name, Message.of("engine.model.notFinite", key,
                            Double.toString(t.doubleAt(i)), Integer.toString(i)));
                }
            }
        }
        SequenceModel model = ModelJson.Table.model(p.spec(), p.table());
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            double[] v = f.tensor(e.getKey()).doubles();
            System.arraycopy(v, 0, e.getValue().data(), 0, v.length);
        }
        List<String> vocabulary = f.meta("vocabulary").isPresent()
                ? ModelJson.parseStringArray(name, f.meta("vocabulary").get()) : List.of();
        return new Loaded(model, f.metadata(), p.training(), f.meta("task").orElse(""), vocabulary,
                List.copyOf(warnings));
    }

    /**
     * Every parameter of {@code spec} is in the file with its shape (a bare state_dict may lack the head), no
     * recurrent layer beyond {@code spec.numLayers()} is, and the model fits the memory budget. The shapes are
     * checked first: "the file does not hold what its metadata says" is the more useful message.
     */
    static void checkTensors(String name, SafeTensorsIndex f, ModelSpec spec, Optional<ModelJson.Table> table,
                             String prefix, boolean headOptional) throws ModelFileException, SafeTensorsException {
        if (table.isPresent()) {
            f.require(EMBEDDING, table.get().rows(), spec.inputSize());
        }
        int g = spec.cell().gateCount() * spec.hiddenSize();
        int h = spec.hiddenSize();
        for (int k = 0; k < spec.numLayers(); k++) {
            f.require(prefix + "weight_ih_l" + k, g, k == 0 ? spec.inputSize() : h);
            f.require(prefix + "weight_hh_l" + k, g, h);
            f.require(prefix + "bias_ih_l" + k, g);
            f.require(prefix + "bias_hh_l" + k, g);
        }
        if (f.has(prefix + "weight_ih_l" + spec.numLayers())) {
            throw new ModelFileException(name, Message.of("engine.model.extraLayer", spec.numLayers(),
                    prefix + "weight_ih_l" + spec.numLayers()));
        }
        if (!headOptional || f.has("fc.weight") || f.has("fc.bias")) {
            f.require("fc.weight", spec.outputSize(), h);
            f.require("fc.bias", spec.outputSize());
        }
        long bytes = 4L * Double.BYTES * (spec.parameterCount()
                + table.map(t -> (long) t.rows() * spec.inputSize()).orElse(0L));
        if (!MemoryBudget.fits(bytes)) {
            throw new ModelFileException(name, MemoryBudget.refusal(Message.of("engine.memory.model", spec.cell().id(),
                    Integer.toString(spec.hiddenSize()), Integer.toString(spec.numLayers())), bytes));
        }
    }

    /**
     * The state_dict names and shapes of a model with this architecture, in state_dict order; a model that starts
     * with {@code table} has its rows first.
     */
    static Map<String, int[]> expectedShapes(ModelSpec s, Optional<ModelJson.Table> table) {
        Map<String, int[]> m = new LinkedHashMap<>();
        table.ifPresent(t -> m.put(EMBEDDING, new int[] {t.rows(), s.inputSize()}));
        int g = s.cell().gateCount() * s.hiddenSize();
        for (int k = 0; k < s.numLayers(); k++) {
            int in = k == 0 ? s.inputSize() : s.hiddenSize();
            m.put("rnn.weight_ih_l" + k, new int[] {g, in});
            m.put("rnn.weight_hh_l" + k, new int[] {g, s.hiddenSize()});
            m.put("rnn.bias_ih_l" + k, new int[] {g});
            m.put("rnn.bias_hh_l" + k, new int[] {g});
        }
        m.put("fc.weight", new int[] {s.outputSize(), s.hiddenSize()});
        m.put("fc.bias", new int[] {s.outputSize()});
        return m;
    }

    /** {@code "2"} or {@code "2.1"} as {major, minor}. */
    private static int[] parseVersion(String file, String s) throws ModelFileException {
        String[] parts = s.trim().split("\\.", -1);
        try {
            if (parts.length > 2) {
                throw new NumberFormatException();
            }
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
            if (major < 1 || minor < 0) {
                throw new NumberFormatException();
            }
            return new int[] {major, minor};
        } catch (NumberFormatException e) {
            throw new ModelFileException(file, Message.of("engine.model.badVersion", JsonWriter.abbreviate(s)));
        }
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static Flavour flavour(String s) {
        return ModelJson.constant(Flavour.class, s);
    }

    static Initializers.Scheme scheme(String s) {
        return ModelJson.constant(Initializers.Scheme.class, s);
    }

    static List<String> list(JsonValue.Arr arr) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : arr.elements()) {
            out.add(v instanceof JsonValue.Str s ? s.value() : v.toString());
        }
        return out;
    }
}
