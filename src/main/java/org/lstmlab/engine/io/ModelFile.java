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
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * The native model file: a safetensors file whose tensors carry PyTorch's state_dict names ({@code rnn.weight_ih_l0},
 * ..., {@code fc.weight}, {@code fc.bias}) in float64, so that {@code safetensors.torch.load_file} and
 * {@code load_state_dict} take it unchanged, plus string metadata: {@code format}, {@code format_version},
 * {@code architecture} and {@code training} (JSON), {@code task}, {@code vocabulary} (JSON array). Saving is atomic
 * and refuses weights that are not finite. Loading also accepts a plain PyTorch state_dict without metadata,
 * inferring the architecture from the tensor shapes.
 */
public final class ModelFile {
    public static final String FORMAT = "lstm-lab-model";
    public static final int VERSION = 1;

    /** A loaded model with what its file said about it. */
    public record Loaded(SequenceModel model, Map<String, String> metadata, Optional<TrainingConfig> training,
                         String task, List<String> vocabulary, boolean inferred) {
    }

    private ModelFile() {
    }

    public static void save(Path file, SequenceModel model, TrainingConfig training, String task) throws IOException {
        save(file, model, training, task, List.of());
    }

    /** Writes the model atomically; the old file stays intact if anything fails. */
    public static void save(Path file, SequenceModel model, TrainingConfig training, String task,
                            List<String> vocabulary) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            tensors.put(e.getKey(), Tensor.f64(e.getKey(), e.getValue().shape(), e.getValue().data().clone()));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("format_version", Integer.toString(VERSION));
        meta.put("architecture", ModelJson.architecture(model.spec()));
        if (training != null) {
            meta.put("training", ModelJson.training(training));
        }
        if (task != null) {
            meta.put("task", task);
        }
        if (!vocabulary.isEmpty()) {
            meta.put("vocabulary", ModelJson.stringArray(vocabulary));
        }
        meta.put("created_by", "LSTM Lab");
        SafeTensors.write(file, tensors, meta, WriteOptions.FINITE_ONLY);
    }

    /**
     * Reads a model file (or a bare PyTorch state_dict). The header is checked first: the architecture against
     * the limits, every parameter's tensor against the shape the architecture needs, and the memory the model
     * needs against the budget; only then are the tensors read and the model built.
     */
    public static Loaded load(Path file) throws IOException {
        String name = file.toString();
        Plan[] plan = new Plan[1];
        SafeTensorsFile f = SafeTensors.read(file, index -> plan[0] = plan(name, index));
        Plan p = plan[0];
        SequenceModel model = new SequenceModel(p.spec());
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            String key = p.fileName(e.getKey());
            Param param = e.getValue();
            if (!f.has(key)) {
                continue;  // a bare nn.LSTM state_dict has no head: keep the default (zero) head
            }
            double[] v = f.require(key, param.shape()).doubles();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new ModelFileException(name, "tensor '" + key + "' holds " + v[i] + " at index " + i);
                }
            }
            System.arraycopy(v, 0, param.data(), 0, v.length);
        }
        List<String> vocabulary = f.meta("vocabulary").isPresent()
                ? ModelJson.parseStringArray(name, f.meta("vocabulary").get()) : List.of();
        return new Loaded(model, f.metadata(), p.training(), f.meta("task").orElse(""), vocabulary, p.inferred());
    }

    /** What the header says: the architecture, checked against the tensors present, before any data is read. */
    private record Plan(ModelSpec spec, Optional<TrainingConfig> training, boolean inferred, String rnnPrefix) {
        /** The name in the file of the model's parameter {@code key} ({@code rnn.weight_ih_l0}, {@code fc.bias}). */
        String fileName(String key) {
            return key.startsWith("rnn.") ? rnnPrefix + key.substring(4) : key;
        }
    }

    private static Plan plan(String name, SafeTensorsIndex f) throws IOException {
        Optional<String> format = f.meta("format");
        boolean inferred = format.isEmpty();
        ModelSpec spec;
        Optional<TrainingConfig> training = Optional.empty();
        if (inferred) {
            spec = infer(name, f);
        } else {
            if (!format.get().equals(FORMAT)) {
                throw new ModelFileException(name, format.get().equals(CheckpointFile.FORMAT)
                        ? "is a training checkpoint, not a model file (open it to resume training)"
                        : "format is '" + format.get() + "', not " + FORMAT);
            }
            int version = parseVersion(name, f.meta("format_version").orElse(""));
            if (version > VERSION) {
                throw new ModelFileException(name, "made by a newer version of LSTM Lab (model format " + version
                        + "; this version reads up to " + VERSION + ")");
            }
            spec = ModelJson.parseArchitecture(name, f.requireMeta("architecture"));
            if (f.meta("training").isPresent()) {
                training = Optional.of(ModelJson.parseTraining(name, f.meta("training").get()));
            }
        }
        String prefix = inferred && !f.has("rnn.weight_ih_l0") ? "" : "rnn.";
        checkTensors(name, f, spec, prefix, inferred);
        return new Plan(spec, training, inferred, prefix);
    }

    /**
     * Every parameter of {@code spec} is in the file with its shape (a bare state_dict may lack the head), no
     * recurrent layer beyond {@code spec.numLayers()} is, and the model fits the memory budget. The shapes are
     * checked first: "the file does not hold what its metadata says" is the more useful message.
     */
    static void checkTensors(String name, SafeTensorsIndex f, ModelSpec spec, String prefix, boolean headOptional)
            throws ModelFileException, SafeTensorsException {
        int g = spec.cell().gateCount() * spec.hiddenSize();
        int h = spec.hiddenSize();
        for (int k = 0; k < spec.numLayers(); k++) {
            f.require(prefix + "weight_ih_l" + k, g, k == 0 ? spec.inputSize() : h);
            f.require(prefix + "weight_hh_l" + k, g, h);
            f.require(prefix + "bias_ih_l" + k, g);
            f.require(prefix + "bias_hh_l" + k, g);
        }
        if (f.has(prefix + "weight_ih_l" + spec.numLayers())) {
            throw new ModelFileException(name, "the architecture has " + spec.numLayers() + " layer(s) but the file "
                    + "also has " + prefix + "weight_ih_l" + spec.numLayers());
        }
        if (!headOptional || f.has("fc.weight") || f.has("fc.bias")) {
            f.require("fc.weight", spec.outputSize(), h);
            f.require("fc.bias", spec.outputSize());
        }
        long bytes = 4L * Double.BYTES * spec.parameterCount();
        if (!MemoryBudget.fits(bytes)) {
            throw new ModelFileException(name, MemoryBudget.explain("its model " + spec.cell().id() + "("
                    + spec.hiddenSize() + ") x" + spec.numLayers() + " would", bytes));
        }
    }

    private static int parseVersion(String file, String s) throws ModelFileException {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new ModelFileException(file, "format_version '" + JsonWriter.abbreviate(s) + "' is not a number");
        }
    }

    /** Architecture of a PyTorch state_dict without our metadata: from the shapes of its tensors. */
    static ModelSpec infer(String file, SafeTensorsIndex f) throws ModelFileException {
        String prefix = f.has("rnn.weight_ih_l0") ? "rnn." : f.has("weight_ih_l0") ? "" : null;
        if (prefix == null) {
            throw new ModelFileException(file, "no LSTM Lab metadata and no recurrent weights (weight_ih_l0 or "
                    + "rnn.weight_ih_l0): is this a recurrent model's state_dict?");
        }
        int layers = 0;
        while (f.has(prefix + "weight_ih_l" + layers)) {
            layers++;
            if (layers > ModelSpec.MAX_LAYERS) {
                throw new ModelFileException(file, "has recurrent weights for more than " + ModelSpec.MAX_LAYERS
                        + " layers (" + prefix + "weight_ih_l" + layers + "), more than LSTM Lab builds");
            }
        }
        TensorInfo wih = f.find(prefix + "weight_ih_l0").orElseThrow();
        TensorInfo whh = f.find(prefix + "weight_hh_l0").orElseThrow(
                () -> new ModelFileException(file, "missing " + prefix + "weight_hh_l0"));
        if (wih.rank() != 2 || whh.rank() != 2) {
            throw new ModelFileException(file, prefix + "weight_ih_l0 and " + prefix + "weight_hh_l0 must be "
                    + "matrices, have shapes " + java.util.Arrays.toString(wih.shape()) + " and "
                    + java.util.Arrays.toString(whh.shape()));
        }
        int hidden = whh.dim(1);
        int gates = hidden == 0 || whh.dim(0) % hidden != 0 ? 0 : whh.dim(0) / hidden;
        CellType cell = switch (gates) {
            case 4 -> CellType.LSTM;
            case 3 -> CellType.GRU;
            case 1 -> CellType.RNN_TANH;
            default -> throw new ModelFileException(file, prefix + "weight_hh_l0 has shape " + whh.dim(0) + "×"
                    + hidden + ", which is no LSTM (4H×H), GRU (3H×H) or RNN (H×H)");
        };
        int input = wih.dim(1);
        int outputs = 1;
        Optional<TensorInfo> fc = f.find("fc.weight");
        if (fc.isPresent()) {
            if (fc.get().rank() != 2) {
                throw new ModelFileException(file, "fc.weight must be a matrix (outputs × hidden), has shape "
                        + java.util.Arrays.toString(fc.get().shape()));
            }
            outputs = fc.get().dim(0);
        }
        Loss loss = outputs == 1 ? Loss.BINARY_CROSS_ENTROPY : Loss.SOFTMAX_CROSS_ENTROPY;
        try {
            return new ModelSpec(cell, input, hidden, layers, outputs, HeadMode.LAST, loss);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "the tensors' shapes give " + e.getMessage());
        }
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static Flavour flavour(String s) {
        return Flavour.valueOf(s.toUpperCase(Locale.ROOT));
    }

    static Initializers.Scheme scheme(String s) {
        return Initializers.Scheme.valueOf(s.toUpperCase(Locale.ROOT));
    }

    static List<String> list(JsonValue.Arr arr) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : arr.elements()) {
            out.add(v instanceof JsonValue.Str s ? s.value() : v.toString());
        }
        return out;
    }
}
