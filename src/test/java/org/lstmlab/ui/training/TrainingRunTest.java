package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;

/** The run on its worker thread, driven as the view model drives it, without a toolkit. */
class TrainingRunTest {
    @TempDir Path dir;

    static TrainingSnapshot waitFor(TrainingRun run, Predicate<TrainingSnapshot> p) {
        AtomicReference<TrainingSnapshot> held = new AtomicReference<>();
        org.lstmlab.testing.Await.until("the run's snapshot to match", () -> {
            TrainingSnapshot s = run.latest();
            held.set(s);
            return p.test(s);
        }, () -> run.latest().state() + " " + run.latest().message());
        return held.get();
    }

    /**
     * The paused worker goes round its loop and trains nothing: it answers requests at its step boundaries (a
     * paused worker drains them on every pass, a training one between two steps), one after the other, and each
     * sees the same number of steps, and the run still says it is paused. No pass or fail depends on a time.
     */
    private static void assertIdle(TrainingRun run, long steps, String what) throws Exception {
        for (int pass = 0; pass < 3; pass++) {
            assertEquals(steps, run.atBoundary(a -> a.session().steps())
                    .get(org.lstmlab.testing.Await.LIMIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS), what);
        }
        assertEquals(steps, run.latest().steps(), what);
        assertEquals(RunState.PAUSED, run.latest().state(), what);
    }

    private static List<double[]> weights(TrainingRun run) throws Exception {
        return run.atBoundary(a -> a.session().model().parameters().stream().map(p -> p.data().clone()).toList())
                .get();
    }

    @Test
    void runsToTheEndWithEpochMetricsProbesAndHistory() throws Exception {
        TrainingRun run = new TrainingRun(TinyTask.setup("adding", 64, 3, false), false);
        run.start();
        TrainingSnapshot s = waitFor(run, x -> x.state().isOver());
        assertEquals(RunState.FINISHED, s.state(), s.message());
        assertEquals(3, s.epochMetrics().size());
        assertEquals(3 * 8, s.steps());
        assertEquals(1.0, s.progress());
        assertEquals(24, s.history()[0].length);
        assertEquals(1, s.gradNormPerStep().size());
        assertEquals(12, s.gradNormPerStep().get(0).length, "one norm per timestep");
        assertTrue(s.gradNormPerStep().get(0)[11] > 0);
        assertTrue(s.weights().bins() > 0 && s.gradients().bins() > 0);
        assertTrue(run.awaitEnd(5000));
    }

    @Test
    void aSineRunShowsTheModelRunningFreeAndACharacterModelSamplesText() throws Exception {
        TrainingRun sine = new TrainingRun(TinyTask.setup("sine", 32, 1, false), false);
        sine.start();
        TrainingSnapshot s = waitFor(sine, x -> x.state().isOver());
        assertEquals(Samples.FREE_STEPS, s.freeRun().length);
        assertEquals(org.lstmlab.engine.tasks.SineTask.wave(12, 0), s.freeRunTruth()[0], 1e-15);
        assertTrue(s.sample().isEmpty());
        TrainingRun chars = new TrainingRun(TinyTask.setup("charlm", 32, 1, false), false);
        chars.start();
        TrainingSnapshot c = waitFor(chars, x -> x.state().isOver());
        assertEquals(Samples.LENGTH, c.sample().codePointCount(0, c.sample().length()));
        assertEquals(0, c.freeRun().length);
    }

    /** The tutorials' plot: the model's forecast of each value of the first validation window over the truth. */
    @Test
    void aRandomWalkRunShowsItsOneStepForecastsOverTheWalk() throws Exception {
        RunSetup setup = TinyTask.setup("random-walk", 32, 1, false);
        TrainingRun walk = new TrainingRun(setup, false);
        walk.start();
        TrainingSnapshot s = waitFor(walk, x -> x.state().isOver());
        assertEquals(RunState.FINISHED, s.state(), s.message());
        org.lstmlab.engine.data.Sample first = org.lstmlab.engine.tasks.Tasks.byName("random-walk")
                .generate(12, setup.config().seed()).validation().get(0);
        assertEquals(12, s.freeRun().length, "a forecast for every step of the window");
        org.junit.jupiter.api.Assertions.assertArrayEquals(first.target(), s.freeRunTruth(), 0.0);
        assertTrue(java.util.Arrays.stream(s.freeRun()).allMatch(Double::isFinite));
        assertTrue(s.sample().isEmpty());
    }

    @Test
    void pauseHoldsSingleStepTrainsExactlyOneResumeContinuesStopEnds() throws Exception {
        TrainingRun run = new TrainingRun(TinyTask.setup("adding", 400, 50, false), true);
        run.start();
        TrainingSnapshot paused = waitFor(run, x -> x.state() == RunState.PAUSED);
        assertEquals(0, paused.steps());
        run.stepOnce();
        waitFor(run, x -> x.steps() == 1);
        assertIdle(run, 1, "a single step trains one batch and stays paused");
        run.resume();
        waitFor(run, x -> x.steps() > 5 && x.state() == RunState.RUNNING);
        run.pause();
        long held = waitFor(run, x -> x.state() == RunState.PAUSED).steps();
        assertIdle(run, held, "no step while paused");
        run.stop();
        assertEquals(RunState.STOPPED, waitFor(run, x -> x.state().isOver()).state());
        assertTrue(run.awaitEnd(5000));
    }

    @Test
    void pausingAndSteppingDoNotChangeTheWeights() throws Exception {
        TrainingRun straight = new TrainingRun(TinyTask.setup("keras-example", 64, 2, false), false);
        straight.start();
        waitFor(straight, x -> x.state().isOver());
        TrainingRun bumpy = new TrainingRun(TinyTask.setup("keras-example", 64, 2, false), true);
        bumpy.start();
        waitFor(bumpy, x -> x.state() == RunState.PAUSED);
        for (int i = 0; i < 3; i++) {
            bumpy.stepOnce();
            int n = i + 1;
            waitFor(bumpy, x -> x.steps() == n);
        }
        bumpy.resume();
        bumpy.pause();
        bumpy.resume();
        waitFor(bumpy, x -> x.state().isOver());
        List<double[]> a = weights(straight);
        List<double[]> b = weights(bumpy);
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(a.get(k), b.get(k));
        }
    }

    @Test
    void nanStepsAreSkippedReportedAndHaltTheRunWithTheLastGoodWeights() throws Exception {
        RunSetup setup = TinyTask.setup("keras-example", 64, 3, true);
        TrainingRun run = new TrainingRun(setup, false);
        run.start();
        TrainingSnapshot s = waitFor(run, x -> x.state().isOver());
        assertEquals(RunState.HALTED, s.state());
        assertEquals(3, s.skippedSteps());
        assertTrue(s.message().contains("not a finite number"), s.message());
        List<double[]> initial;
        try (var untrained = setup.session(setup.source().task()).build()) {
            initial = untrained.model().weightValues();
        }
        List<double[]> now = weights(run);
        for (int k = 0; k < now.size(); k++) {
            assertArrayEquals(initial.get(k), now.get(k), "every step was bad: the initial weights remain");
        }
    }

    @Test
    void aBadDataSourceFailsTheRunWithItsMessage() throws Exception {
        RunSetup good = TinyTask.setup("adding", 16, 1, false);
        RunSetup bad = new RunSetup(() -> {
            throw new java.io.IOException("data.csv: line 3: expected 3 fields, saw 4");
        }, good.run(), good.config(), null);
        TrainingRun run = new TrainingRun(bad, false);
        run.start();
        TrainingSnapshot s = waitFor(run, x -> x.state().isOver());
        assertEquals(RunState.FAILED, s.state());
        assertEquals("data.csv: line 3: expected 3 fields, saw 4", s.message());
    }

    @Test
    void aSavedRunResumesBitIdenticallyAndTheModelFileLoads() throws Exception {
        RunSetup setup = TinyTask.setup("adding", 80, 3, false);
        TrainingRun straight = new TrainingRun(setup, false);
        straight.start();
        waitFor(straight, x -> x.state().isOver());

        TrainingRun first = new TrainingRun(setup, true);
        first.start();
        waitFor(first, x -> x.state() == RunState.PAUSED);
        for (int i = 1; i <= 13; i++) {   // 10 batches per epoch: stop in epoch 2
            first.stepOnce();
            int n = i;
            waitFor(first, x -> x.steps() == n);
        }
        Path ckpt = dir.resolve("run.safetensors");
        RunFiles.saveCheckpoint(first, ckpt).get();
        Path model = dir.resolve("model.safetensors");
        RunFiles.saveModel(first, model).get();
        first.stop();
        assertEquals(1, CheckpointFile.load(ckpt).epoch(), "13 steps of 10 per epoch: the second epoch");
        assertEquals(3, CheckpointFile.load(ckpt).batch());
        SequenceModel saved = ModelFile.load(model).model();
        assertEquals(setup.run().hidden(), saved.spec().hiddenSize());

        CheckpointFile.Loaded c = CheckpointFile.load(ckpt);
        RunSetup resume = new RunSetup(setup.source(), setup.run(), c.config(), c);
        TrainingRun second = new TrainingRun(resume, false);
        second.start();
        TrainingSnapshot end = waitFor(second, x -> x.state().isOver());
        assertEquals(RunState.FINISHED, end.state(), end.message());
        assertEquals(30, end.steps());
        List<double[]> a = weights(straight);
        List<double[]> b = weights(second);
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(a.get(k), b.get(k), "parameter " + k);
        }
        assertTrue(Files.size(ckpt) > Files.size(model), "the run also holds the optimizer state");
    }

    @Test
    void historyStaysBoundedAndKeepsTheWholeRun() {
        MetricsHistory h = new MetricsHistory(8);
        for (int i = 0; i < 100; i++) {
            h.add(i, i, -i);
        }
        double[][] c = h.copy();
        double[] kept = {0, 16, 32, 48, 64, 80, 96};   // halved at steps 8, 16, 32 and 64: every 16th step
        assertArrayEquals(kept, c[0]);
        assertArrayEquals(kept, c[1], "each step's own loss");
        assertArrayEquals(new double[] {0, -16, -32, -48, -64, -80, -96}, c[2]);
        assertEquals(16, h.stride());
        assertFalse(Histogram.of(4, new double[] {0, 1, Double.NaN}).nonFinite() == 0);
        assertArrayEquals(new int[] {1, 0, 0, 2}, Histogram.of(4, new double[] {0, 1}, new double[] {1}).counts());
    }

    @Test
    void gradientNormsPerStepComeFromTheBackwardTrace() {
        SequenceModel m = new SequenceModel(new org.lstmlab.engine.nn.ModelSpec(
                org.lstmlab.engine.nn.CellType.RNN_TANH, 1, 4, 1, 1, org.lstmlab.engine.nn.HeadMode.LAST,
                org.lstmlab.engine.loss.Loss.MEAN_SQUARED_ERROR));
        org.lstmlab.engine.nn.Initializers.initialize(m, org.lstmlab.engine.nn.Initializers.Scheme.TORCH, 1);
        for (Param p : m.rnn().parameters()) {
            for (int i = 0; i < p.size(); i++) {
                p.data()[i] *= 0.3;   // a contracting RNN: the gradient must vanish going back in time
            }
        }
        var data = new TinyTask("keras-example", 8, false).generate(30, 1);
        Probe p = Probe.run(m.replica(), m, ProbeBatch.of(data), 10);
        double[] norms = p.gradNormPerStep().get(0);
        assertEquals(30, norms.length);
        assertTrue(norms[0] < norms[29] * 1e-3, "vanishing: " + norms[0] + " vs " + norms[29]);
    }
}
