package org.lstmlab.engine.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    public static Loaded load(Path file) throws IOException {
        SafeTensorsFile f = SafeTensors.read(file);
        String name = file.toString();
        Optional<String> format = f.meta("format");
        boolean inferred = format.isEmpty();
        ModelSpec spec;
        Optional<TrainingConfig> training = Optional.empty();
        if (inferred) {
            spec = infer(name, f);
        } else {
            if (!format.get().equals(FORMAT)) {
                throw new ModelFileException(name, "format is '" + format.get() + "', not " + FORMAT);
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
        SequenceModel model = new SequenceModel(spec);
        String prefix = inferred && !f.has("rnn.weight_ih_l0") ? "" : "rnn.";
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            String key = e.getKey().startsWith("rnn.") ? prefix + e.getKey().substring(4) : e.getKey();
            Param p = e.getValue();
            if (inferred && !f.has(key) && key.startsWith("fc.")) {
                continue;  // a bare nn.LSTM state_dict has no head: keep the default (zero) head
            }
            Tensor t = f.require(key, p.shape());
            double[] v = t.doubles();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new ModelFileException(name, "tensor '" + key + "' holds " + v[i] + " at index " + i);
                }
            }
            System.arraycopy(v, 0, p.data(), 0, v.length);
        }
        List<String> vocabulary = f.meta("vocabulary").isPresent()
                ? ModelJson.parseStringArray(name, f.meta("vocabulary").get()) : List.of();
        return new Loaded(model, f.metadata(), training, f.meta("task").orElse(""), vocabulary, inferred);
    }

    private static int parseVersion(String file, String s) throws ModelFileException {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new ModelFileException(file, "format_version '" + s + "' is not a number");
        }
    }

    /** Architecture of a PyTorch state_dict without our metadata: from the shapes of its tensors. */
    static ModelSpec infer(String file, SafeTensorsFile f) throws ModelFileException {
        String prefix = f.has("rnn.weight_ih_l0") ? "rnn." : f.has("weight_ih_l0") ? "" : null;
        if (prefix == null) {
            throw new ModelFileException(file, "no LSTM Lab metadata and no recurrent weights (weight_ih_l0 or "
                    + "rnn.weight_ih_l0): is this a recurrent model's state_dict?");
        }
        int layers = 0;
        while (f.has(prefix + "weight_ih_l" + layers)) {
            layers++;
        }
        Tensor wih = f.find(prefix + "weight_ih_l0").orElseThrow();
        Tensor whh = f.find(prefix + "weight_hh_l0").orElseThrow(
                () -> new ModelFileException(file, "missing " + prefix + "weight_hh_l0"));
        if (wih.rank() != 2 || whh.rank() != 2) {
            throw new ModelFileException(file, "recurrent weights must be matrices");
        }
        int hidden = whh.shape()[1];
        int gates = hidden == 0 ? 0 : whh.shape()[0] / hidden;
        CellType cell = switch (gates) {
            case 4 -> CellType.LSTM;
            case 3 -> CellType.GRU;
            case 1 -> CellType.RNN_TANH;
            default -> throw new ModelFileException(file, "weight_hh_l0 has shape " + whh.shape()[0] + "×" + hidden
                    + ", which is no LSTM (4H×H), GRU (3H×H) or RNN (H×H)");
        };
        int input = wih.shape()[1];
        int outputs = f.find("fc.weight").map(t -> t.shape()[0]).orElse(1);
        Loss loss = outputs == 1 ? Loss.BINARY_CROSS_ENTROPY : Loss.SOFTMAX_CROSS_ENTROPY;
        return new ModelSpec(cell, input, hidden, layers, outputs, HeadMode.LAST, loss);
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
