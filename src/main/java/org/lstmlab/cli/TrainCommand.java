package org.lstmlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.lstmlab.engine.interop.TrainingScripts;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.optim.OptimizerKind;
import org.lstmlab.engine.session.Checkup;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.session.GradientReach;
import org.lstmlab.engine.session.SessionObserver;
import org.lstmlab.engine.session.TrainingSession;
import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.engine.train.StepResult;
import org.lstmlab.engine.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains a built-in task or the user's file headlessly through a {@link TrainingSession}, Keras-style:
 * a progress bar, one line per epoch with the task's verdict, the model saved when asked, and a last line of JSON.
 * Every option is checked before anything is built; a value out of range is refused with the option's name.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on a built-in task or on your data (--data). Prints a progress bar, one line "
                + "per epoch with the task's verdict, the final verdict, a checkup (the warning signs of a model that "
                + "does not learn, with what to try and the lesson that explains each; for an unsolved run with none, "
                + "whether its score is still improving, levelling off or stuck) and, last, one JSON line: "
                + "task, cell, epochs, train_loss, val_loss, val_accuracy (tasks with an accuracy), metric, "
                + "metric_value, threshold, baseline, baseline_value, solved, seconds, warnings (the checkup's "
                + "signs: not_finite, clipped_mostly, gradient_spikes, weights_still, loss_rising, loss_flat, "
                + "no_better_than_baseline, few_units, saturated, vanishing, overfitting) and, for an unsolved run, "
                + "progress (learning, levelled, stuck or one_epoch). The model is saved only with --save.")
final class TrainCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Option(names = "--task", completionCandidates = TaskNames.class,
            description = "task: ${COMPLETION-CANDIDATES} (default: keras-example)")
    private String task;

    @Option(names = "--seq-len", description = "sequence length T, within the task's range (default: the "
            + "task's); for a CSV file (--data), the window length in rows (default: 24)")
    private Integer seqLen;

    @Option(names = "--data", description = "your data: a CSV time series, or a text file for --task charlm "
            + "(a .txt file implies charlm)")
    private Path dataFile;

    @Option(names = "--text", description = BundledTextOption.DESCRIPTION)
    private String text;

    @Mixin private DataFileOptions dataOptions = new DataFileOptions();

    @Option(names = "--val-split", defaultValue = "0.2",
            description = "with --data (a CSV file): the last fraction of windows used for validation (default: "
                    + "${DEFAULT-VALUE})")
    private double valSplit;

    @Option(names = "--cell", defaultValue = "lstm", description = "lstm, gru (PyTorch's, the reset gate after the "
            + "product), gru-reset-before (Cho et al. 2014, Keras' reset_after=False), rnn (tanh) or rnn_relu "
            + "(default: ${DEFAULT-VALUE})")
    private String cell;

    @Option(names = "--hidden", description = "hidden units H, 1 to " + TrainingSession.MAX_HIDDEN
            + " (default: the task's)")
    private Integer hidden;

    @Option(names = "--layers", defaultValue = "1", description = "stacked recurrent layers, 1 to "
            + TrainingSession.MAX_LAYERS + " (default: ${DEFAULT-VALUE})")
    private int layers;

    @Option(names = "--embedding", paramLabel = "DIM", description = "read the task's tokens through an embedding "
            + "table of DIM values per token, 1 to " + TrainingSession.MAX_EMBEDDING + ", nn.Embedding(V, DIM) before "
            + "the first layer, trained with the rest, instead of as one-hot vectors of V (default: one-hot). For "
            + "the tasks whose inputs are tokens: charlm (and a text file), reber, copy, counting, temporal-order, "
            + "sentiment, sentiment-zh; the saved model keeps the table, and predict and the debugger read "
            + "token ids")
    private Integer embedding;

    @Option(names = "--epochs", description = "epochs, 1 to " + TrainingConfig.MAX_EPOCHS + " (default: the task's)")
    private Integer epochs;

    @Option(names = "--batch", description = "batch size, 1 to " + TrainingConfig.MAX_BATCH
            + " (default: the task's)")
    private Integer batch;

    @Option(names = "--lr", description = "learning rate, a positive number (default: the task's)")
    private Double lr;

    @Option(names = "--optimizer", description = "adam, sgd or rmsprop (default: the task's)")
    private String optimizer;

    @Option(names = "--flavour", description = "keras or torch: whose optimizer defaults and weight "
            + "initialisation (default: keras)")
    private String flavour;

    @Option(names = "--clip", description = "clip the global gradient norm to this value, 0 for none "
            + "(default: the task's)")
    private Double clip;

    @Option(names = "--seed", defaultValue = "42",
            description = "seed for data, weights and shuffling (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--threads", description = "worker threads, 1 to " + TrainingConfig.MAX_THREADS + " (default: "
            + "all cores). Each batch is split into as many shards as threads, up to the cores; results are "
            + "bit-identical for the same seed and shard count")
    private Integer threads;

    @Option(names = "--dtype", defaultValue = "float64", description = "float64 (default) or float32: the training "
            + "precision; float32 (faster) computes the recurrent layers and the head's products in float32, the "
            + "weights, their gradients, the optimizer and the loss stay float64")
    private String dtype;

    @Option(names = "--save", description = "model file to write (default: the model is not saved)")
    private Path save;

    @Option(names = "--no-save", description = "do not save the model (the default; overrides --save)")
    private boolean noSave;

    @Option(names = "--save-run", description = "also write the run (weights, optimizer state, position, settings) "
            + "to this file at the end, to continue it later with --resume or the app's Files > Open run")
    private Path saveRun;

    @Option(names = "--save-code", paramLabel = "DIR", description = "write the run's data (data.npz: x_train, "
            + "y_train, x_val, y_val as this app feeds them, float64; sequences of several lengths zero-padded, with "
            + "lengths_train and lengths_val) and train_pytorch.py and train_keras.py, the Train tab's code with the "
            + "lines that load data.npz, into this folder before training")
    private Path saveCode;

    @Option(names = "--resume", description = "continue the run saved in this file (by --save-run or the app's Files "
            + "> Save run) with its own data and settings: a run saved before its end trains on to its last epoch")
    private Path resume;

    @Option(names = "--more-epochs", description = "with --resume: train this many epochs past the last epoch "
            + "the saved run was set to (a run saved at epoch 3 of 10 trains 7 + N), as calling Keras' fit again "
            + "on a finished run; the result is what a run set to that many more epochs gives")
    private Integer moreEpochs;

    @Option(names = "--epoch-json", description = "print each epoch as one JSON line (epoch, train_loss, "
            + "val_loss, the verdict's fields, seconds, weight_change: how far the epoch moved the weights, "
            + "||dw|| / ||w||) instead of the line for people")
    private boolean epochJson;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (resume == null) {
            UnusedOptions.refuse(spec.commandLine().getParseResult(), List.of("--more-epochs"),
                    "applies to a saved run", "add --resume FILE");
        }
        TrainingSession.Builder builder = resume != null
                ? ResumedRun.plan(resume, moreEpochs, threads, spec.commandLine().getParseResult()) : plan();
        Path target = noSave ? null : save;
        if (target != null) {
            ModelSaving.checkWritable(target, dataFile);
        }
        if (saveRun != null) {
            ModelSaving.checkWritable(saveRun, dataFile);
        }
        long start = System.nanoTime();
        try (TrainingSession session = builder.build()) {
            describe(out, session);
            if (resume != null) {
                out.printf(Locale.ROOT, "resumed %s at epoch %d%s of %d%n", resume.getFileName(), session.epoch() + 1,
                        session.batchIndex() == 0 ? "" : ", batch " + (session.batchIndex() + 1),
                        session.config().epochs());
            }
            if (dataFile != null && session.task().name().equals("charlm") && isTable(dataFile)) {
                out.println("note: " + dataFile.getFileName() + " is a table, and --task charlm reads it as text: "
                        + "the model learns to predict its characters (digits, commas), not to forecast its numbers; "
                        + "to forecast a column, leave out --task charlm (--target chooses the column)");
            }
            if (dataFile != null && resume == null) {
                dataOptions.notes(out, "", dataFile, session.task());
            }
            if (saveCode != null) {
                writeCode(out, session);
            }
            Checkup checkup = Checkup.of(session);
            session.run(new Printer(out, new Progress(err), epochJson, checkup));
            EpochReport last = session.lastEpoch();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (session.skippedSteps() > 0) {
                out.printf(Locale.ROOT, "%d steps were skipped because their loss, gradient or update was not "
                        + "finite%n", session.skippedSteps());
            }
            out.printf(Locale.ROOT, "%s: %s (%s; %s)%n", last.solved() ? "solved" : "not solved",
                    session.task().criterion(), Verdicts.measured(last.score()), Verdicts.criterion(last.score()));
            if (session.task() instanceof SeriesTask series) {
                Verdicts.inUnits(series.scaling(), last.score()).ifPresent(out::println);
            }
            if (target != null) {
                try {
                    session.snapshot().saveModel(target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                out.println("saved " + target);
            } else {
                out.println("not saved (use --save FILE to keep the model)");
            }
            if (saveRun != null) {
                try {
                    session.snapshot().saveCheckpoint(saveRun);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                out.println("saved the run to " + saveRun + " (--resume " + saveRun.getFileName()
                        + " --more-epochs N trains it further)");
            }
            List<Checkup.Finding> signs = checkup.findings(
                    GradientReach.layers(session.model(), GradientReach.batch(session.data())));
            CheckupPrinter.print(out, signs, checkup.progress(signs));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("task", session.task().name());
            json.put("cell", session.record().cell().id());
            json.put("dtype", session.config().precision().id());
            json.put("epochs", session.config().epochs());
            json.put("train_loss", last.trainLoss());
            json.put("val_loss", last.valLoss());
            json.putAll(Verdicts.fields(last.score()));
            json.put("seconds", Math.round(seconds * 100) / 100.0);
            json.put("warnings", CheckupPrinter.names(signs));
            CheckupPrinter.putProgress(json, checkup.progressKind());
            out.println(Json.line(json));
        }
        return 0;
    }

    /** Writes data.npz and the two scripts that train the session's model on it ({@code --save-code}). */
    private void writeCode(PrintWriter out, TrainingSession session) {
        for (Path file : TrainingScripts.files(saveCode)) {
            Outputs.notAnInput("--save-code", file, "the data file", dataFile);
        }
        try {
            for (Path p : TrainingScripts.write(saveCode, session.model().spec(), session.config(), session.data())) {
                out.println("wrote " + p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file named as a table of numbers (.csv, .tsv), which a character model would read as mere text. */
    static boolean isTable(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv");
    }

    /** Checks every option and chooses the session; nothing is built yet. */
    TrainingSession.Builder plan() {
        dataOptions.refuseUnused(spec.commandLine().getParseResult(), dataFile, dataFile != null && text(),
                "--val-split");
        CellType cellType = OptionChecks.named("--cell", () -> trainable(CellType.parse(cell)));
        OptionChecks.range("--layers", layers, 1, TrainingSession.MAX_LAYERS);
        if (hidden != null) {
            OptionChecks.range("--hidden", hidden, 1, TrainingSession.MAX_HIDDEN);
        }
        BundledTextOption.refuseMisplaced(spec.commandLine().getParseResult(), dataFile != null, task);
        Task t;
        UserData.Request request = null;
        if (dataFile == null) {
            t = text != null ? BundledTextOption.task(text)
                    : OptionChecks.named("--task", () -> Tasks.byName(task == null ? "keras-example" : task));
            if (seqLen != null) {
                OptionChecks.named("--seq-len", () -> {
                    TrainingSession.checkLength(t, seqLen);
                    return null;
                });
            }
        } else {
            request = userData();
            UserData.Request r = request;
            try {
                t = UserData.read(r).task();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (r.charLm() && seqLen != null) {
                OptionChecks.named("--seq-len", () -> {
                    TrainingSession.checkLength(t, seqLen);
                    return null;
                });
            }
        }
        if (embedding != null) {
            OptionChecks.range("--embedding", embedding, 1, TrainingSession.MAX_EMBEDDING);
            OptionChecks.named("--embedding", () -> {
                TrainingSession.checkEmbedding(t, embedding);
                return null;
            });
            if (saveCode != null) {
                throw new IllegalArgumentException("--save-code writes the code of a model that reads one-hot "
                        + "vectors, not of one with an embedding table: leave out --embedding or --save-code");
            }
        }
        TrainingConfig cfg = configure(t.defaults());
        Precision precision = OptionChecks.named("--dtype", () -> Precision.parse(dtype));
        TrainingSession.Builder b = TrainingSession.builder(t).cell(cellType).layers(layers).config(cfg)
                .precision(precision)
                .userData(request);
        if (hidden != null) {
            b.hidden(hidden);
        }
        if (embedding != null) {
            b.embedding(embedding);
        }
        if (seqLen != null && (request == null || request.charLm())) {
            b.seqLen(seqLen);
        }
        return b;
    }

    /**
     * Refuses the two cells that reproduce a tutorial's mistake: they exist for the lessons that put them beside the
     * correct cell, never as an architecture to train and save.
     */
    static CellType trainable(CellType c) {
        if (c.isTutorialMistake()) {
            String lesson = c == CellType.LSTM_SQUASHED_CELL ? "squashed-cell" : "tanh-input-gate";
            throw new IllegalArgumentException(c.id() + " is a tutorial's mistake, not an architecture to train; "
                    + "the lesson " + lesson + " shows it beside the correct LSTM (lessons --show --lesson " + lesson
                    + ", or the Learn tab). Choose lstm, gru, gru-reset-before, rnn or rnn_relu");
        }
        return c;
    }

    /** Whether {@code --data} is read as text for the character model (else as a CSV series). */
    private boolean text() {
        return "charlm".equals(task) || task == null && UserData.isText(dataFile);
    }

    private UserData.Request userData() {
        boolean text = text();
        if (task != null && !text) {
            throw new IllegalArgumentException("--data works with --task charlm (a text file) or without --task "
                    + "(a CSV series); the built-in task " + task + " makes its own data");
        }
        int window = UserData.DEFAULT_WINDOW;
        if (seqLen != null && !text) {
            window = OptionChecks.range("--seq-len", seqLen, 1, UserData.MAX_WINDOW);
        }
        return dataOptions.request(dataFile, text, window, valSplit);
    }

    private TrainingConfig configure(TrainingConfig base) {
        TrainingConfig.Builder b = base.toBuilder().seed(seed).threads(OptionChecks.range("--threads",
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), 1,
                TrainingConfig.MAX_THREADS));
        if (epochs != null) {
            b.epochs(OptionChecks.range("--epochs", epochs, 1, TrainingConfig.MAX_EPOCHS));
        }
        if (batch != null) {
            b.batchSize(OptionChecks.range("--batch", batch, 1, TrainingConfig.MAX_BATCH));
        }
        if (lr != null) {
            b.learningRate(OptionChecks.positive("--lr", lr));
        }
        if (clip != null) {
            b.clipNorm(OptionChecks.nonNegative("--clip", clip));
        }
        if (flavour != null) {
            b.flavour(switch (flavour.toLowerCase(Locale.ROOT)) {
                case "keras" -> Flavour.KERAS;
                case "torch", "pytorch" -> Flavour.TORCH;
                default -> throw new IllegalArgumentException("--flavour must be keras or torch, got " + flavour);
            });
        }
        if (optimizer != null) {
            b.optimizer(OptionChecks.named("--optimizer", () -> OptimizerKind.parse(optimizer)));
        }
        return b.build();
    }

    private static void describe(PrintWriter out, TrainingSession s) {
        ModelSpec m = s.model().spec();
        out.printf(Locale.ROOT, "%s: %s%n", s.task().name(), s.task().description());
        var table = s.model().embedding();
        out.printf(Locale.ROOT, "model: %s%s(%d) x%d -> Dense(%d, %s), %s, %s products; %d train / %d validation "
                + "sequences%n", table == null ? "" : "Embedding(" + table.vocabulary() + ", " + table.size()
                + ") -> ", m.cell().id(), m.hiddenSize(), m.numLayers(), m.outputSize(),
                m.loss().activation().kerasName(), s.trainer().optimizer().describe(), s.config().precision().id(),
                s.data().train().size(), s.data().validation().size());
    }

    /** Prints the progress bar after each step and a line per epoch. */
    private static final class Printer implements SessionObserver {
        private final PrintWriter out;
        private final Progress progress;
        private final boolean json;
        private final Checkup checkup;
        private double sum;
        private long count;

        Printer(PrintWriter out, Progress progress, boolean json, Checkup checkup) {
            this.out = out;
            this.progress = progress;
            this.json = json;
            this.checkup = checkup;
        }

        @Override
        public void onStep(TrainingSession s, StepResult r) {
            checkup.record(r);
            if (!r.skipped()) {
                sum += r.loss() * r.samples();
                count += r.samples();
            }
            progress.update(r.epoch() + 1, s.config().epochs(), r.batch() + 1, s.batchesPerEpoch(),
                    count == 0 ? Double.NaN : sum / count);
        }

        @Override
        public void onEpoch(TrainingSession s, EpochReport e) {
            checkup.record(e);
            sum = 0;
            count = 0;
            progress.clear();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("epoch", e.epoch());
                m.put("train_loss", e.trainLoss());
                m.put("val_loss", e.valLoss());
                m.putAll(Verdicts.fields(e.score()));
                m.put("seconds", Math.round(e.seconds() * 100) / 100.0);
                m.put("weight_change", e.weightChange());
                out.println(Json.line(m));
            } else {
                out.printf(Locale.ROOT, "epoch %d/%d - %.1fs - loss %.4f - val_loss %.4f - %s%n", e.epoch(),
                        s.config().epochs(), e.seconds(), e.trainLoss(), e.valLoss(), Verdicts.epochText(e.score()));
            }
            out.flush();
        }
    }
}
