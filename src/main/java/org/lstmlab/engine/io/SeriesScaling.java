package org.lstmlab.engine.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.text.Message;

/**
 * How a model trained on a CSV time series saw its data: the input columns, standardised with the mean and standard
 * deviation of the training part, and the target columns, forecast {@code horizon} rows after a window of
 * {@code window} rows, in standardised units too. A model file keeps it under the metadata key {@code series} (JSON),
 * so that {@code predict} feeds the model what it was trained on and gives its forecasts in the file's units.
 *
 * @param inputs     the input columns, in the model's feature order
 * @param inputMean  each input column's mean over the training part
 * @param inputStd   each input column's standard deviation over the training part (above 0)
 * @param targets    the forecast columns, in the model's output order
 * @param targetMean each target's mean
 * @param targetStd  each target's standard deviation (above 0)
 * @param window     rows per window
 * @param horizon    rows from a window's last row to its target
 * @param classes    for a target of class labels, the classes in the model's output order (then {@code targets}
 *                   is the one label column, with no mean or standard deviation); empty for a forecast
 */
public record SeriesScaling(List<String> inputs, double[] inputMean, double[] inputStd, List<String> targets,
                            double[] targetMean, double[] targetStd, int window, int horizon, List<String> classes) {
    /** The metadata key of a model file. */
    public static final String KEY = "series";

    public SeriesScaling {
        inputs = List.copyOf(inputs);
        targets = List.copyOf(targets);
        inputMean = inputMean.clone();
        inputStd = inputStd.clone();
        targetMean = targetMean.clone();
        targetStd = targetStd.clone();
        classes = List.copyOf(classes);
        boolean targetsFit = classes.isEmpty() ? fits(targets.size(), targetMean, targetStd)
                : targets.size() == 1 && targetMean.length == 0 && targetStd.length == 0 && classes.size() >= 2
                && classes.stream().distinct().count() == classes.size();
        if (!(fits(inputs.size(), inputMean, inputStd) && targetsFit && window >= 1
                && horizon >= 1 && !inputs.isEmpty() && !targets.isEmpty())) {
            throw new IllegalArgumentException("a series scaling needs a finite mean and a standard deviation above 0 "
                    + "for each of its columns, and a window and horizon of at least 1");
        }
    }

    /** A forecast's scaling (no classes). */
    public SeriesScaling(List<String> inputs, double[] inputMean, double[] inputStd, List<String> targets,
                         double[] targetMean, double[] targetStd, int window, int horizon) {
        this(inputs, inputMean, inputStd, targets, targetMean, targetStd, window, horizon, List.of());
    }

    /** Whether the model names a class (its outputs are the probabilities of {@link #classes}). */
    public boolean classifies() {
        return !classes.isEmpty();
    }

    /**
     * The input column whose values lie furthest from 0 (largest |mean| + standard deviation), when they reach
     * {@code 100}: numbers that, fed to a network unscaled, saturate its gates, so that a student's own code that
     * skips the standardising this app does learns nothing; -1 when every input is smaller.
     */
    public int largeInput() {
        int largest = -1;
        double size = 100;
        for (int k = 0; k < inputs.size(); k++) {
            double v = Math.abs(inputMean[k]) + inputStd[k];
            if (v >= size) {
                size = v;
                largest = k;
            }
        }
        return largest;
    }

    /** The model's outputs: one per class, or one per target. */
    public int outputs() {
        return classifies() ? classes.size() : targets.size();
    }

    private static boolean fits(int n, double[] mean, double[] std) {
        if (mean.length != n || std.length != n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(mean[k]) || !(std[k] > 0) || !Double.isFinite(std[k])) {
                return false;
            }
        }
        return true;
    }

    /** Standardises sequences (B, T, D) of the input columns in place, as training did. */
    public void scaleInputs(double[] x) {
        int d = inputs.size();
        for (int i = 0; i < x.length; i++) {
            x[i] = (x[i] - inputMean[i % d]) / inputStd[i % d];
        }
    }

    /** Turns forecasts (…, O) in standardised units back into the targets' units, in place (not probabilities). */
    public void unscaleTargets(double[] y) {
        if (classifies()) {   // probabilities have no units
            return;
        }
        int o = targets.size();
        for (int i = 0; i < y.length; i++) {
            y[i] = y[i] * targetStd[i % o] + targetMean[i % o];
        }
    }

    /** The JSON the model file keeps. Numbers are written so that they read back bit for bit. */
    public String toJson() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("inputs", strings(inputs));
        m.put("input_mean", numbers(inputMean));
        m.put("input_std", numbers(inputStd));
        m.put("targets", strings(targets));
        m.put("target_mean", numbers(targetMean));
        m.put("target_std", numbers(targetStd));
        m.put("window", JsonValue.Num.of(window));
        m.put("horizon", JsonValue.Num.of(horizon));
        if (classifies()) {
            m.put("classes", strings(classes));
        }
        return JsonWriter.write(new JsonValue.Obj(m));
    }

    /**
     * The scaling an LSTM Lab model file's {@code metadata} records, if any; {@code file} names it in a refusal. Other
     * files' metadata (a PyTorch state_dict's) is not looked at.
     */
    public static java.util.Optional<SeriesScaling> of(String file, Map<String, String> metadata, int inputSize,
                                                       int outputSize) throws ModelFileException {
        if (!ModelFile.FORMAT.equals(metadata.get("format")) || !metadata.containsKey(KEY)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(parse(file, metadata.get(KEY), inputSize, outputSize));
    }

    /**
     * Reads the JSON of {@link #toJson} for a model of {@code inputSize} inputs and {@code outputSize} outputs;
     * anything else is refused naming the file.
     */
    static SeriesScaling parse(String file, String json, int inputSize, int outputSize) throws ModelFileException {
        Message malformed = Message.of("engine.model.series", Integer.toString(inputSize),
                Integer.toString(outputSize));
        try {
            if (JsonParser.parse(json) instanceof JsonValue.Obj o) {
                Map<String, JsonValue> m = o.members();
                SeriesScaling s = new SeriesScaling(strings(m.get("inputs")), numbers(m.get("input_mean")),
                        numbers(m.get("input_std")), strings(m.get("targets")), numbers(m.get("target_mean")),
                        numbers(m.get("target_std")), integer(m.get("window")), integer(m.get("horizon")),
                        m.containsKey("classes") ? strings(m.get("classes")) : List.of());
                if (s.inputs.size() == inputSize && s.outputs() == outputSize) {
                    return s;
                }
            }
        } catch (JsonException | IllegalArgumentException | ArithmeticException e) {
            throw new ModelFileException(file, malformed);
        }
        throw new ModelFileException(file, malformed);
    }

    private static JsonValue strings(List<String> items) {
        return new JsonValue.Arr(items.stream().map(s -> (JsonValue) new JsonValue.Str(s)).toList());
    }

    private static JsonValue numbers(double[] v) {
        List<JsonValue> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(JsonValue.Num.of(x));
        }
        return new JsonValue.Arr(out);
    }

    private static List<String> strings(JsonValue v) {
        List<String> out = new ArrayList<>();
        for (JsonValue e : array(v)) {
            out.add(e instanceof JsonValue.Str s ? s.value() : fail());
        }
        return out;
    }

    private static double[] numbers(JsonValue v) {
        List<JsonValue> a = array(v);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i) instanceof JsonValue.Num n ? n.doubleValue() : failNumber();
        }
        return out;
    }

    private static int integer(JsonValue v) {
        return v instanceof JsonValue.Num n ? Math.toIntExact(n.longValueExact()) : (int) failNumber();
    }

    private static List<JsonValue> array(JsonValue v) {
        if (v instanceof JsonValue.Arr a) {
            return a.elements();
        }
        throw new IllegalArgumentException("not an array");
    }

    private static String fail() {
        throw new IllegalArgumentException("not a string");
    }

    private static double failNumber() {
        throw new IllegalArgumentException("not a number");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesScaling s && inputs.equals(s.inputs) && targets.equals(s.targets)
                && java.util.Arrays.equals(inputMean, s.inputMean) && java.util.Arrays.equals(inputStd, s.inputStd)
                && java.util.Arrays.equals(targetMean, s.targetMean) && java.util.Arrays.equals(targetStd, s.targetStd)
                && window == s.window && horizon == s.horizon && classes.equals(s.classes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(inputs, targets, window, horizon, java.util.Arrays.hashCode(inputMean),
                java.util.Arrays.hashCode(targetMean));
    }
}
