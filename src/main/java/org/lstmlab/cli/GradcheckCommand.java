package org.lstmlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.lstmlab.engine.check.GradientCheck;
import org.lstmlab.engine.check.GradientCheckCase;
import org.lstmlab.engine.nn.CellType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gradcheck}: central finite differences against backpropagation through time, every parameter. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = "Check the backward pass against central finite differences (float64) for every parameter, "
                + "the input and the initial states; prints the worst relative error. Exit code 1 if it fails.")
final class GradcheckCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Option(names = "--cell", defaultValue = "lstm", description = "lstm, gru, gru-reset-before (Keras' reset_after=False), rnn (tanh) or rnn_relu; also the "
            + "tutorial's two mistakes, lstm-squashed-cell and lstm-tanh-input (default: ${DEFAULT-VALUE})")
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

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random weights and data (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--verbose", description = "print every parameter's worst element")
    private boolean verbose;

    @Override
    public Integer call() {
        CellType type = CellType.parse(cell);
        require(input >= 1 && hidden >= 1 && layers >= 1 && steps >= 1 && batch >= 1,
                "--input, --hidden, --layers, --steps and --batch must be at least 1");
        require((long) input * hidden * layers * steps * batch <= 200_000,
                "that case is too large to check element by element; use smaller sizes");
        PrintWriter out = spec.commandLine().getOut();
        GradientCheck.Report r = new GradientCheckCase(type, input, hidden, layers, steps, batch, seed).run();
        if (verbose) {
            for (GradientCheck.ParamResult p : r.params()) {
                out.printf(Locale.ROOT, "  %-14s %5d values  worst rel. error %.3e  (analytic %.6e, numeric %.6e)%s%n",
                        p.name(), p.size(), p.relativeError(), p.analytic(), p.numeric(),
                        p.failures() > 0 ? "  FAILED " + p.failures() : "");
            }
        }
        out.printf(Locale.ROOT, "gradcheck %s D=%d H=%d layers=%d T=%d B=%d: %d values, worst relative error %.3e (%s), %s%n",
                type.id(), input, hidden, layers, steps, batch, r.checked(), r.worstRelativeError(), r.worstParam(),
                r.passed() ? "PASSED" : "FAILED (" + r.failures() + " values off)");
        return r.passed() ? 0 : 1;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
