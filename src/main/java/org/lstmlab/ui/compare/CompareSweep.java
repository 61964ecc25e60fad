package org.lstmlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.train.Trainer;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.ui.common.TrainingThreads;

/**
 * Trains an RNN, a GRU and an LSTM at each of several sequence lengths on the same task (same data, seed and
 * settings), one model after another on a worker, and publishes the validation accuracy of each: the best of its
 * epochs, as early stopping would keep, so that one unlucky last step (an Adam spike) does not hide what a cell
 * can learn. Stop ends it between two steps.
 */
public final class CompareSweep {
    /** The cells compared, simplest first. */
    public static final List<CellType> CELLS = List.of(CellType.RNN_TANH, CellType.GRU, CellType.LSTM);

    private final Task task;
    private final List<Integer> lengths;
    private final int epochs;
    private final int maxSamples;
    private final long seed;
    private final AtomicReference<SweepSnapshot> latest = new AtomicReference<>(SweepSnapshot.EMPTY);
    private volatile boolean stopRequested;
    private Thread worker;

    /**
     * @param maxSamples training samples per model (the task's first ones), to keep a sweep to minutes
     */
    public CompareSweep(Task task, List<Integer> lengths, int epochs, int maxSamples, long seed) {
        if (lengths.isEmpty()) {
            throw new IllegalArgumentException("choose at least one sequence length");
        }
        for (int t : lengths) {
            if (t < task.minSteps() || t > task.maxSteps()) {
                throw new IllegalArgumentException(task.name() + " takes lengths from " + task.minSteps() + " to "
                        + task.maxSteps() + ", not " + t);
            }
        }
        this.task = task;
        this.lengths = List.copyOf(lengths);
        this.epochs = epochs;
        this.maxSamples = maxSamples;
        this.seed = seed;
    }

    public void start() {
        worker = TrainingThreads.start("lstmlab-compare", this::work);
    }

    public void stop() {
        stopRequested = true;
    }

    public SweepSnapshot latest() {
        return latest.get();
    }

    public boolean awaitEnd(long millis) throws InterruptedException {
        if (worker != null) {
            worker.join(millis);
        }
        return worker == null || !worker.isAlive();
    }

    private void work() {
        List<SweepPoint> points = new ArrayList<>();
        int total = lengths.size() * CELLS.size();
        try {
            for (int t : lengths) {
                Dataset full = task.generate(t, seed);
                Dataset data = new Dataset(full.name(), full.train().subList(0, Math.min(maxSamples,
                        full.train().size())), full.validation(), full.inputSize(), full.outputSize(), full.head(),
                        full.loss(), full.vocabulary());
                for (CellType cell : CELLS) {
                    if (stopRequested) {
                        latest.set(new SweepSnapshot(List.copyOf(points), total, null, 0, true, ""));
                        return;
                    }
                    latest.set(new SweepSnapshot(List.copyOf(points), total, cell, t, false, ""));
                    points.add(train(data, cell, t));
                }
            }
            latest.set(new SweepSnapshot(List.copyOf(points), total, null, 0, true, ""));
        } catch (RuntimeException e) {
            latest.set(new SweepSnapshot(List.copyOf(points), total, null, 0, true,
                    e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private SweepPoint train(Dataset data, CellType cell, int t) {
        TrainingConfig cfg = task.defaults().withEpochs(epochs).withSeed(seed)
                .withThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
        SequenceModel model = new SequenceModel(task.model(data, cell, task.defaultHidden(), 1));
        Initializers.initialize(model, cfg.init(), seed);
        SweepPoint best = null;
        try (Trainer trainer = new Trainer(model, data, cfg)) {
            while (!trainer.finished() && !stopRequested) {
                int epoch = trainer.epoch();
                trainer.step();
                if (trainer.epoch() != epoch || trainer.finished()) {
                    var val = trainer.evaluate(data.validation());
                    TaskScore score = task.score(val);
                    if (best == null || score.accuracy() > best.accuracy()) {
                        best = new SweepPoint(cell, t, score.accuracy(), score.solved(), val.loss());
                    }
                }
            }
            return best != null ? best : new SweepPoint(cell, t, 0, false, Double.NaN);
        } catch (org.lstmlab.engine.train.TrainingHaltedException e) {
            return new SweepPoint(cell, t, 0, false, Double.NaN);
        }
    }
}
