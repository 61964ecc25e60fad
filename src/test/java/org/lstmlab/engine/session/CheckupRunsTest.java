package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.session.Checkup.Sign;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.engine.train.StepResult;

/** The checkup on the engine's own runs: each common cause of a model that does not learn, and a healthy run. */
class CheckupRunsTest {
    /** A short adding run: 320 training sequences, batches of 32 (10 steps an epoch), one thread. */
    private static TrainingSession.Builder adding(CellType cell, int steps, double lr, int epochs) {
        return TrainingSession.builder(Tasks.byName("adding")).cell(cell).hidden(16).seqLen(steps).trainLimit(320)
                .configure(c -> c.epochs(epochs).batchSize(32).threads(1).learningRate(lr));
    }

    private static List<Checkup.Finding> checkup(TrainingSession.Builder b) {
        try (TrainingSession s = b.build()) {
            Checkup c = Checkup.of(s);
            s.run(new SessionObserver() {
                @Override
                public void onStep(TrainingSession session, StepResult step) {
                    c.record(step);
                }

                @Override
                public void onEpoch(TrainingSession session, EpochReport report) {
                    assertTrue(report.weightChange() > 0, "an epoch of steps moves the weights: " + report);
                    c.record(report);
                }
            });
            return c.findings(GradientReach.layers(s.model(), GradientReach.batch(s.data())));
        }
    }

    private static List<Sign> signs(List<Checkup.Finding> findings) {
        return findings.stream().map(Checkup.Finding::sign).toList();
    }

    /** A long adding problem vanishes for a simple RNN, a learning rate of 3 saturates an LSTM's gates. */
    @Test
    void theEngineShowsTheSignsOnRunsThatHaveThem() {
        List<Sign> rnn = signs(checkup(adding(CellType.RNN_TANH, 100, 0.01, 1)));
        assertTrue(rnn.contains(Sign.VANISHING), rnn.toString());
        List<Sign> hot = signs(checkup(adding(CellType.LSTM, 50, 3, 2)));
        assertTrue(hot.contains(Sign.SATURATED), hot.toString());
        assertFalse(signs(checkup(adding(CellType.RNN_TANH, 50, 0.01, 2))).contains(Sign.SATURATED));
    }

    /**
     * A learning rate of 1e-6: the loss is flat because the weights barely move, and the checkup says so with
     * ‖Δw‖ / ‖w‖; the same run at the task's rate moves them and is not told so.
     */
    @Test
    void aLearningRateFarTooSmallIsToldFromTheWeightsThatBarelyMove() {
        List<Checkup.Finding> slow = checkup(adding(CellType.LSTM, 20, 1e-6, 3));
        assertEquals(List.of(Sign.WEIGHTS_STILL, Sign.LOSS_FLAT, Sign.NO_BETTER_THAN_BASELINE), signs(slow));
        String still = slow.get(0).text().english();
        assertTrue(still.startsWith("The weights barely move: the 10 steps of epoch 3 changed them by "), still);
        double perStep = Double.parseDouble(still.replaceAll(".*\\), (\\S+) per step\\.", "$1"));
        assertTrue(perStep < Checkup.STILL / 3, still);
        assertEquals("A learning rate of 1e-06 is too small to move them: try 1e-05 or 0.0001, ten or a hundred "
                + "times larger.", slow.get(0).advice().english());
        assertEquals("The loss cannot move while the weights do not (see above).", slow.get(1).advice().english());

        List<Sign> healthy = signs(checkup(adding(CellType.LSTM, 20, 0.01, 3)));
        assertFalse(healthy.contains(Sign.WEIGHTS_STILL), healthy.toString());
        assertFalse(healthy.contains(Sign.LOSS_FLAT), healthy.toString());
    }

    /**
     * A stack whose second layer starts with weights six times too large: its tanh saturates while the first
     * layer's does not, and the checkup names it, which the first layer alone would never have shown.
     */
    @Test
    void aSaturatedSecondLayerIsNamed() {
        TrainingSession.Builder b = adding(CellType.RNN_TANH, 20, 1e-4, 1).layers(2).initialWeights(m -> {
            for (Map.Entry<String, Param> p : m.namedParameters().entrySet()) {
                if (p.getKey().endsWith("_l1")) {
                    for (int i = 0; i < p.getValue().size(); i++) {
                        p.getValue().data()[i] *= 6;
                    }
                }
            }
        });
        List<Checkup.Finding> found = checkup(b);
        Checkup.Finding saturated = found.stream().filter(f -> f.sign() == Sign.SATURATED).findFirst()
                .orElseThrow(() -> new AssertionError(signs(found).toString()));
        String text = saturated.text().english();
        assertTrue(text.startsWith("In layer 1 (layers 0 to 1, from the input up), "), text);
        double first = Double.parseDouble(text.replaceAll(".*Layer by layer: ([0-9.]+) %, .*", "$1"));
        assertTrue(first < 100 * Checkup.SATURATED_MOST, "the first layer is not saturated: " + text);
    }

    /**
     * Spikes without clipping: at Adam's rate of 0.5 (500 times its default) on the adding problem the checkup
     * blames the learning rate; on the copy task at its own rate of 0.01 it spikes too, and clipping is the advice.
     */
    @Test
    void spikesAtALearningRateFarTooLargeAreBlamedOnItNotCuredByClipping() {
        Checkup.Finding hot = spikes(TrainingSession.builder(Tasks.byName("adding")).hidden(16).seqLen(50)
                .trainLimit(3200).configure(c -> c.epochs(2).batchSize(32).threads(1).learningRate(0.5).clipNorm(0)));
        assertEquals("The learning rate comes first: 0.5 is 500 times Adam's default, 0.001, and each step goes too "
                + "far. Lower it into the usual range, 0.001 to 0.01; clipping the gradient norm would only hide "
                + "steps that are too large.", hot.advice().english());
        assertEquals("exploding-gradient", hot.lesson());

        Checkup.Finding sane = spikes(TrainingSession.builder(Tasks.byName("copy")).hidden(16).trainLimit(6400)
                .configure(c -> c.epochs(3).batchSize(32).threads(1).learningRate(0.01).clipNorm(0)));
        assertEquals("engine.checkup.spikes.advice", sane.advice().key(), sane.advice().english());
        assertEquals("exploding-gradient", sane.lesson());
    }

    private static Checkup.Finding spikes(TrainingSession.Builder b) {
        List<Checkup.Finding> found = checkup(b);
        return found.stream().filter(f -> f.sign() == Sign.GRADIENT_SPIKES).findFirst()
                .orElseThrow(() -> new AssertionError(signs(found).toString()));
    }

    /** Too few units: a single LSTM unit on the temporal-order problem is told to widen, with the task's size. */
    @Test
    void aSingleUnitIsTooFew() {
        List<Checkup.Finding> found = checkup(TrainingSession.builder(Tasks.byName("temporal-order")).hidden(1)
                .seqLen(20).trainLimit(320).configure(c -> c.epochs(2).batchSize(32).threads(1)));
        Checkup.Finding few = found.stream().filter(f -> f.sign() == Sign.FEW_UNITS).findFirst()
                .orElseThrow(() -> new AssertionError(signs(found).toString()));
        assertEquals("Give it more units: the task suggests " + Tasks.byName("temporal-order").defaultHidden() + ".",
                few.advice().english());
    }

    /**
     * Ten rows of a straight line, windows of 3: 6 windows to learn from and 1 to judge by. The model does worse than
     * repeating the last value, and the advice says the data are too few, not that the series may move at random.
     */
    @Test
    void aFileOfAFewRowsIsToldItIsTooFewNotThatItMovesAtRandom(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("tiny.csv");
        Files.writeString(f, "x,y\n" + IntStream.range(0, 10).mapToObj(i -> i + "," + 2 * i + "\n")
                .collect(Collectors.joining()));
        UserData.Request r = new UserData.Request(f, false, List.of(), List.of(), 3, 1, 0.2, null);
        List<Checkup.Finding> found = checkup(TrainingSession.builder(UserData.read(r).task()).userData(r)
                .configure(c -> c.epochs(3).threads(1)));
        Checkup.Finding baseline = found.stream().filter(x -> x.sign() == Sign.NO_BETTER_THAN_BASELINE).findFirst()
                .orElseThrow(() -> new AssertionError(signs(found).toString()));
        assertTrue(baseline.advice().english().startsWith("It learned from only 6 training samples and is judged "
                + "on 1: too few"), baseline.advice().english());
    }
}
