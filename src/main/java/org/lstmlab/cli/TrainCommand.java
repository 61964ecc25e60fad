package org.lstmlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.lstmlab.engine.data.CsvSeries;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.StepResult;
import org.lstmlab.engine.train.Trainer;
import org.lstmlab.engine.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains a built-in task headlessly, Keras-style: a progress bar, one line per epoch, the model
 * saved, and a last line of JSON metrics.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on a built-in task or on your data (--data) and save it. Prints a progress bar, "
                + "one line per epoch and, last, one JSON line: task, cell, epochs, train_loss, val_loss, "
                + "val_accuracy, solved, seconds.")
final class TrainCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Option(names = "--task", description = "task: keras-example (default), adding, reber, temporal-order, copy, "
            + "counting, sine, sentiment, charlm")
    private String task;

    @Option(names = "--seq-len", defaultValue = "0",
            description = "sequence length T (default: the task's); for --data, the window length")
    private int seqLen;

    @Option(names = "--data", description = "your data: a CSV time series, or a text file for --task charlm "
            + "(a .txt file implies charlm)")
    private Path dataFile;

    @Option(names = "--columns", split = ",", description = "CSV input columns, by name or 1-based number (default: all)")
    private java.util.List<String> columns = java.util.List.of();

    @Option(names = "--target", split = ",",
            description = "CSV column(s) to forecast (default: the last input column)")
    private java.util.List<String> targets = java.util.List.of();

    @Option(names = "--horizon", defaultValue = "1", description = "forecast this many rows after the window "
            + "(default: ${DEFAULT-VALUE})")
    private int horizon;

    @Option(names = "--val-split", defaultValue = "0.2",
            description = "CSV: the last fraction of windows used for validation (default: ${DEFAULT-VALUE})")
    private double valSplit;

    @Option(names = "--encoding", description = "encoding of --data: utf-8, utf-16le, utf-16be, gbk, gb18030 "
            + "(default: detected from the BOM, else UTF-8, else GB18030)")
    private String encoding;

    @Option(names = "--cell", defaultValue = "lstm", description = "lstm, gru or rnn (default: ${DEFAULT-VALUE})")
    private String cell;

    @Option(names = "--hidden", defaultValue = "0", description = "hidden units H (default: the task's)")
    private int hidden;

    @Option(names = "--layers", defaultValue = "1", description = "stacked recurrent layers (default: ${DEFAULT-VALUE})")
    private int layers;

    @Option(names = "--epochs", description = "epochs (default: the task's)")
    private Integer epochs;

    @Option(names = "--batch", description = "batch size (default: the task's)")
    private Integer batch;

    @Option(names = "--lr", description = "learning rate (default: the task's)")
    private Double lr;

    @Option(names = "--optimizer", description = "adam, sgd or rmsprop (default: the task's)")
    private String optimizer;

    @Option(names = "--flavour", description = "keras or torch: whose optimizer defaults and initialisation")
    private String flavour;

    @Option(names = "--clip", description = "clip the global gradient norm to this value (default: the task's)")
    private Double clip;

    @Option(names = "--seed", defaultValue = "42", description = "seed for data, weights and shuffling (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--threads", description = "worker threads (default: all cores); results do not depend on it")
    private Integer threads;

    @Option(names = "--dtype", defaultValue = "float64", description = "float64 (default) or float32: the precision "
            + "of the matrix products; float32 is faster, everything else stays float64")
    private String dtype;

    @Option(names = "--save", description = "model file to write (default: <task>-<cell>.safetensors)")
    private Path save;

    @Option(names = "--no-save", description = "do not save the model")
    private boolean noSave;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Task t = dataFile == null ? Tasks.byName(task == null ? "keras-example" : task) : UserData.task(dataFile, task,
                new CsvSeries.Options(columns, targets, seqLen > 0 ? seqLen : 24, horizon, valSplit,
                        UserData.charset(encoding)));
        CellType cellType = CellType.parse(cell);
        Precision precision = Precision.parse(dtype);
        TrainingConfig cfg = configure(t.defaults());
        int units = hidden > 0 ? hidden : t.defaultHidden();
        if (layers < 1) {
            throw new IllegalArgumentException("--layers must be at least 1, got " + layers);
        }
        Path target = noSave ? null : save != null ? save : Path.of(t.name() + "-" + cellType.id() + ".safetensors");
        if (target != null) {
            ModelSaving.checkWritable(target);
        }

        long start = System.nanoTime();
        Dataset data = t.generate(seqLen, seed);
        ModelSpec modelSpec = t.model(data, cellType, units, layers);
        SequenceModel model = new SequenceModel(modelSpec);
        Initializers.initialize(model, cfg.init(), cfg.seed());
        model.setPrecision(precision);
        out.printf(Locale.ROOT, "%s: %s%n", t.name(), t.description());
        out.printf(Locale.ROOT, "model: %s(%d) x%d -> Dense(%d, %s), %s; %d train / %d validation sequences%n",
                cellType.id(), units, layers, modelSpec.outputSize(),
                modelSpec.loss().activation().kerasName(), cfg.newOptimizer().describe(), data.train().size(),
                data.validation().size());
        Progress progress = new Progress(err);
        double trainLoss = Double.NaN;
        Evaluation val = null;
        TaskScore score = null;
        try (Trainer trainer = new Trainer(model, data, cfg)) {
            for (int e = 0; e < cfg.epochs(); e++) {
                double sum = 0;
                int count = 0;
                long epochStart = System.nanoTime();
                int batches = trainer.batchesPerEpoch();
                for (int b = 0; b < batches; b++) {
                    StepResult r = trainer.step();
                    if (!r.skipped()) {
                        sum += r.loss() * r.samples();
                        count += r.samples();
                    }
                    progress.update(e + 1, cfg.epochs(), b + 1, batches, count == 0 ? Double.NaN : sum / count);
                }
                trainLoss = count == 0 ? Double.NaN : sum / count;
                val = trainer.evaluate(data.validation());
                score = t.score(val);
                progress.clear();
                out.printf(Locale.ROOT, "epoch %d/%d - %.1fs - loss %.4f - val_loss %.4f%s%n", e + 1, cfg.epochs(),
                        (System.nanoTime() - epochStart) / 1e9, trainLoss, val.loss(),
                        Double.isNaN(score.accuracy()) ? "" : String.format(Locale.ROOT, " - val_accuracy %.4f",
                                score.accuracy()));
            }
            if (trainer.skippedSteps() > 0) {
                out.printf(Locale.ROOT, "%d steps were skipped because their loss or gradient was not finite%n",
                        trainer.skippedSteps());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%s (%s): %s%n", score.solved() ? "solved" : "not solved", t.criterion(),
                Double.isNaN(score.accuracy()) ? "" : String.format(Locale.ROOT, "accuracy %.4f", score.accuracy()));
        if (target != null) {
            ModelSaving.save(target, model, cfg, t.name(), data.vocabulary());
            out.println("saved " + target);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task", t.name());
        json.put("cell", cellType.id());
        json.put("dtype", precision.id());
        json.put("epochs", cfg.epochs());
        json.put("train_loss", trainLoss);
        json.put("val_loss", val.loss());
        if (!Double.isNaN(score.accuracy())) {
            json.put("val_accuracy", score.accuracy());
        }
        json.put("solved", score.solved());
        json.put("seconds", Math.round(seconds * 100) / 100.0);
        out.println(Json.line(json));
        return 0;
    }

    private TrainingConfig configure(TrainingConfig base) {
        TrainingConfig cfg = base.withSeed(seed)
                .withThreads(threads != null ? threads : Runtime.getRuntime().availableProcessors());
        if (epochs != null) {
            cfg = cfg.withEpochs(epochs);
        }
        if (batch != null) {
            cfg = cfg.withBatchSize(batch);
        }
        if (lr != null) {
            cfg = cfg.withLearningRate(lr);
        }
        if (clip != null) {
            cfg = cfg.withClipNorm(clip);
        }
        Flavour f = cfg.flavour();
        if (flavour != null) {
            f = switch (flavour.toLowerCase(Locale.ROOT)) {
                case "keras" -> Flavour.KERAS;
                case "torch", "pytorch" -> Flavour.TORCH;
                default -> throw new IllegalArgumentException("--flavour must be keras or torch, got " + flavour);
            };
            cfg = cfg.withInit(f == Flavour.KERAS ? Initializers.Scheme.KERAS : Initializers.Scheme.TORCH);
        }
        cfg = cfg.withOptimizer(optimizer != null ? optimizer : cfg.optimizer(), f);
        return cfg;
    }
}
