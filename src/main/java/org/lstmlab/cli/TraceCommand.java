package org.lstmlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.lstmlab.engine.interop.ImportedModel;
import org.lstmlab.engine.interop.SequenceFiles;
import org.lstmlab.engine.interop.TraceExport;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.text.Counted;
import org.lstmlab.engine.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trace}: every intermediate value of a model's forward (and backward) pass, to a file. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Write the whole trace of a model on sequences: every layer, step t (from 0), sequence b, "
                + "symbol (x, h_prev, gates, c, h, ...) and unit.",
                "The extension picks the format: .csv (layer,t,b,symbol,unit,value), .json, .safetensors (the names "
                        + "'forward' uses, plus trace.l<k>.<symbol>).",
                "--backward adds the backward pass of L = sum of the top layer's last h (the debugger's default).",
                "Padded sequences (a CSV column 'length', see predict): the backward pass starts at each one's "
                        + "length; .csv holds only the real steps, .json and .safetensors hold all T with 0 after "
                        + "the length and the lengths ('lengths')."})
final class TraceCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private ImportFlags model;

    @Option(names = "--input", required = true, paramLabel = "X", description = "as for predict")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = ".csv, .json or .safetensors")
    private Path out;

    @Option(names = "--window", paramLabel = "T", description = "read a CSV time series as every window of T steps")
    private Integer window;

    @Option(names = "--backward", description = "also record the backward pass")
    private boolean backward;

    @Option(names = "--limit", paramLabel = "N", description = "trace only the first N sequences of the input")
    private Integer limit;

    @Override
    public Integer call() throws IOException {
        model.refuseOverwriting("--out", out, input);
        String ext = out.getFileName().toString().replaceAll(".*\\.", "");
        if (!java.util.List.of("csv", "json", "safetensors").contains(ext)) {
            throw new IllegalArgumentException(out + ": a trace is written as .csv, .json or .safetensors");
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
        }
        ImportedModel m = model.open(model.options(), spec.commandLine().getErr());
        ModelSpec s = m.model().spec();
        SequenceFiles.Sequences x = SeriesInput.read(model.model, m, input, window, spec.commandLine().getErr(),
                false).x();
        if (m.embedding().isPresent() && x.lengths() != null
                && java.util.Arrays.stream(x.lengths()).anyMatch(n -> n < x.steps())) {
            throw new IllegalArgumentException(input + ": the model's Embedding has mask_zero=True and some sequences "
                    + "hold padding of id 0, whose steps Keras skips; trace runs every step as the file holds it, "
                    + "so trace sequences without id 0, or use predict, which skips the padding");
        }
        int batch = limit == null ? x.batch() : Math.min(limit, x.batch());
        TraceExport.check(s, batch, x.steps(), backward, out, n -> n > 0
                ? "trace fewer sequences, e.g. the first " + n + " with --limit " + n
                : "trace shorter sequences (with --window, a shorter window)");
        double[] xs = batch == x.batch() ? x.x()
                : java.util.Arrays.copyOf(x.x(), batch * x.steps() * x.size());
        int[] lengths = x.lengths() == null ? null : java.util.Arrays.copyOf(x.lengths(), batch);
        Trace tr = TraceExport.run(m.model(), xs, batch, x.steps(), lengths, backward);
        TraceExport.write(out, tr, lengths);
        PrintWriter w = spec.commandLine().getOut();
        w.println("wrote the " + (backward ? "forward and backward" : "forward") + " trace of "
                + Counted.of(batch, "sequence") + " × " + x.steps() + " steps to " + out
                + (lengths == null ? "" : "; padded, of lengths " + lengthsText(lengths) + ": " + (out.toString()
                .endsWith(".csv") ? "the rows stop at each one's length" : "0 after each one's length, and "
                + "'lengths' beside the values")));
        return 0;
    }

    /** The first lengths, and how many there are when more than ten. */
    private static String lengthsText(int[] lengths) {
        String first = java.util.Arrays.toString(java.util.Arrays.copyOf(lengths, Math.min(10, lengths.length)));
        return lengths.length <= 10 ? first : first.replace("]", ", …] (" + lengths.length + " in all)");
    }
}
