package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Checkup.Sign;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.train.StepResult;
import org.lstmlab.engine.train.TrainingConfig;

/** The checkup's signs: each rule on hand-made epochs, and the engine's own runs that show them. */
class CheckupTest {
    private static final TrainingConfig CONFIG = TrainingConfig.kerasDefaults().toBuilder().clipNorm(1.0).build();
    private static final TaskScore UNSOLVED = TaskScore.accuracy(0.6, 0.9, TaskScore.Baseline.CONSTANT, 0.2);
    private static final TaskScore SOLVED = TaskScore.accuracy(0.95, 0.9, TaskScore.Baseline.CONSTANT, 0.2);

    private static EpochReport epoch(int n, double train, double val, TaskScore s, long skipped) {
        return new EpochReport(n, train, val, s, 10L * n, skipped, 1);
    }

    private static List<Sign> signs(Checkup c, GradientReach.Measure m) {
        return c.findings(m).stream().map(Checkup.Finding::sign).toList();
    }

    @Test
    void aLossThatRisesOrStaysIsNamedWithItsNumbers() {
        Checkup rising = new Checkup(CONFIG, CellType.LSTM);
        rising.record(epoch(1, 0.50, 0.5, UNSOLVED, 0));
        rising.record(epoch(2, 0.30, 0.3, UNSOLVED, 0));
        rising.record(epoch(3, 0.40, 0.4, UNSOLVED, 0));
        Checkup.Finding f = rising.findings(null).get(0);
        assertEquals(Sign.LOSS_RISING, f.sign());
        assertEquals("The training loss rose from 0.3 (epoch 2) to 0.4 (epoch 3).", f.text().english());
        assertTrue(f.advice().english().contains("try 0.0001, a tenth of 0.001"), f.advice().english());

        Checkup flat = new Checkup(CONFIG, CellType.LSTM);
        flat.record(epoch(1, 0.500, 0.5, UNSOLVED, 0));
        flat.record(epoch(2, 0.495, 0.5, UNSOLVED, 0));
        assertEquals(List.of(), signs(flat, null), "two epochs are too few to call a loss flat");
        flat.record(epoch(3, 0.490, 0.5, UNSOLVED, 0));
        assertEquals(List.of(Sign.LOSS_FLAT), signs(flat, null));
        assertEquals("The training loss hardly moved in 3 epochs: 0.5 → 0.49.",
                flat.findings(null).get(0).text().english());

        Checkup falling = new Checkup(CONFIG, CellType.LSTM);
        for (int e = 1; e <= 4; e++) {
            falling.record(epoch(e, 1.0 / e, 1.0 / e, UNSOLVED, 0));
        }
        assertEquals(List.of(), signs(falling, null));
    }

    @Test
    void aModelNoBetterThanItsBaselineIsToldSoAndASolvedOneIsNot() {
        Checkup c = new Checkup(CONFIG, CellType.GRU);
        c.record(epoch(1, 0.5, 0.5, TaskScore.accuracy(0.21, 0.9, TaskScore.Baseline.CONSTANT, 0.2), 0));
        assertEquals(List.of(Sign.NO_BETTER_THAN_BASELINE), signs(c, null));
        assertTrue(c.findings(null).get(0).text().english().contains("21.0 % against 20.0 %"));
        Checkup better = new Checkup(CONFIG, CellType.GRU);
        better.record(epoch(1, 0.5, 0.5, TaskScore.accuracy(0.25, 0.9, TaskScore.Baseline.CONSTANT, 0.2), 0));
        assertEquals(List.of(), signs(better, null), "five points above the baseline is learning something");
        Checkup mse = new Checkup(CONFIG, CellType.GRU);
        mse.record(epoch(1, 0.5, 0.5, TaskScore.below(TaskScore.Metric.MSE, 0.99, 0.1, TaskScore.Baseline.MEAN,
                1.0), 0));
        assertEquals(List.of(Sign.NO_BETTER_THAN_BASELINE), signs(mse, null), "an MSE within 5 % of the mean's");

        Checkup solved = new Checkup(CONFIG, CellType.LSTM);
        solved.record(epoch(1, 0.5, 0.5, SOLVED, 0));
        solved.record(epoch(2, 0.5, 0.5, SOLVED, 0));
        solved.record(epoch(3, 0.5, 0.5, SOLVED, 0));
        double[] vanished = new double[20];
        Arrays.fill(vanished, 1);
        vanished[0] = 1e-12;
        assertEquals(List.of(), signs(solved, new GradientReach.Measure(vanished, 0.9)),
                "a solved task: a flat loss, a vanished gradient and saturated gates are not its problem");
    }

    @Test
    void skippedStepsAndOverfittingShowEvenWhenSolved() {
        Checkup c = new Checkup(CONFIG, CellType.LSTM);
        c.record(epoch(1, 0.30, 0.20, SOLVED, 0));
        c.record(epoch(2, 0.20, 0.25, SOLVED, 0));
        c.record(epoch(3, 0.10, 0.30, SOLVED, 3));
        assertEquals(List.of(Sign.NOT_FINITE, Sign.OVERFITTING), signs(c, null));
        assertEquals("3 of 30 steps had a loss or a gradient that is not a finite number and were skipped.",
                c.findings(null).get(0).text().english());
        assertEquals("exploding-gradient", c.findings(null).get(0).lesson());
        assertEquals("The validation loss rose from 0.2 (epoch 1) to 0.3 (epoch 3) while the training loss fell to "
                + "0.1.", c.findings(null).get(1).text().english());
    }

    @Test
    void clippingCountsOnlyWhenMostStepsAreFarAboveTheClipValue() {
        Checkup far = new Checkup(CONFIG, CellType.LSTM);
        Checkup near = new Checkup(CONFIG, CellType.LSTM);
        for (int i = 0; i < 10; i++) {
            far.record(new StepResult(0, i, 1, i < 6 ? 50 : 0.5, false, 32));
            near.record(new StepResult(0, i, 1, 3, false, 32));
        }
        far.record(epoch(1, 0.5, 0.5, TaskScore.accuracy(0.5, 0.9, TaskScore.Baseline.CONSTANT, 0.2), 0));
        near.record(epoch(1, 0.5, 0.5, TaskScore.accuracy(0.5, 0.9, TaskScore.Baseline.CONSTANT, 0.2), 0));
        assertEquals(List.of(Sign.CLIPPED_MOSTLY), signs(far, null));
        assertEquals("The gradient norm was above the clip value 1 in 60.0 % of the last epoch's steps, with a "
                + "median of 50: more than ten times the clip value.", far.findings(null).get(0).text().english());
        assertEquals(List.of(), signs(near, null), "three times the clip value is what clipping is for");
    }

    @Test
    void theGradientVanishesBelowAMillionthOfItsLargestValue() {
        double[] reach = {5e-8, 1e-3, 0.1};
        Checkup c = new Checkup(CONFIG, CellType.RNN_TANH);
        c.record(epoch(1, 0.5, 0.5, UNSOLVED, 0));
        Checkup.Finding f = c.findings(new GradientReach.Measure(reach, 0)).get(0);
        assertEquals(Sign.VANISHING, f.sign());
        assertEquals("The gradient reaching t = 1 is 5e-07 times the largest one (at t = 3): the first steps of a "
                + "sequence hardly change the weights.", f.text().english());
        assertTrue(f.advice().english().startsWith("A simple RNN"), f.advice().english());
        assertEquals("vanishing-gradient", f.lesson());
        reach[0] = 2e-7;
        assertEquals(List.of(), signs(c, new GradientReach.Measure(reach, 0)));
    }

    /** The engine's own runs: a long adding problem vanishes for a simple RNN, a learning rate of 3 saturates. */
    @Test
    void theEngineShowsTheSignsOnRunsThatHaveThem() {
        List<Sign> rnn = run(CellType.RNN_TANH, 100, 0.01, 1);
        assertTrue(rnn.contains(Sign.VANISHING), rnn.toString());
        List<Sign> hot = run(CellType.LSTM, 50, 3, 2);
        assertTrue(hot.contains(Sign.SATURATED), hot.toString());
        assertFalse(run(CellType.RNN_TANH, 50, 0.01, 2).contains(Sign.SATURATED));
    }

    private static List<Sign> run(CellType cell, int steps, double lr, int epochs) {
        try (TrainingSession s = TrainingSession.builder(Tasks.byName("adding")).cell(cell).hidden(16).seqLen(steps)
                .trainLimit(320).configure(c -> c.epochs(epochs).batchSize(32).threads(1).learningRate(lr))
                .build()) {
            Checkup c = new Checkup(s.config(), cell);
            s.run(new SessionObserver() {
                @Override
                public void onStep(TrainingSession session, StepResult step) {
                    c.record(step);
                }

                @Override
                public void onEpoch(TrainingSession session, EpochReport report) {
                    c.record(report);
                }
            });
            return signs(c, GradientReach.firstLayer(s.model(), GradientReach.batch(s.data())));
        }
    }

    @Test
    void everySignSpeaksBothLanguagesAndNamesALessonThatExists() throws Exception {
        ResourceBundle zh = ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE);
        ResourceBundle en = ResourceBundle.getBundle(Message.BUNDLE, Locale.ROOT);
        for (String key : en.keySet()) {
            if (key.startsWith("engine.checkup.")) {
                assertFalse(zh.getString(key).equals(en.getString(key)), key + " has no Chinese");
            }
        }
        Checkup c = new Checkup(CONFIG, CellType.LSTM);
        for (int i = 0; i < 4; i++) {
            c.record(new StepResult(0, i, 1, 100, false, 32));
        }
        c.record(epoch(1, 0.5, 0.5, UNSOLVED, 2));
        List<Checkup.Finding> all = c.findings(new GradientReach.Measure(new double[] {1e-9, 1}, 0.9));
        assertEquals(List.of(Sign.NOT_FINITE, Sign.CLIPPED_MOSTLY, Sign.SATURATED, Sign.VANISHING),
                all.stream().map(Checkup.Finding::sign).toList());
        List<String> lessons = Files.readAllLines(Path.of("resources/org/lstmlab/lessons/index.txt"));
        for (Checkup.Finding f : all) {
            assertTrue(f.lesson() == null || lessons.contains(f.lesson()), f.lesson());
            assertFalse(f.text().in(zh).equals(f.text().english()));
            assertFalse(f.advice().in(zh).contains("{"), f.advice().in(zh));
        }
        assertEquals("这里的梯度是在饱和的门里损失掉的，而不是因为序列太长。",
                all.get(3).advice().in(zh),
                "a vanishing gradient next to saturated gates is blamed on them, not on the length");
    }
}
