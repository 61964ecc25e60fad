package org.lstmlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.lstmlab.engine.math.KernelWarmup;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.session.LearningProgress;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.engine.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: what the Compare tab runs, through the same {@link Comparison}, with the same defaults: a
 * SimpleRNN, a GRU and an LSTM trained at each sequence length, one JSON line per model as it finishes.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train a simple RNN, a GRU and an LSTM on the same task at several sequence lengths, as the "
                + "Compare tab does, and print one JSON line per model: cell, seq_len, val_accuracy (of the best "
                + "epoch), solved, seconds, units, parameters, the task's threshold and chance level, and warnings: "
                + "for a model that did not solve the task, the signs of the checkup that `train` prints (vanishing, "
                + "saturated, loss_flat, ...) and progress (what its score did: learning, levelled, stuck or "
                + "one_epoch). The defaults are the tab's. With --data, your CSV file at one length, its window: "
                + "val_mse for a forecast (val_accuracy for classes), chance the naive forecast's or the most "
                + "frequent class's. A .txt file is a text for the character model, compared at --seq-len characters "
                + "(default 32): val_cross_entropy in nats per character, chance the character frequencies' entropy. "
                + "--task charlm compares them on a bundled text at one --lengths value, the sonnets or, with --text "
                + "jabberwocky, Carroll's poem; each line then names the text.")
final class CompareCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Option(names = "--task", description = "adding (default), keras-example, temporal-order, copy, counting or "
            + "charlm (the character model on a bundled text, at one length: --lengths takes one value)")
    private String task;

    @Option(names = "--text", description = BundledTextOption.DESCRIPTION)
    private String text;

    @Option(names = "--lengths", split = ",", description = "sequence lengths, comma-separated (default: the "
            + "task's, 10,25,50,100 for adding)")
    private List<Integer> lengths;

    @Option(names = "--data", description = "your CSV file instead of a task, read as `train --data` reads it "
            + "(--columns, --target, --target-kind, --horizon, --encoding): every cell trains on the same windows "
            + "and is judged against the naive forecast or the most frequent class; or a .txt file, a text for the "
            + "character model (--encoding)")
    private java.nio.file.Path dataFile;

    @Option(names = "--seq-len", description = "with --data: the window length in rows, the one length a file is "
            + "compared at, 1 to " + UserData.MAX_WINDOW + " (default: " + UserData.DEFAULT_WINDOW + "); a text's "
            + "length in characters, " + CharLmTask.MIN_STEPS + " to " + CharLmTask.MAX_STEPS + " (default: "
            + CharLmTask.DEFAULT_STEPS + ")")
    private Integer seqLen;

    @Mixin private DataFileOptions dataOptions = new DataFileOptions();

    @Option(names = "--epochs", description = "epochs per model, 1 to 1000 (default: 5)")
    private Integer epochs;

    @Option(names = "--samples", description = "training samples per model, from 10 to all the task has (adding "
            + "12000, keras-example and copy 8000, temporal-order 6000, counting 3000); default: 6000, or all")
    private Integer samples;

    @Option(names = "--same", paramLabel = "units|parameters", description = "what the cells have alike: units "
            + "(the default: each has the task's default units, so the LSTM has about four times the simple RNN's "
            + "parameters) or parameters (the LSTM keeps the task's units; the GRU and the simple RNN get the units "
            + "whose parameter count, recurrent layer and head, comes closest to the LSTM's)")
    private String same;

    @Option(names = "--seed", description = "seed for data, weights and shuffling (default: 42)")
    private Long seed;

    @Option(names = "--threads", description = "worker threads per model (default: all cores); each batch is "
            + "split into as many shards, up to the cores")
    private Integer threads;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Comparison.Settings s = settings();
        Comparison comparison = new Comparison(s);
        // Each model's seconds on the same compiled kernels, as the app has them once its warm-up ended: without
        // this the first models trained ran beside the compiler on the plain loops, and on the sonnets at two epochs
        // the GRU, trained second, took 17 s against the LSTM's 5 s.
        KernelWarmup.await(Precision.FLOAT64, (long) (KernelWarmup.MAX_SECONDS * 1000));
        comparison.run(new Comparison.Listener() {
            @Override
            public void finished(Comparison.Point p) {
                out.println(Json.line(line(s.task(), p)));
                out.flush();
            }
        });
        return 0;
    }

    /** The settings: the tab's defaults for the task, with the options given. */
    Comparison.Settings settings() {
        BundledTextOption.refuseMisplaced(spec.commandLine().getParseResult(), dataFile != null, task);
        if (dataFile == null) {
            var parsed = spec.commandLine().getParseResult();
            UnusedOptions.refuse(parsed, List.of("--seq-len"), "applies to a data file (its window; a task is "
                    + "compared at --lengths)", "add --data FILE");
            dataOptions.refuseUnused(parsed, null, false);
        }
        Task t = dataFile != null ? fileTask() : text != null ? BundledTextOption.task(text)
                : OptionChecks.named("--task", () -> Tasks.byName(task == null ? Comparison.defaultTask().name()
                : task));
        if (!Comparison.comparable(t)) {
            throw new IllegalArgumentException("--task " + t.name() + " cannot be compared across lengths; "
                    + "choose one of " + String.join(", ", Comparison.comparableTasks().stream().map(Task::name)
                    .toList()));
        }
        int n = threads == null ? Comparison.defaultThreads()
                : OptionChecks.range("--threads", threads, 1, TrainingConfig.MAX_THREADS);
        Comparison.Settings d = Comparison.defaults(t, n);
        List<Integer> ls = dataFile != null ? List.of(t.defaultSteps())
                : lengths == null ? d.lengths() : new ArrayList<>(lengths);
        if (dataFile != null && UserData.isText(dataFile) && seqLen != null) {   // a text's length, not a window
            ls = List.of(OptionChecks.range("--seq-len", seqLen, t.minSteps(), t.maxSteps()));
        }
        OptionChecks.range("--lengths (how many)", ls.size(), 1, Comparison.MAX_LENGTHS);
        for (int len : ls) {
            OptionChecks.range("--lengths", len, t.minSteps(), t.maxSteps());
        }
        int e = epochs == null ? d.epochs() : OptionChecks.range("--epochs", epochs, 1, 1000);
        int k = samples == null ? d.samples() : OptionChecks.range("--samples", samples, 10, Comparison.MAX_SAMPLES);
        OptionChecks.named("--samples", () -> {
            Comparison.checkSamples(t, k);
            return k;
        });
        return new Comparison.Settings(t, ls, e, k, seed == null ? d.seed() : seed, n, sizing(same));
    }

    /** {@code --same}: units (also when absent) or parameters, else an error naming the option and its values. */
    static Comparison.Sizing sizing(String same) {
        if (same == null || same.equals("units")) {
            return Comparison.Sizing.UNITS;
        }
        if (same.equals("parameters")) {
            return Comparison.Sizing.PARAMETERS;
        }
        throw new IllegalArgumentException("--same must be units or parameters, got '" + same + "'");
    }

    /**
     * The user's CSV file as a task, read once (every model trains on its windows) with the data options; a file
     * with its own length and data refuses {@code --task} and {@code --lengths}, and a file that cannot be used is
     * refused with its line, field and reason (exit code 2).
     */
    private Task fileTask() {
        if (task != null || lengths != null) {
            throw new IllegalArgumentException("--data compares the cells on your file at one length, its window: "
                    + "leave out " + (task != null ? "--task" : "--lengths") + " (--seq-len sets the window)");
        }
        boolean text = UserData.isText(dataFile);   // as `train --data` reads it: a .txt file is a character model
        if (text) {   // a CSV file's options would be ignored: refused, as `train` refuses them
            dataOptions.refuseUnused(spec.commandLine().getParseResult(), dataFile, true);
        }
        int window = seqLen == null || text ? UserData.DEFAULT_WINDOW
                : OptionChecks.range("--seq-len", seqLen, 1, UserData.MAX_WINDOW);
        UserData.Request r = dataOptions.request(dataFile, text, window, 0.2);
        try {
            Task t = UserData.read(r).task();
            dataOptions.notes(spec.commandLine().getErr(), "lstm-lab: ", dataFile, t);   // JSON on stdout
            return t;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One model's line: the keys the issue asks for (and a bundled text's name), then the criterion's numbers. */
    static Map<String, Object> line(Task task, Comparison.Point p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", p.cell().displayName());
        m.put("seq_len", p.seqLen());
        if (task instanceof CharLmTask c && c.text() != null) {
            m.put("text", c.text());   // the bundled text, sonnets or jabberwocky: the numbers are this text's
        }
        m.put("val_accuracy", p.accuracy());   // null for a forecast of a file: its val_mse instead
        if (Double.isNaN(p.accuracy()) && p.best() != null) {
            m.put("val_mse", p.value());
        } else if (p.best() != null && p.best().score().metric() == TaskScore.Metric.CROSS_ENTROPY) {
            m.put("val_cross_entropy", p.value());   // a text's: nats per character, as `train` prints it
        }
        m.put("solved", p.solved());
        m.put("seconds", Math.round(p.seconds() * 100) / 100.0);
        m.put("units", p.units());   // the task's default, or matched to the LSTM's parameters (--same)
        m.put("parameters", p.parameters());
        if (p.best() != null) {
            m.put("best_epoch", p.best().epoch());
            m.put("threshold", p.best().score().threshold());
            m.put("chance", p.best().score().baselineValue());
        }
        if (p.halted()) {
            m.put("halted", true);
        }
        m.put("warnings", CheckupPrinter.names(p.signs()));
        CheckupPrinter.putProgress(m, p.halted() ? null : LearningProgress.kind(p.epochs()));
        return m;
    }
}
