package org.lstmlab.engine.session;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.text.NameList;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.engine.train.TrainingHaltedException;

/**
 * A SimpleRNN, a GRU and an LSTM trained on the same task at each of several sequence lengths, with the same data,
 * seed and settings, one {@link TrainingSession} after another: what the Compare tab draws and the {@code compare}
 * command prints. Each model's score is that of its best epoch, as early stopping would keep, so that one unlucky
 * last step (an Adam spike) does not hide what a cell can learn.
 */
public final class Comparison {
    /** The cells compared, simplest first. */
    public static final List<CellType> CELLS = List.of(CellType.RNN_TANH, CellType.GRU, CellType.LSTM);
    /** The most training samples a model may be given. */
    public static final int MAX_SAMPLES = 1_000_000;
    /** The most lengths one comparison may sweep. */
    public static final int MAX_LENGTHS = 20;

    /**
     * What the cells are made alike in. The literature compares cells at about equal parameter counts (Chung et al.
     * 2014): at the same units an LSTM has about four times a simple RNN's weights, so that a simple RNN that fails
     * might only be too small.
     */
    public enum Sizing {
        /** Every cell has the task's default units (the LSTM then has the most parameters). */
        UNITS,
        /**
         * The LSTM has the task's default units; the GRU and the simple RNN the units whose parameter count (recurrent
         * layer and head) comes closest to the LSTM's ({@link #matchedUnits}).
         */
        PARAMETERS
    }

    /**
     * What to compare.
     *
     * @param task    a task whose length can change and whose verdict is an accuracy, or the user's file
     *                ({@link #ofFile})
     * @param lengths the sequence lengths, each within the task's range (one given twice counts once)
     * @param epochs  epochs per model
     * @param samples training samples per model (the task's first ones): at most {@link #maxSamples}
     * @param seed    seeds the data, the weights and the shuffling
     * @param threads worker threads per model (the shard count follows them)
     * @param sizing  what the cells have alike: their units or their parameter counts
     */
    public record Settings(Task task, List<Integer> lengths, int epochs, int samples, long seed, int threads,
                           Sizing sizing) {
        /** Settings whose cells all have the task's default units. */
        public Settings(Task task, List<Integer> lengths, int epochs, int samples, long seed, int threads) {
            this(task, lengths, epochs, samples, seed, threads, Sizing.UNITS);
        }

        public Settings {
            java.util.Objects.requireNonNull(sizing, "sizing");
            lengths = List.copyOf(new java.util.LinkedHashSet<>(lengths));   // a length given twice is trained once
            if (!comparable(task)) {
                throw Refusal.of("engine.compare.notComparable", task.title(), NameList.of(
                        comparableTasks().stream().map(Task::name).toList()));
            }
            if (lengths.isEmpty() || lengths.size() > MAX_LENGTHS) {
                throw Refusal.of("engine.compare.lengthCount", Integer.toString(MAX_LENGTHS),
                        Integer.toString(lengths.size()));
            }
            for (int t : lengths) {
                if (t < task.minSteps() || t > task.maxSteps()) {
                    throw Refusal.of("engine.compare.length", task.title(), Integer.toString(task.minSteps()),
                            Integer.toString(task.maxSteps()), Integer.toString(t));
                }
            }
            // its chart is of epochs, one line per cell; checked after the range, so that a length outside a
            // file's one window (5 to 5) is named as out of range
            if (atOneLength(task) && lengths.size() > 1) {
                throw Refusal.of("engine.compare.oneLength", task.title(), Integer.toString(task.minSteps()),
                        Integer.toString(task.maxSteps()), Integer.toString(lengths.size()));
            }
            if (epochs < 1 || epochs > 1000) {
                throw Refusal.of("engine.compare.epochs", "1", "1000", Integer.toString(epochs));
            }
            if (samples < 10 || samples > MAX_SAMPLES) {
                throw Refusal.of("engine.compare.samples", "10", Integer.toString(MAX_SAMPLES),
                        Integer.toString(samples));
            }
            checkSamples(task, samples);
            if (threads < 1 || threads > TrainingConfig.MAX_THREADS) {
                throw Refusal.of("engine.compare.threads", "1", Integer.toString(TrainingConfig.MAX_THREADS),
                        Integer.toString(threads));
            }
        }

        /** Models in the comparison: one per cell and length. */
        public int models() {
            return lengths.size() * CELLS.size();
        }
    }

    /**
     * The defaults the Compare tab opens with and the {@code compare} command uses: on the adding problem, lengths
     * from 10 to 100 where the SimpleRNN fails from T = 25 on and the LSTM and GRU solve every one, in about two
     * minutes on a 2-core laptop. Other tasks get lengths spread over their range with the same budget (6,000
     * samples, or all a task has when it has fewer).
     */
    public static Settings defaults(Task task, int threads) {
        if (atOneLength(task)) {   // a CSV file's one length is its window; a text's, the character model's default
            return new Settings(task, List.of(task.defaultSteps()), 5, Math.min(6000, maxSamples(task)), 42,
                    threads);
        }
        if (task.name().equals("adding")) {
            return new Settings(task, List.of(10, 25, 50, 100), 5, Math.min(6000, maxSamples(task)), 42, threads);
        }
        int lo = Math.max(task.minSteps(), Math.min(task.defaultSteps(), 10));
        int hi = Math.min(task.maxSteps(), Math.max(lo, 4 * Math.max(task.defaultSteps(), lo)));
        List<Integer> lengths = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            int t = (int) Math.round(lo * Math.pow((double) hi / lo, k / 3.0));
            if (!lengths.contains(t)) {
                lengths.add(t);
            }
        }
        return new Settings(task, lengths, 5, Math.min(6000, maxSamples(task)), 42, threads);
    }

    /**
     * The most training samples a model of {@code task} may be given: all the task generates (a model trains on
     * the first {@code samples} of them), at most {@link #MAX_SAMPLES}.
     */
    public static int maxSamples(Task task) {
        return task.trainSize() > 0 ? Math.min(task.trainSize(), MAX_SAMPLES) : MAX_SAMPLES;
    }

    /** Refuses more samples than {@link #maxSamples}, saying how many the task has. */
    public static void checkSamples(Task task, int samples) {
        if (samples > maxSamples(task)) {
            throw Refusal.of("engine.compare.samplesOfTask", task.title(), Integer.toString(maxSamples(task)),
                    Integer.toString(samples));
        }
    }

    /** The task the Compare tab opens with and {@code compare} runs without {@code --task}. */
    public static Task defaultTask() {
        return Tasks.byName("adding");
    }

    /** Threads when none are asked for: every core (the Compare tab leaves one to the UI). */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * A task the comparison can train: a built-in one whose length can change and whose verdict is an accuracy, or
     * a file or a text at one length ({@link #atOneLength}). Every model of a file trains and validates on the same
     * windows: the file is read once, and a text's windows are drawn with the one seed.
     */
    public static boolean comparable(Task task) {
        return atOneLength(task) || task.lengthAdjustable() && task.metric() == TaskScore.Metric.ACCURACY;
    }

    /**
     * The task is the user's file: a CSV series (a {@link SeriesTask}) at its window, judged against its naive
     * forecast or its majority class, or a text for the character model ({@link CharLmTask#usersText}) at one
     * sequence length, judged by its validation cross-entropy against the character frequencies'.
     */
    public static boolean ofFile(Task task) {
        return task instanceof SeriesTask || task instanceof CharLmTask c && c.usersText();
    }

    /**
     * The task is compared at one sequence length, epoch by epoch: the user's file ({@link #ofFile}), or a text for
     * the character model, the user's or a bundled one (the sonnets, Carroll's "Jabberwocky"), judged by its
     * validation cross-entropy against the character frequencies', on which a model that learns the text by heart
     * shows its validation loss rising.
     */
    public static boolean atOneLength(Task task) {
        return ofFile(task) || task instanceof CharLmTask;
    }

    /** The built-in tasks that can be compared (the sonnets among them; the other bundled texts are not tasks). */
    public static List<Task> comparableTasks() {
        return Tasks.all().stream().filter(Comparison::comparable).toList();
    }

    /**
     * One model of a comparison.
     *
     * @param cell     the cell
     * @param seqLen   the sequence length
     * @param best     the report of its best epoch (highest accuracy, the earliest of equals), or null when it
     *                 halted before finishing one
     * @param epochs   every epoch's report
     * @param seconds  wall-clock time to make the data, build and train the model
     * @param parameters the model's parameters (its recurrent layers and its head), which the length leaves alone
     * @param units    the units of its recurrent layer ({@link #units})
     * @param halted   training stopped because the loss or the weights stopped being finite numbers
     * @param signs    the checkup's warning signs for a model that did not solve the task (why it failed: a
     *                 gradient that vanished, saturated gates, ...); none for a solved one
     */
    public record Point(CellType cell, int seqLen, EpochReport best, List<EpochReport> epochs, double seconds,
                        long parameters, int units, boolean halted, List<Checkup.Finding> signs) {
        public Point {
            epochs = List.copyOf(epochs);
            signs = List.copyOf(signs);
        }

        /** The best epoch's validation accuracy (0 when none finished; NaN for a forecast, which has none). */
        public double accuracy() {
            return best == null ? 0 : best.valAccuracy();
        }

        /** The best epoch's value of the task's metric (an accuracy, or a forecast's MSE); NaN when none finished. */
        public double value() {
            return best == null ? Double.NaN : best.score().value();
        }

        public boolean solved() {
            return best != null && best.solved();
        }
    }

    /** Told about each model as it starts and ends, on the thread that runs the comparison. */
    public interface Listener {
        default void started(CellType cell, int seqLen) {
        }

        default void finished(Point point) {
        }

        /** After each epoch of the model being trained, its validation and verdict. */
        default void epoch(CellType cell, int seqLen, EpochReport report) {
        }
    }

    private final Settings settings;
    private volatile boolean stopRequested;
    private volatile TrainingSession current;
    /** The LSTM of the task's default units at each length, which {@link Sizing#PARAMETERS} sizes the others to. */
    private final java.util.Map<Integer, ModelSpec> lstms = new java.util.concurrent.ConcurrentHashMap<>();

    public Comparison(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Ends the comparison at the next step boundary; the model being trained then is dropped. Any thread. */
    public void stop() {
        stopRequested = true;
        TrainingSession s = current;
        if (s != null) {
            s.stop();
        }
    }

    /** Trains every cell at every length, shortest first; returns the models finished (all of them unless stopped). */
    public List<Point> run(Listener listener) {
        List<Point> points = new ArrayList<>();
        for (int t : settings.lengths()) {
            for (CellType cell : CELLS) {
                if (stopRequested) {
                    return points;
                }
                listener.started(cell, t);
                Point p = train(cell, t, listener);
                if (p == null) {
                    return points;
                }
                points.add(p);
                listener.finished(p);
            }
        }
        return points;
    }

    /** The session one model of the comparison trains with: its cell, length and {@link #units}. */
    public TrainingSession.Builder session(CellType cell, int seqLen) {
        int t = settings.task().lengthAdjustable() ? seqLen : 0;   // a file's windows have the one length they have
        return TrainingSession.builder(settings.task()).cell(cell).seqLen(t).hidden(units(cell, seqLen))
                .trainLimit(settings.samples())
                .configure(c -> c.epochs(settings.epochs()).seed(settings.seed()).threads(settings.threads()));
    }

    /**
     * The units of the model of {@code cell} at {@code seqLen}: the task's default, unless the cells are made alike
     * in parameters ({@link Sizing#PARAMETERS}): then the LSTM keeps it and the other cells get
     * {@link #matchedUnits} against the LSTM the task builds at that length (its inputs and outputs, from its data).
     */
    public int units(CellType cell, int seqLen) {
        Task task = settings.task();
        if (settings.sizing() == Sizing.UNITS || cell == CellType.LSTM) {
            return task.defaultHidden();
        }
        ModelSpec lstm = lstms.computeIfAbsent(seqLen, t -> task.model(task.generate(
                task.lengthAdjustable() ? t : 0, settings.seed()), CellType.LSTM, task.defaultHidden(), 1));
        return matchedUnits(lstm, cell);
    }

    /**
     * The units a one-layer model of {@code cell} needs for its parameter count ({@link ModelSpec#parameterCount},
     * the count each {@link Point} reports: recurrent layer and Dense head) to come closest to {@code target}'s, with
     * the same inputs, outputs, head and loss; of two equally close, the smaller. At 2 inputs and a Dense(1) head, an
     * LSTM of 32 units has 4,641 parameters, a GRU of 37 has 4,589 and a simple RNN of 66 has 4,687.
     */
    public static int matchedUnits(ModelSpec target, CellType cell) {
        long goal = target.parameterCount();
        int best = 1;
        long bestGap = Long.MAX_VALUE;
        for (int h = 1; h <= TrainingSession.MAX_HIDDEN; h++) {
            long gap = Math.abs(new ModelSpec(cell, target.inputSize(), h, target.numLayers(), target.outputSize(),
                    target.head(), target.loss()).parameterCount() - goal);
            if (gap >= bestGap) {
                break;   // the count grows with the units: past the closest, every one is further
            }
            best = h;
            bestGap = gap;
        }
        return best;
    }

    private Point train(CellType cell, int t, Listener listener) {
        long start = System.nanoTime();
        boolean halted = false;
        List<EpochReport> reports;
        List<Checkup.Finding> signs = List.of();
        long parameters;
        int units;
        try (TrainingSession s = session(cell, t).build()) {
            parameters = s.model().spec().parameterCount();
            units = s.model().spec().hiddenSize();
            current = s;
            if (stopRequested) {
                return null;
            }
            Checkup checkup = Checkup.of(s);
            SessionObserver recorder = checkup.recorder();
            try {
                s.run(new SessionObserver() {
                    @Override
                    public void onStep(TrainingSession session, org.lstmlab.engine.train.StepResult step) {
                        recorder.onStep(session, step);
                    }

                    @Override
                    public void onEpoch(TrainingSession session, EpochReport report) {
                        recorder.onEpoch(session, report);
                        listener.epoch(cell, t, report);
                    }
                });
            } catch (TrainingHaltedException e) {
                halted = true;
            }
            if (!halted && !s.finished()) {
                return null;   // stopped part-way: the model is not counted
            }
            reports = s.epochs();
            EpochReport best = best(reports);
            if (!halted && best != null && !best.solved()) {
                signs = checkup.findings(GradientReach.layers(s.model(), GradientReach.batch(s.data())));
            }
        } finally {
            current = null;
        }
        return new Point(cell, t, best(reports), reports, (System.nanoTime() - start) / 1e9, parameters, units,
                halted, signs);
    }

    /**
     * The epoch with the best value of the task's metric (the highest accuracy, the lowest MSE), the earliest of
     * equals; null when there is none.
     */
    private static EpochReport best(List<EpochReport> reports) {
        EpochReport best = null;
        for (EpochReport r : reports) {
            if (best == null || better(r.score(), best.score())) {
                best = r;
            }
        }
        return best;
    }

    private static boolean better(TaskScore a, TaskScore b) {
        if (a.metric() == TaskScore.Metric.ACCURACY) {
            return a.accuracy() > b.accuracy();
        }
        return a.value() < b.value() || Double.isNaN(b.value()) && !Double.isNaN(a.value());
    }
}
