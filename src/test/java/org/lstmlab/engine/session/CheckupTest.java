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
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.optim.OptimizerKind;
import org.lstmlab.engine.session.Checkup.Sign;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.train.StepResult;
import org.lstmlab.engine.train.TrainingConfig;

/** The checkup's signs: each rule on hand-made epochs, and the engine's own runs that show them. */
class CheckupTest {
    private static final TrainingConfig CONFIG = TrainingConfig.kerasDefaults().toBuilder().clipNorm(1.0).build();
    private static final TaskScore UNSOLVED = TaskScore.accuracy(0.6, 0.9, TaskScore.Baseline.CONSTANT, 0.2);
    private static final TaskScore SOLVED = TaskScore.accuracy(0.95, 0.9, TaskScore.Baseline.CONSTANT, 0.2);

    private static EpochReport epoch(int n, double train, double val, TaskScore s, long skipped) {
        return new EpochReport(n, train, val, s, 10L * n, skipped, 1, Double.NaN);
    }

    private static List<Sign> signs(Checkup c, GradientReach.Measure m) {
        return c.findings(m == null ? null : List.of(m)).stream().map(Checkup.Finding::sign).toList();
    }

    private static List<Checkup.Finding> findings(Checkup c, GradientReach.Measure m) {
        return c.findings(m == null ? null : List.of(m));
    }

    /**
     * The findings of two epochs with training and validation losses {@code losses} (two of each, by epoch) judged
     * {@code s}, in a model of no other sign: the naive prediction's sign alone.
     */
    private static List<Checkup.Finding> alone(TaskScore s, double... losses) {
        Checkup alone = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        alone.record(epoch(1, losses[0], losses[1], s, 0));
        alone.record(epoch(2, losses[2], losses[3], s, 0));
        List<Checkup.Finding> f = findings(alone, null);
        assertEquals(List.of(Sign.NO_BETTER_THAN_BASELINE), f.stream().map(Checkup.Finding::sign).toList());
        return f;
    }

    @Test
    void aLossThatRisesOrStaysIsNamedWithItsNumbers() {
        Checkup rising = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        rising.record(epoch(1, 0.50, 0.5, UNSOLVED, 0));
        rising.record(epoch(2, 0.30, 0.3, UNSOLVED, 0));
        rising.record(epoch(3, 0.40, 0.4, UNSOLVED, 0));
        Checkup.Finding f = rising.findings(null).get(0);
        assertEquals(Sign.LOSS_RISING, f.sign());
        assertEquals("The training loss rose from 0.3 (epoch 2) to 0.4 (epoch 3).", f.text().english());
        assertTrue(f.advice().english().contains("try 0.0001, a tenth of 0.001"), f.advice().english());

        Checkup flat = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        flat.record(epoch(1, 0.500, 0.5, UNSOLVED, 0));
        flat.record(epoch(2, 0.495, 0.5, UNSOLVED, 0));
        assertEquals(List.of(), signs(flat, null), "two epochs are too few to call a loss flat");
        flat.record(epoch(3, 0.490, 0.5, UNSOLVED, 0));
        assertEquals(List.of(Sign.LOSS_FLAT), signs(flat, null));
        assertEquals("The training loss hardly moved in 3 epochs: 0.5 → 0.49.",
                flat.findings(null).get(0).text().english());

        Checkup falling = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        for (int e = 1; e <= 4; e++) {
            falling.record(epoch(e, 1.0 / e, 1.0 / e, UNSOLVED, 0));
        }
        assertEquals(List.of(), signs(falling, null));
    }

    @Test
    void aModelNoBetterThanItsBaselineIsToldSoAndASolvedOneIsNot() {
        Checkup c = new Checkup(CONFIG, CellType.GRU, 0, 0);
        c.record(epoch(1, 0.5, 0.5, TaskScore.accuracy(0.21, 0.9, TaskScore.Baseline.CONSTANT, 0.2), 0));
        assertEquals(List.of(Sign.NO_BETTER_THAN_BASELINE), signs(c, null));
        assertTrue(c.findings(null).get(0).text().english().contains("21.0 % against 20.0 %"));
        Checkup better = new Checkup(CONFIG, CellType.GRU, 0, 0);
        better.record(epoch(1, 0.5, 0.5, TaskScore.accuracy(0.25, 0.9, TaskScore.Baseline.CONSTANT, 0.2), 0));
        assertEquals(List.of(), signs(better, null), "five points above the baseline is learning something");
        Checkup mse = new Checkup(CONFIG, CellType.GRU, 0, 0);
        mse.record(epoch(1, 0.5, 0.5, TaskScore.below(TaskScore.Metric.MSE, 0.99, 0.1, TaskScore.Baseline.MEAN,
                1.0), 0));
        assertEquals(List.of(Sign.NO_BETTER_THAN_BASELINE), signs(mse, null), "an MSE within 5 % of the mean's");

        Checkup solved = new Checkup(CONFIG, CellType.LSTM, 0, 0);
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
        Checkup c = new Checkup(CONFIG, CellType.LSTM, 0, 0);
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
        Checkup far = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        Checkup near = new Checkup(CONFIG, CellType.LSTM, 0, 0);
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
        Checkup c = new Checkup(CONFIG, CellType.RNN_TANH, 0, 0);
        c.record(epoch(1, 0.5, 0.5, UNSOLVED, 0));
        Checkup.Finding f = findings(c, new GradientReach.Measure(reach, 0)).get(0);
        assertEquals(Sign.VANISHING, f.sign());
        assertEquals("The gradient reaching t = 1 is 5e-07 times the largest one (at t = 3): the first steps of a "
                + "sequence hardly change the weights.", f.text().english());
        assertTrue(f.advice().english().startsWith("A simple RNN"), f.advice().english());
        assertEquals("vanishing-gradient", f.lesson());
        reach[0] = 2e-7;
        assertEquals(List.of(), signs(c, new GradientReach.Measure(reach, 0)));
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
        Checkup c = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        for (int i = 0; i < 4; i++) {
            c.record(new StepResult(0, i, 1, 100, false, 32));
        }
        c.record(epoch(1, 0.5, 0.5, UNSOLVED, 2));
        List<Checkup.Finding> all = findings(c, new GradientReach.Measure(new double[] {1e-9, 1}, 0.9));
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

    /**
     * A simple RNN has no gates: what saturates in it is its tanh hidden state, and its saturation, the vanishing
     * gradient it causes and the weights it holds still are told in those words, in both languages.
     */
    @Test
    void aSimpleRnnsSaturationIsOfItsHiddenStateNotOfGates() {
        Checkup c = new Checkup(CONFIG, CellType.RNN_TANH, 0, 0);
        epochOf(c, 1, 100, 0.5, 0.5 * Checkup.STILL * 100);
        epochOf(c, 2, 100, 0.5, 0.5 * Checkup.STILL * 100);
        epochOf(c, 3, 100, 0.5, 0.5 * Checkup.STILL * 100);
        List<Checkup.Finding> all = findings(c, new GradientReach.Measure(new double[] {1e-9, 1}, 0.9));
        ResourceBundle zhLocale = ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE);
        StringBuilder said = new StringBuilder();
        for (Checkup.Finding f : all) {
            said.append(f.text().english()).append(' ').append(f.advice().english()).append(' ');
            assertFalse(f.text().in(zhLocale).contains("门") || f.advice().in(zhLocale).contains("门"),
                    f.text().in(zhLocale) + " " + f.advice().in(zhLocale));
        }
        assertTrue(all.stream().map(Checkup.Finding::sign).toList().containsAll(
                List.of(Sign.LOSS_FLAT, Sign.SATURATED, Sign.VANISHING)), all.toString());
        assertFalse(said.toString().contains("gate"), said.toString());
        assertTrue(said.toString().contains("90.0 % of the hidden state's values are saturated"), said.toString());
        assertTrue(said.toString().contains("held by the saturated tanh units below"), said.toString());
        assertTrue(said.toString().contains("Here it is lost in the saturated tanh units"), said.toString());
    }

    /** An epoch of {@code steps} steps (gradient norm 1) that moved the weights by {@code change}. */
    private static void epochOf(Checkup c, int n, int steps, double loss, double change) {
        for (int i = 0; i < steps; i++) {
            c.record(new StepResult(n - 1, i, loss, 1, false, 32));
        }
        c.record(new EpochReport(n, loss, loss, UNSOLVED, (long) steps * n, 0, 1, change));
    }

    @Test
    void weightsThatBarelyMoveAreJudgedPerStepAndNotWhenGatesAreSaturated() {
        Checkup still = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        epochOf(still, 1, 100, 0.5, 0.99 * Checkup.STILL * 100);
        assertEquals(List.of(Sign.WEIGHTS_STILL), signs(still, null));
        Checkup.Finding f = findings(still, null).get(0);
        assertEquals("The weights barely move: the 100 steps of epoch 1 changed them by 0.00297 of their size "
                + "(‖Δw‖ / ‖w‖), 2.97e-05 per step.", f.text().english());
        assertEquals("A learning rate of 0.001 is too small to move them: try 0.01 or 0.1, ten or a hundred times "
                + "larger.", f.advice().english());
        assertEquals(List.of(), signs(still, new GradientReach.Measure(new double[] {1, 1}, Checkup.SATURATED_MOST))
                .stream().filter(s -> s == Sign.WEIGHTS_STILL).toList(), "saturated gates hold the weights");

        Checkup moving = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        epochOf(moving, 1, 100, 0.5, 1.01 * Checkup.STILL * 100);
        assertEquals(List.of(), signs(moving, null), "just above the line: moving");
        Checkup unknown = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        epochOf(unknown, 1, 100, 0.5, Double.NaN);
        assertEquals(List.of(), signs(unknown, null), "a change not measured is no sign");
    }

    @Test
    void aFlatLossSaysWhetherTheWeightsMove() {
        double[] changes = {1e-6, 0.2, Double.NaN, 1e-6};
        String[] advice = {"The loss cannot move while the weights do not (see above).",
            "The weights do move (‖Δw‖ / ‖w‖ = 0.2 in the last epoch), so a learning rate larger than 0.001 is not "
                    + "the answer: the gradient does not lead them anywhere. See the other signs; with none, try "
                    + "more units or another cell.",
            "Try a learning rate larger than 0.001, or more epochs.",
            "The weights barely move (‖Δw‖ / ‖w‖ = 1e-06 in the last epoch), held by the saturated gates below, not "
                    + "by the learning rate 0.001: a larger one would not help."};
        for (int k = 0; k < changes.length; k++) {
            Checkup c = new Checkup(CONFIG, CellType.LSTM, 0, 0);
            for (int e = 1; e <= 3; e++) {
                epochOf(c, e, 10, 0.5, changes[k]);
            }
            GradientReach.Measure saturated = k == 3 ? new GradientReach.Measure(new double[] {1, 1}, 0.9) : null;
            Checkup.Finding flat = findings(c, saturated).stream().filter(f -> f.sign() == Sign.LOSS_FLAT)
                    .findFirst().orElseThrow();
            assertEquals(advice[k], flat.advice().english());
        }
    }

    @Test
    void withoutClippingAStepFarAboveItsEpochsMedianIsASpike() {
        TrainingConfig unclipped = CONFIG.toBuilder().clipNorm(0).build();
        for (double top : new double[] {101, 99}) {
            for (TrainingConfig config : List.of(unclipped, CONFIG)) {
                Checkup c = new Checkup(config, CellType.LSTM, 0, 0);
                for (int i = 0; i < 9; i++) {
                    c.record(new StepResult(0, i, 1, i == 4 ? top : 1, false, 32));
                }
                c.record(epoch(1, 0.5, 0.5, UNSOLVED, 0));
                epochOf(c, 2, 9, 0.4, Double.NaN);   // a calm last epoch: the spike of epoch 1 still counts
                boolean spike = top > Checkup.SPIKE && config.clipNorm() == 0;
                assertEquals(spike ? List.of(Sign.GRADIENT_SPIKES) : List.of(), signs(c, null), top + " " + config);
                if (spike) {
                    assertEquals("Without clipping, the largest gradient norm of epoch 1, 101, was 101 times its "
                            + "median, 1: a few steps throw the weights far.", findings(c, null).get(0).text()
                            .english());
                    assertEquals("Clip the gradient norm (try 5, a few times the median), so that one wild step "
                            + "cannot undo many good ones.", findings(c, null).get(0).advice().english());
                    assertEquals("exploding-gradient", findings(c, null).get(0).lesson());
                }
            }
        }
        assertEquals(0.5, Checkup.clipSuggestion(0.0973), 1e-12);
        assertEquals(20, Checkup.clipSuggestion(3.8), 1e-12);
    }

    /**
     * Spikes at a learning rate 100 times its optimizer's default or more are blamed on the rate (Adam 0.001, RMSprop
     * 0.001 in Keras and 0.01 in PyTorch, SGD 0.01), below it clipping is the advice; in both languages.
     */
    @Test
    void spikesAtALearningRateFarAboveItsOptimizersDefaultAskToLowerIt() {
        Object[][] cases = {
            {OptimizerKind.ADAM, Flavour.KERAS, 0.1, true}, {OptimizerKind.ADAM, Flavour.TORCH, 0.099, false},
            {OptimizerKind.ADAM, Flavour.KERAS, 0.01, false}, {OptimizerKind.RMSPROP, Flavour.KERAS, 0.5, true},
            {OptimizerKind.RMSPROP, Flavour.TORCH, 0.5, false}, {OptimizerKind.RMSPROP, Flavour.TORCH, 1.0, true},
            {OptimizerKind.SGD, Flavour.KERAS, 0.5, false}, {OptimizerKind.SGD, Flavour.TORCH, 1.0, true},
        };
        ResourceBundle zh = ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE);
        for (Object[] k : cases) {
            TrainingConfig config = CONFIG.toBuilder().clipNorm(0).optimizer((OptimizerKind) k[0])
                    .flavour((Flavour) k[1]).learningRate((double) k[2]).build();
            Checkup c = new Checkup(config, CellType.LSTM, 0, 0);
            for (int i = 0; i < 9; i++) {
                c.record(new StepResult(0, i, 1, i == 4 ? 500 : 1, false, 32));
            }
            c.record(epoch(1, 0.5, 0.5, UNSOLVED, 0));
            Checkup.Finding f = findings(c, null).get(0);
            assertEquals(Sign.GRADIENT_SPIKES, f.sign());
            assertEquals((boolean) k[3] ? "engine.checkup.spikes.lr" : "engine.checkup.spikes.advice",
                    f.advice().key(), Arrays.toString(k));
            assertEquals("exploding-gradient", f.lesson(), "the lesson stays");
        }
        TrainingConfig rms = CONFIG.toBuilder().clipNorm(0).optimizer(OptimizerKind.RMSPROP).flavour(Flavour.TORCH)
                .learningRate(10).build();  // 1000 times: written out, not 1e+03
        Checkup c = new Checkup(rms, CellType.LSTM, 0, 0);
        for (int i = 0; i < 9; i++) {
            c.record(new StepResult(0, i, 1, i == 4 ? 500 : 1, false, 32));
        }
        c.record(epoch(1, 0.5, 0.5, UNSOLVED, 0));
        Message advice = findings(c, null).get(0).advice();
        assertEquals("The learning rate comes first: 10 is 1000 times RMSprop's default, 0.01, and each step goes too "
                + "far. Lower it into the usual range, 0.01 to 0.1; clipping the gradient norm would only hide steps "
                + "that are too large.", advice.english());
        assertEquals("先看学习率：10 是 RMSprop 默认值 0.01 的 1000 倍，每一步都走得太远。请把学习率降到常用范围 0.01 到 0.1；"
                + "梯度裁剪只会掩盖步子太大的问题。", advice.in(zh));
    }

    @Test
    void oneOrTwoUnitsAreTooFewWhenTheTaskSuggestsMore() {
        int[][] cases = {{1, 32, 1}, {2, 32, 1}, {3, 32, 0}, {2, 2, 0}, {0, 32, 0}};
        for (int[] k : cases) {
            Checkup c = new Checkup(CONFIG, CellType.GRU, k[0], k[1]);
            c.record(epoch(1, 0.5, 0.5, UNSOLVED, 0));
            assertEquals(k[2] == 1 ? List.of(Sign.FEW_UNITS) : List.of(), signs(c, null), java.util.Arrays.toString(k));
        }
        Checkup one = new Checkup(CONFIG, CellType.GRU, 1, 32);
        one.record(epoch(1, 0.5, 0.5, UNSOLVED, 0));
        ResourceBundle zh = ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE);
        assertEquals("Each recurrent layer has only 1 hidden unit: its state holds that many numbers per step, too "
                + "few for most tasks.", findings(one, null).get(0).text().english());
        assertEquals("每个循环层只有 1 个隐藏单元：隐状态每一步只有 1 个数，对大多数任务来说太少。",
                findings(one, null).get(0).text().in(zh));
        Checkup two = new Checkup(CONFIG, CellType.GRU, 2, 32);
        two.record(epoch(1, 0.5, 0.5, SOLVED, 0));
        assertEquals(List.of(), signs(two, null), "a task solved with two units needed no more");
    }

    @Test
    void theBaselinesAdviceSaysWhetherTheModelIsWorseOrRepeatsTheLastValue() {
        String[][] cases = {
            {"0.19", "CONSTANT", "It has learned the average answer, not what each sequence says."},
            {"0.17", "CONSTANT", "It does worse than that naive prediction: it has not learned even that yet, and "
                    + "the checkup finds no other sign. Train more epochs, or look at how far back its gradient "
                    + "reaches (the gradient chart, or the debugger)."},
            {"0.2", "LAST_VALUE", "It has learned to repeat the last value, not to predict what comes next."}};
        for (String[] k : cases) {
            Checkup c = new Checkup(CONFIG, CellType.LSTM, 0, 0);
            TaskScore.Baseline b = TaskScore.Baseline.valueOf(k[1]);
            TaskScore s = b == TaskScore.Baseline.LAST_VALUE
                    ? TaskScore.below(TaskScore.Metric.MSE, Double.parseDouble(k[0]), 0.01, b, 0.2)
                    : TaskScore.accuracy(Double.parseDouble(k[0]), 0.9, b, 0.2);
            c.record(epoch(1, 0.5, 0.5, s, 0));
            assertEquals(k[2], findings(c, null).get(0).advice().english(), k[0]);
        }
        Checkup mse = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        mse.record(epoch(1, 0.5, 0.5, TaskScore.below(TaskScore.Metric.MSE, 0.575, 0.001,
                TaskScore.Baseline.LAST_VALUE, 0.0312), 0));
        assertTrue(findings(mse, null).get(0).advice().english().startsWith("It does worse"),
                "a sine model 18 times worse than repeating the last value has not learned to repeat it");
    }

    /** A baseline-level model whose loss fell in each of the last three epochs may only be starting to learn. */
    @Test
    void aModelAtTheBaselineWhoseLossKeepsFallingMayOnlyBeStarting() {
        TaskScore majority = TaskScore.accuracy(0.529, 0.95, TaskScore.Baseline.MAJORITY, 0.522);
        double[] losses = {0.6835, 0.6795, 0.6743, 0.6665, 0.6608};  // a learning rate of 1e-5, epochs 3 to 10
        Checkup slow = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        for (int e = 0; e < losses.length; e++) {
            slow.record(epoch(e + 1, losses[e], losses[e], majority, 0));
        }
        Checkup.Finding f = findings(slow, null).get(0);
        assertEquals(Sign.NO_BETTER_THAN_BASELINE, f.sign());
        assertEquals("But its training loss fell in each of the last 3 epochs (0.68 → 0.661): it may only now be "
                + "starting to learn. Train longer, or try a larger learning rate (0.01).", f.advice().english());

        Checkup bump = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        double[] bumped = {0.6835, 0.6795, 0.6800, 0.6665, 0.6608};
        for (int e = 0; e < bumped.length; e++) {
            bump.record(epoch(e + 1, bumped[e], bumped[e], majority, 0));
        }
        assertEquals("engine.checkup.baseline.advice", findings(bump, null).get(0).advice().key(),
                "a loss that rose in one of the last three epochs");
        Checkup three = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        for (int e = 0; e < 3; e++) {
            three.record(epoch(e + 1, losses[e], losses[e], majority, 0));
        }
        assertEquals("engine.checkup.baseline.advice", findings(three, null).stream()
                .filter(x -> x.sign() == Sign.NO_BETTER_THAN_BASELINE).findFirst().orElseThrow().advice().key(),
                "three epochs have only two falls");
        Checkup stillAtBaseline = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        for (int e = 0; e < losses.length; e++) {
            for (int i = 0; i < 100; i++) {
                stillAtBaseline.record(new StepResult(e, i, losses[e], 1, false, 32));
            }
            stillAtBaseline.record(new EpochReport(e + 1, losses[e], losses[e], majority, 100L * (e + 1), 0, 1,
                    1e-6));
        }
        assertEquals("engine.checkup.baseline.advice", stillAtBaseline.findings(null).stream()
                .filter(x -> x.sign() == Sign.NO_BETTER_THAN_BASELINE).findFirst().orElseThrow().advice().key(),
                "weights that barely move are not a slow start");
    }

    /**
     * A forecast worse than repeating the last value, with no other sign (a random walk: a stock price): the advice
     * no longer points to "the other signs", which are not there, and says what to try and what may not be learnable.
     */
    @Test
    void aModelWorseThanItsBaselineWithNoOtherSignIsToldWhatToTry() {
        List<Checkup.Finding> f = alone(TaskScore.below(TaskScore.Metric.MSE, 0.0171, 0.0121,
                TaskScore.Baseline.LAST_VALUE, 0.0121), 0.17, 0.069, 0.05, 0.032);
        assertEquals("It does worse than repeating the last value, and the checkup finds no other sign. Train more "
                + "epochs, or try a smaller learning rate; but a series that moves at random from one row to the next "
                + "(a price, say) has nothing more to learn, and there repeating the last value is the best forecast.",
                f.get(0).advice().english());
        Checkup task = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        task.record(epoch(1, 0.5, 0.5, TaskScore.accuracy(0.1, 0.9, TaskScore.Baseline.CONSTANT, 0.2), 0));
        assertFalse(findings(task, null).get(0).advice().english().contains("other signs say more"),
                findings(task, null).get(0).advice().english());
        Checkup withOthers = new Checkup(CONFIG, CellType.LSTM, 1, 32);
        withOthers.record(epoch(1, 0.5, 0.5, TaskScore.accuracy(0.1, 0.9, TaskScore.Baseline.CONSTANT, 0.2), 0));
        assertEquals("engine.checkup.baseline.worse", findings(withOthers, null).get(0).advice().key(),
                "beside another sign (one unit), the others say more");
    }

    /**
     * A forecast of noise around a level (trading volumes) worse than always the training mean, its naive forecast,
     * with no other sign: the sign names that forecast and both errors, in English and Chinese, and the advice says
     * that such a series' best forecast is its mean.
     */
    @Test
    void aForecastWorseThanTheTrainingMeanIsToldThatNoiseHasNothingToLearn() {
        List<Checkup.Finding> f = alone(TaskScore.below(TaskScore.Metric.MSE, 1.291, 0.9965, TaskScore.Baseline.MEAN,
                0.9965), 1.05, 1.2, 0.92, 1.291);
        assertEquals("The model does no better than its task's naive prediction (always the training mean): 1.291 "
                + "against 0.9965.", f.get(0).text().english());
        assertEquals("模型并不比这个任务的朴素预测（总是预测训练集均值）更好：模型为 1.291，朴素预测为 0.9965。",
                f.get(0).text().in(java.util.ResourceBundle.getBundle(org.lstmlab.engine.text.Message.BUNDLE,
                        java.util.Locale.SIMPLIFIED_CHINESE)));
        assertEquals("It does worse than always forecasting the training mean, and the checkup finds no other sign. "
                + "Train more epochs, or try a smaller learning rate; but a series that is only noise around a level "
                + "(a trading volume, say) has nothing to learn from its past, and there the mean is the best "
                + "forecast.", f.get(0).advice().english());
    }

    /**
     * The character model on "Jabberwocky" ({@code train --task charlm --text jabberwocky --hidden 64 --epochs 5}, its
     * epochs' losses): it learns the poem by heart and its validation loss rises above the naive line. Its advice says
     * so and points to the overfitting sign, not that it "has not learned even that yet"; a forecast says the same of
     * repeating the last value, and without the overfitting sign the advice is as before.
     */
    @Test
    void aModelWorseThanItsBaselineWhileOverfittingIsToldItLearnedByHeart() {
        double[][] losses = {{2.8393, 3.0856}, {1.6970, 3.5825}, {0.9866, 4.3044}, {0.6054, 4.8985},
            {0.4086, 5.3708}};
        TaskScore poem = TaskScore.below(TaskScore.Metric.CROSS_ENTROPY, 5.3708, 2.2888,
                TaskScore.Baseline.FREQUENCIES, 2.8610);
        Checkup charlm = new Checkup(CONFIG, CellType.LSTM, 64, 0);
        for (int e = 0; e < losses.length; e++) {
            charlm.record(epoch(e + 1, losses[e][0], losses[e][1], poem, 0));
        }
        List<Checkup.Finding> f = findings(charlm, null);
        assertEquals(List.of(Sign.NO_BETTER_THAN_BASELINE, Sign.OVERFITTING),
                f.stream().map(Checkup.Finding::sign).toList());
        assertEquals("On data it has not seen (the validation set) it now does worse than that naive prediction, "
                + "because it has learned the training set by heart: see the overfitting sign.",
                f.get(0).advice().english());
        assertFalse(f.get(0).advice().english().contains("not learned even that"));
        TaskScore series = TaskScore.below(TaskScore.Metric.MSE, 0.09, 0.0121, TaskScore.Baseline.LAST_VALUE, 0.05);
        Checkup forecast = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        double[][] fit = {{0.05, 0.04}, {0.03, 0.05}, {0.02, 0.07}};
        for (int e = 0; e < fit.length; e++) {
            forecast.record(epoch(e + 1, fit[e][0], fit[e][1], series, 0));
        }
        assertEquals("engine.checkup.baseline.worseRepeatsByHeart", findings(forecast, null).get(0).advice().key());
        Checkup notOverfitting = new Checkup(CONFIG, CellType.LSTM, 1, 32);
        for (int e = 0; e < 3; e++) {   // both fall: no overfitting; the other sign (one unit) says more
            notOverfitting.record(epoch(e + 1, 3.0 - e * 0.5, 5.4 - e * 0.01, poem, 0));
        }
        assertEquals(List.of(Sign.NO_BETTER_THAN_BASELINE, Sign.FEW_UNITS), signs(notOverfitting, null));
        assertEquals("engine.checkup.baseline.worse", findings(notOverfitting, null).get(0).advice().key());
    }

    /** A model's error beside the naive forecast's keeps the digit that tells them apart (not 0.0101 and 0.01). */
    @Test
    void anErrorBesideTheNaiveOneKeepsItsDigits() {
        Checkup c = new Checkup(CONFIG, CellType.LSTM, 0, 0);
        c.record(epoch(1, 0.0101, 0.0101, TaskScore.below(TaskScore.Metric.MSE, 0.010104, 0.0094963,
                TaskScore.Baseline.LAST_VALUE, 0.0099961), 0));
        String says = findings(c, null).get(0).text().english();
        assertTrue(says.contains("0.0101") && says.contains("0.009996"), says);
    }

    /** A gradient norm of thousands reads 8,012, as train's errors in units do; small ones keep their exponent. */
    @Test
    void largeNumbersInTheCheckupsSentencesHaveNoExponent() {
        assertEquals("8,012", Checkup.num(8012.4));
        assertEquals("999.7", Checkup.num(999.7), "%.3g would write 1.00e+03");
        assertEquals("999", Checkup.num(999.2));
        assertEquals("0.0268", Checkup.num(0.0268));
        assertEquals("3e-05", Checkup.num(3e-5));
    }
}
