package org.lstmlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.lstmlab.engine.check.GradientCheck;
import org.lstmlab.engine.check.GradientCheckCase;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.ModelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gradcheck}: central finite differences against backpropagation through time, every parameter. The work
 * (two forward passes per checked value) is computed from the sizes first and refused above
 * {@value #MAX_WORK} multiply-adds, so a check ends within seconds; on a terminal, progress and the time left
 * are shown on stderr.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = "Check the backward pass against central finite differences (float64) for every parameter, "
                + "the input and the initial states; prints the worst relative error. Exit code 1 if it fails. "
                + "Sizes whose check would take more than 1e9 multiply-adds (a few seconds on a quiet machine) are "
                + "refused.")
final class GradcheckCommand implements Callable<Integer> {
    /** Most multiply-adds a check may take: 1e9, a few seconds on one core of a quiet machine. */
    static final long MAX_WORK = 1_000_000_000L;

    @Spec private CommandSpec spec;

    @Option(names = "--cell", defaultValue = "lstm", description = "lstm, gru, gru-reset-before (Keras' "
            + "reset_after=False), rnn (tanh) or rnn_relu; also the tutorial's two mistakes, lstm-squashed-cell and "
            + "lstm-tanh-input (default: ${DEFAULT-VALUE})")
    private String cell;

    @Option(names = "--input", defaultValue = "3", description = "input size D (default: ${DEFAULT-VALUE})")
    private int input;

    @Option(names = "--hidden", defaultValue = "4", description = "hidden size H (default: ${DEFAULT-VALUE})")
    private int hidden;

    @Option(names = "--layers", defaultValue = "2", description = "stacked layers (default: ${DEFAULT-VALUE})")
    private int layers;

    @Option(names = "--steps", defaultValue = "5", description = "sequence length T (default: ${DEFAULT-VALUE})")
    private int steps;

    @Option(names = "--batch", defaultValue = "2", description = "sequences B (default: ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--seed", defaultValue = "1",
            description = "seed of the random weights and data (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--verbose", description = "print every parameter's worst element")
    private boolean verbose;

    @Override
    public Integer call() {
        CellType type;
        try {
            type = CellType.parse(cell);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cell " + cell + ": " + e.getMessage());
        }
        range("--input", input, ModelSpec.MAX_UNITS);
        range("--hidden", hidden, ModelSpec.MAX_UNITS);
        range("--layers", layers, ModelSpec.MAX_LAYERS);
        range("--steps", steps, Integer.MAX_VALUE);
        range("--batch", batch, Integer.MAX_VALUE);
        long values = GradientCheckCase.values(type, input, hidden, layers, steps, batch);
        long work = GradientCheckCase.work(type, input, hidden, layers, steps, batch);
        if (work > MAX_WORK) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--input %d --hidden %d --layers %d "
                    + "--steps %d --batch %d: checking %d values would take about %.1e multiply-adds, more than the "
                    + "limit of %.0e; use smaller sizes", input, hidden, layers, steps, batch, values, (double) work,
                    (double) MAX_WORK));
        }
        PrintWriter out = spec.commandLine().getOut();
        CheckProgress progress = new CheckProgress(spec.commandLine().getErr(), values);
        GradientCheck.Report r = new GradientCheckCase(type, input, hidden, layers, steps, batch, seed).run(progress);
        progress.clear();
        if (verbose) {
            for (GradientCheck.ParamResult p : r.params()) {
                out.printf(Locale.ROOT, "  %-14s %5d values  worst rel. error %.3e  (analytic %.6e, numeric %.6e)%s%n",
                        p.name(), p.size(), p.relativeError(), p.analytic(), p.numeric(),
                        p.failures() > 0 ? "  FAILED " + p.failures() : "");
            }
        }
        out.printf(Locale.ROOT, "gradcheck %s D=%d H=%d layers=%d T=%d B=%d: %d values, "
                + "worst relative error %.3e (%s), %s%n",
                type.id(), input, hidden, layers, steps, batch, r.checked(), r.worstRelativeError(), r.worstParam(),
                r.passed() ? "PASSED" : "FAILED (" + r.failures() + " values off)");
        return r.passed() ? 0 : 1;
    }

    private static void range(String option, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(option + " " + value + " is outside 1.." + max);
        }
    }

    /** "gradcheck: 1200/5000 values, about 12 s left" on a terminal, redrawn at most twice a second. */
    private static final class CheckProgress implements java.util.function.LongConsumer {
        private final PrintWriter err;
        private final long total;
        private final boolean interactive = System.console() != null;
        private final long start = System.nanoTime();
        private long lastDraw = start;
        private boolean drawn;

        CheckProgress(PrintWriter err, long total) {
            this.err = err;
            this.total = total;
        }

        @Override
        public void accept(long done) {
            long now = System.nanoTime();
            if (!interactive || now - lastDraw < 500_000_000L) {
                return;
            }
            lastDraw = now;
            double left = (now - start) / 1e9 * (total - done) / Math.max(1, done);
            err.printf(Locale.ROOT, "\rgradcheck: %d/%d values, about %.0f s left   ", done, total, left);
            err.flush();
            drawn = true;
        }

        void clear() {
            if (drawn) {
                err.print("\r" + " ".repeat(60) + "\r");
                err.flush();
            }
        }
    }
}
