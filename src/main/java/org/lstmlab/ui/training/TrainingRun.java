package org.lstmlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.io.SeriesScaling;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.session.Checkup;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.session.GradientReach;
import org.lstmlab.engine.session.TrainingSession;
import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.train.StepResult;
import org.lstmlab.engine.train.TrainingHaltedException;
import org.lstmlab.ui.common.TrainingThreads;

/**
 * One training run on its own worker thread: the only owner of its {@link TrainingSession}, the engine's epoch
 * loop that the command line and the Compare tab drive too. The worker steps the session and, between steps, obeys
 * pause, single step and stop, runs queued requests (copy the model, save a checkpoint), and publishes an immutable
 * {@link TrainingSnapshot} at most every {@value #PUBLISH_MS} ms (latest wins). Nothing here blocks the caller:
 * commands set flags and wake the worker.
 */
public final class TrainingRun {
    static final long PUBLISH_MS = 100;
    static final long PROBE_MS = 400;
    static final long SAMPLE_MS = 1500;
    static final int HISTORY = 1024;
    static final int BINS = 40;

    /** What a request running at a step boundary may read: the worker's session (null before it is built). */
    public record Access(TrainingSession session, RunSetup setup) {
        public Dataset data() {
            return session.data();
        }
    }

    private final RunSetup setup;
    private final TrainingSnapshot before;
    private final AtomicReference<TrainingSnapshot> latest;
    private final ConcurrentLinkedQueue<Runnable> requests = new ConcurrentLinkedQueue<>();
    private volatile boolean pauseRequested;
    private volatile boolean stopRequested;
    private volatile int stepsRequested;
    private volatile double temperature = 0.8;
    private volatile Thread worker;

    // Worker-only state.
    private TrainingSession session;
    private SequenceModel probe;
    private ProbeBatch probeBatch;
    private final MetricsHistory history = new MetricsHistory(HISTORY);
    private final List<EpochReport> epochs = new ArrayList<>();
    private final SpeedMeter speed = new SpeedMeter();
    private List<double[]> gradPerStep = List.of();
    private List<GradientReach.Measure> layers = List.of();
    private Checkup checkup;
    /** The checkup's signs, judged when an epoch ends or the probe refreshes: nothing else changes them. */
    private List<Checkup.Finding> findings = List.of();
    private Histogram weights = Histogram.EMPTY;
    private Histogram gradients = Histogram.EMPTY;
    private String sample = "";
    private double[][] freeRun = {new double[0], new double[0]};
    private long version;
    private double lastLoss = Double.NaN;
    private double lastNorm = Double.NaN;
    private RunState state = RunState.PREPARING;
    private String message = "";
    private Throwable failure;
    /** How a CSV series' target was standardised, once its task is made; else null. */
    private volatile SeriesScaling scaling;

    public TrainingRun(RunSetup setup, boolean startPaused) {
        this(setup, startPaused, null);
    }

    /**
     * A run that goes on from {@code before}, the last snapshot of the run it continues (null: none): its epochs,
     * loss curve and checkup carry on from there.
     */
    TrainingRun(RunSetup setup, boolean startPaused, TrainingSnapshot before) {
        this.setup = setup;
        this.pauseRequested = startPaused;
        this.before = before;
        this.latest = new AtomicReference<>(TrainingSnapshot.preparing(setup.config().epochs()));
    }

    /** Starts the worker. */
    public synchronized void start() {
        if (worker != null) {
            throw new IllegalStateException("a run starts once");
        }
        worker = TrainingThreads.start("lstmlab-training", this::work);
    }

    /** How the target of a CSV series was standardised (to tell its error in the file's units), or null. */
    SeriesScaling scaling() {
        return scaling;
    }

    /** The latest snapshot; never blocks. */
    public TrainingSnapshot latest() {
        return latest.get();
    }

    public void pause() {
        pauseRequested = true;
        wake();
    }

    public void resume() {
        pauseRequested = false;
        wake();
    }

    /** While paused: train exactly one more step. */
    public void stepOnce() {
        stepsRequested++;
        wake();
    }

    /** Ends the run at the next step boundary. */
    public void stop() {
        stopRequested = true;
        wake();
    }

    public void setTemperature(double t) {
        if (t > 0) {
            temperature = t;
        }
    }

    /** For tests and shutdown, never the FX thread: waits for the worker to end. */
    public boolean awaitEnd(long millis) throws InterruptedException {
        Thread t = worker;
        if (t == null) {
            return true;
        }
        t.join(millis);
        return !t.isAlive();
    }

    /**
     * Runs {@code action} on the worker between two steps (at once if paused) and completes the future with its
     * result; the action may read the session's model but must copy what it hands out. After the run has ended, the
     * action runs on the worker's final pass or, if it has already gone, on a file thread.
     */
    public <T> CompletableFuture<T> atBoundary(Function<Access, T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable r = () -> {
            try {
                result.complete(action.apply(new Access(session, setup)));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        requests.add(r);
        wake();
        if (latest.get().state().isOver()) {
            TrainingThreads.files().execute(this::drainRequests);  // the worker's last drain may have passed
        }
        return result;
    }

    private void wake() {
        Thread t = worker;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private synchronized void drainRequests() {
        for (Runnable r = requests.poll(); r != null; r = requests.poll()) {
            r.run();
        }
    }

    // ---------------------------------------------------------------- worker

    private void work() {
        try {
            prepare();
            long lastPublish = 0;
            long lastProbe = 0;
            long lastSample = 0;
            while (true) {
                if (stopRequested) {
                    state = RunState.STOPPED;
                    break;
                }
                if (session.finished()) {
                    state = RunState.FINISHED;
                    break;
                }
                if (pauseRequested && stepsRequested == 0) {
                    if (state != RunState.PAUSED) {
                        state = RunState.PAUSED;
                        refreshProbes();
                        publish();   // requests made with a pause see the paused state
                    }
                    drainRequests();
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
                    continue;
                }
                drainRequests();
                boolean single = pauseRequested;
                if (single) {
                    stepsRequested = Math.max(0, stepsRequested - 1);
                }
                state = single ? RunState.PAUSED : RunState.RUNNING;
                trainOneStep();
                long now = System.nanoTime();
                if (single || now - lastProbe > TimeUnit.MILLISECONDS.toNanos(PROBE_MS)) {
                    refreshProbes();
                    lastProbe = System.nanoTime();
                }
                if (now - lastSample > TimeUnit.MILLISECONDS.toNanos(SAMPLE_MS)) {
                    refreshSample();
                    lastSample = System.nanoTime();
                }
                if (single || session.batchIndex() == 0
                        || now - lastPublish > TimeUnit.MILLISECONDS.toNanos(PUBLISH_MS)) {
                    publish();
                    lastPublish = System.nanoTime();
                }
            }
        } catch (TrainingHaltedException e) {
            state = RunState.HALTED;
            message = e.getMessage();
            failure = e;   // the view model shows its message in the app's language
        } catch (Exception | LinkageError | AssertionError e) {
            state = RunState.FAILED;
            message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            failure = e;
        } finally {
            try {
                if (session != null && state != RunState.FAILED) {
                    refreshProbes();
                    refreshSample();
                }
            } catch (RuntimeException ignored) {
                // the final probe is a courtesy; the state says what happened
            }
            publish();
            drainRequests();
            if (session != null) {
                session.close();
            }
        }
    }

    private void prepare() throws java.io.IOException {
        publish();
        Task task = setup.source().task();
        session = setup.session(task).build();
        scaling = task instanceof SeriesTask s ? s.scaling() : null;
        probe = session.model().replica();
        checkup = Checkup.of(session);
        if (before != null) {   // a run trained further: its history goes on
            double[][] h = before.history();
            for (int k = 0; k < h[0].length; k++) {
                history.add((long) h[0][k], h[1][k], h[2][k]);
            }
            before.epochMetrics().forEach(e -> {
                epochs.add(e);
                checkup.record(e);
            });
        }
        probeBatch = ProbeBatch.of(session.data());
        state = pauseRequested ? RunState.PAUSED : RunState.RUNNING;
        refreshProbes();
        publish();
    }

    private void trainOneStep() {
        long t0 = System.nanoTime();
        TrainingSession.Step step = session.step();
        StepResult r = step.result();
        speed.record(r.samples(), System.nanoTime() - t0);
        lastLoss = r.loss();
        lastNorm = r.gradNorm();
        history.add(session.steps() - 1, r.loss(), r.gradNorm());
        checkup.record(r);
        if (step.epochEnded() != null) {
            epochs.add(step.epochEnded());
            checkup.record(step.epochEnded());
            judge();
        }
    }

    private void refreshProbes() {
        Probe p = Probe.run(probe, session.model(), probeBatch, BINS);
        gradPerStep = p.gradNormPerStep();
        layers = p.layers();
        weights = p.weights();
        gradients = p.gradients();
        judge();
    }

    private void judge() {
        findings = checkup == null || layers.isEmpty() ? List.of() : List.copyOf(checkup.findings(layers));
    }

    /**
     * Text from a character model, a sine model running free, or a random walk's model forecasting its first
     * validation window one step ahead; nothing for other tasks.
     */
    private void refreshSample() {
        String name = session.task().name();
        if (name.equals("charlm") && session.data().vocabulary().size() > 1) {
            sample = Samples.text(session.model(), session.data().vocabulary(), temperature, session.steps());
        } else if (name.equals("sine")) {
            freeRun = Samples.freeRun(session.model(), session.data().train().get(0).steps());
        } else if (name.equals("random-walk")) {
            freeRun = Samples.oneStep(session.model(), session.data().validation().get(0));
        }
    }

    private void publish() {
        int epochsTotal = setup.config().epochs();
        int perEpoch = session == null ? 1 : session.batchesPerEpoch();
        long steps = session == null ? 0 : session.steps();
        long remaining = Math.max(0, (long) epochsTotal * perEpoch - steps);
        double left = state.isOver() ? 0 : speed.secondsFor(remaining);
        latest.set(new TrainingSnapshot(++version, state, message, session == null ? 0 : session.epoch(),
                epochsTotal, session == null ? 0 : session.batchIndex(), perEpoch, steps, speed.samplesPerSecond(),
                left, lastLoss, lastNorm, session == null ? 0 : session.skippedSteps(), history.copy(),
                List.copyOf(epochs), gradPerStep, weights, gradients, sample, freeRun[0], freeRun[1],
                findings, failure));
    }
}
