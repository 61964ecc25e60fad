package org.lstmlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.lstmlab.engine.interop.ImportedModel;
import org.lstmlab.engine.interop.Predictor;
import org.lstmlab.engine.interop.SequenceFiles;
import org.lstmlab.engine.io.SeriesScaling;
import org.lstmlab.engine.nn.ModelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code predict}: runs a saved model of any supported format on sequences from a file. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Run a model on sequences and write what its head outputs, activation included.",
                "An LSTM Lab model predicts as it was trained (last step or every step). A file without LSTM Lab "
                        + "metadata predicts the head's raw outputs at every step, (B, T, O), or the top layer's "
                        + "hidden states without a head; what was assumed is said once on stderr.",
                "A model trained on a CSV series, run on a CSV time series, writes a .csv of one row per window: "
                        + "'row', the row of the input file the forecast is for as a spreadsheet numbers it (the "
                        + "header is row 1; a row past the file's end is a forecast beyond it), then the file's first "
                        + "column at that row when it is text the model does not read (a date), then "
                        + "'<target>_predicted' for each target (or '<target>_<class>_probability' for each class)."})
final class PredictCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private ImportFlags model;

    @Option(names = "--input", required = true, paramLabel = "X",
            description = ".safetensors (tensor 'input', (B, T, D)), .npy / .npz ((B, T, D) or (T, D)) or .csv "
                    + "(a header, then one sequence per row, or with --window a time series of one row per step; for a "
                    + "model trained on a CSV series, its columns picked by name; for a model that starts with an "
                    + "embedding, token ids: (B, T) arrays or a CSV of one sequence of ids per row). Padded "
                    + "sequences: a CSV column named 'length' gives each row's real steps (1 to T, as "
                    + "pack_padded_sequence's lengths); a last-step model reads h at that step, the padding after it "
                    + "(any numbers, e.g. 0) is not read")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "Y",
            description = ".safetensors (tensor 'prediction'), .npy, .npz or .csv")
    private Path out;

    @Option(names = "--window", paramLabel = "T", description = "read a CSV time series as every window of T steps")
    private Integer window;

    @Option(names = "--batch-size", paramLabel = "N", description = "sequences predicted at a time (default: as "
            + "many as fit in 64 MiB); the numbers do not depend on it, the memory used does")
    private Integer batchSize;

    /**
     * The columns of a CSV forecast of {@code sc}'s targets for the windows at {@code rows}: the row each is for, the
     * file's first column there when it is text, the targets named; null when the input was no CSV time series.
     */
    private static SequenceFiles.CsvColumns columns(SeriesScaling sc, SequenceFiles.WindowRows rows) {
        if (rows == null) {
            return null;
        }
        int after = sc.classifies() ? 0 : sc.horizon();     // a class is that of a window's last row
        List<String> keys = rows.label() == null ? List.of("row") : List.of("row", rows.label());
        List<String> values = sc.classifies()
                ? sc.classes().stream().map(c -> sc.targets().get(0) + "_" + c + "_probability").toList()
                : sc.targets().stream().map(t -> t + "_predicted").toList();
        return new SequenceFiles.CsvColumns(keys, s -> rows.label() == null
                ? List.of(Long.toString(rows.line(s, after)))
                : List.of(Long.toString(rows.line(s, after)), rows.label(s, after)), values);
    }

    @Override
    public Integer call() throws IOException {
        model.refuseOverwriting("--out", out, input);
        SequenceFiles.checkOutput(out);
        if (window != null && window < 1) {
            throw new IllegalArgumentException("--window must be at least 1, got " + window);
        }
        if (batchSize != null && batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        PrintWriter err = spec.commandLine().getErr();
        ImportedModel m = model.open(model.options(), err);
        ModelSpec s = m.model().spec();
        SeriesInput in = SeriesInput.read(model.model, m, input, window, err, true);
        SequenceFiles.Sequences x = in.x();
        if (x.lengths() != null && m.embedding().isEmpty()) {
            if (s.head() != org.lstmlab.engine.nn.HeadMode.LAST) {
                throw new IllegalArgumentException(input + ": the column 'length' gives padded sequences' lengths, "
                        + "which only a model that reads the last step takes; this model predicts every step: "
                        + "leave the column out");
            }
            err.println("lstm-lab: note: each sequence's length is read from the column 'length'; the prediction "
                    + "is the head on h at that step, and the padding after it is not read");
        }
        Optional<SeriesScaling> series = in.series();
        int per = batchSize != null ? Math.min(batchSize, x.batch()) : Predictor.batchSize(s, x.batch(), x.steps());
        int[] shape = Predictor.shape(s, x.batch(), x.steps());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source", "lstm-lab predict --model " + model.model.getFileName());
        meta.put("model_kind", m.kind());
        meta.put("activation", s.loss().activation().kerasName());
        Optional<PredictedClasses> named = series.filter(SeriesScaling::classifies)
                .map(sc -> new PredictedClasses(sc.classes()));
        named.ifPresent(c -> meta.put("classes", String.join(",", c.names())));
        SequenceFiles.write(out, shape, meta, series.map(sc -> columns(sc, x.windows())).orElse(null),
                sink -> Predictor.predict(m.model(), x.x(), x.batch(), x.steps(), x.lengths(), per, y -> {
                    series.ifPresent(sc -> sc.unscaleTargets(y));
                    named.ifPresent(c -> c.accept(y));
                    sink.accept(y);
                }));
        PrintWriter w = spec.commandLine().getOut();
        named.ifPresent(c -> c.print(w));
        w.println("wrote prediction " + java.util.Arrays.toString(shape) + " to " + out);
        return 0;
    }
}
