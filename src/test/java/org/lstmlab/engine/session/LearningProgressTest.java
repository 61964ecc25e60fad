package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.text.Message;

/**
 * What an unsolved run with no warning sign is told about its score: each rule at its boundary, for an accuracy and
 * for a metric where lower is better, in English and Chinese.
 */
class LearningProgressTest {
    private static final ResourceBundle ZH = ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE);

    /** Epochs with these accuracies (solved at 90 %) and training losses. */
    private static List<EpochReport> accuracy(double[] acc, double[] loss) {
        List<EpochReport> out = new ArrayList<>();
        for (int i = 0; i < acc.length; i++) {
            out.add(new EpochReport(i + 1, loss[i], loss[i], TaskScore.accuracy(acc[i], 0.9,
                    TaskScore.Baseline.MAJORITY, 0.5), 10L * (i + 1), 0, 1, 1e-3));
        }
        return out;
    }

    private static List<EpochReport> mse(double[] mse, double[] loss) {
        List<EpochReport> out = new ArrayList<>();
        for (int i = 0; i < mse.length; i++) {
            out.add(new EpochReport(i + 1, loss[i], loss[i], TaskScore.below(TaskScore.Metric.MSE, mse[i], 0.001,
                    TaskScore.Baseline.LAST_VALUE, 0.03), 10L * (i + 1), 0, 1, 1e-3));
        }
        return out;
    }

    private static String key(List<EpochReport> epochs) {
        Message m = LearningProgress.of(epochs);
        return m == null ? null : m.key();
    }

    @Test
    void aRisingAccuracyWithAFallingLossIsStillLearning() {
        Message m = LearningProgress.of(accuracy(new double[] {0.478, 0.6, 0.817}, new double[] {0.68, 0.42, 0.40}));
        assertEquals("No warning sign: nothing in this run looks broken. Its validation accuracy improved from 47.8 % "
                + "to 81.7 % in 3 epochs, and its training loss still fell by 4.8 % in the last one: it is learning, "
                + "but not yet enough. More epochs, or more training samples, may solve it.", m.english());
        assertTrue(m.in(ZH).startsWith("没有警示信号：这次训练看不出哪里出了问题。它的验证准确率在 3 个迭代周期里从 47.8 % 改善到 81.7 %"),
                m.in(ZH));
    }

    @Test
    void theBoundariesOfLearning() {
        double[] falling = {0.7, 0.6, 0.5};
        assertEquals("engine.progress.learning", key(accuracy(new double[] {0.30, 0.31, 0.35}, falling)),
                "5 points gained");
        assertEquals("engine.progress.stuck", key(accuracy(new double[] {0.30, 0.31, 0.349}, falling)),
                "4.9 points");
        assertEquals("engine.progress.learning", key(accuracy(new double[] {0.30, 0.60, 0.58}, falling)),
                "2 points below the best: one noisy epoch");
        assertEquals("engine.progress.stuck", key(accuracy(new double[] {0.30, 0.60, 0.579}, falling)),
                "more than 2 points below the best: it lost what it learned");
        assertEquals("engine.progress.learning", key(accuracy(new double[] {0.3, 0.5}, new double[] {1, 0.99})),
                "the loss fell 1 % in the last epoch");
        Message level = LearningProgress.of(accuracy(new double[] {0.3, 0.5}, new double[] {1, 0.991}));
        assertEquals("engine.progress.levelled", level.key(), "0.9 %");
        assertTrue(level.english().contains("levelled off (1 → 0.991 in the last epoch) short of the 90.0 % "),
                level.english());
        assertEquals("engine.progress.levelled", key(accuracy(new double[] {0.3, 0.5}, new double[] {1, 1.2})),
                "a loss that rose in the last epoch has not gone on falling");
    }

    @Test
    void aMetricWhereLowerIsBetterLearnsWhenItFallsByAFifth() {
        double[] falling = {0.9, 0.8, 0.7};
        assertEquals("engine.progress.learning", key(mse(new double[] {0.05, 0.045, 0.04}, falling)));
        assertEquals("engine.progress.stuck", key(mse(new double[] {0.05, 0.045, 0.0401}, falling)));
        assertEquals("engine.progress.stuck", key(mse(new double[] {0.05, 0.02, 0.0221}, falling)),
                "10 % above its best epoch, it lost what it learned");
        Message stuck = LearningProgress.of(mse(new double[] {0.05, 0.03, 0.045}, falling));
        assertEquals("No warning sign the checkup knows, but its validation MSE stayed between 0.03 and 0.05 in 3 "
                + "epochs, far from the 0.001 that counts as solved. See how far back its gradient reaches: the "
                + "gradient chart of the Train tab, or the debugger.", stuck.english());
        assertTrue(stuck.in(ZH).contains("验证均方误差（MSE）在 3 个迭代周期里一直在 0.03 到 0.05 之间"), stuck.in(ZH));
    }

    @Test
    void oneEpochIsTooFewToTellAndASolvedRunIsToldNothing() {
        Message one = LearningProgress.of(accuracy(new double[] {0.3}, new double[] {1}));
        assertEquals("No warning sign the checkup knows. After one epoch its validation accuracy is 30.0 %, short of "
                + "the 90.0 % that counts as solved, and one epoch is too few to tell whether it is still learning: "
                + "train more epochs.", one.english());
        assertNull(LearningProgress.of(List.of()));
        assertNull(LearningProgress.of(accuracy(new double[] {0.3, 0.95}, new double[] {1, 0.5})), "solved");
        assertNull(LearningProgress.of(mse(new double[] {0.05, Double.NaN}, new double[] {1, 0.5})),
                "no finite score");
        Message skipped = LearningProgress.of(mse(new double[] {0.05, Double.NaN, 0.045}, new double[] {1, 1, 1}));
        assertTrue(skipped.english().contains("stayed between 0.045 and 0.05 in 3 epochs"), skipped.english());
    }

    @Test
    void aScoreThatNeverMovedIsSaidToStayAtOneValue() {
        Message at = LearningProgress.of(accuracy(new double[] {0.478, 0.478, 0.478}, new double[] {0.69, 0.69, 0.69}));
        assertEquals("engine.progress.stuckAt", at.key());
        assertTrue(at.english().contains("its validation accuracy stayed at 47.8 % for 3 epochs, far from the 90.0 %"),
                at.english());
        assertTrue(at.in(ZH).contains("验证准确率在 3 个迭代周期里一直是 47.8 %"), at.in(ZH));
        assertEquals("engine.progress.stuck", key(accuracy(new double[] {0.478, 0.479, 0.478}, new double[] {1, 1, 1})),
                "a tenth of a point is shown, so it is a range");
    }

    @Test
    void underWarningSignsTheSentenceSaysWhatTheScoreDidWithoutSayingNothingIsBroken() {
        List<EpochReport> rising = accuracy(new double[] {0.623, 0.75, 0.843}, new double[] {0.3, 0.236, 0.2195});
        Message beside = LearningProgress.besideSigns(rising);
        assertEquals("What its score did: its validation accuracy improved from 62.3 % to 84.3 % in 3 epochs, and its "
                + "training loss still fell by 7.0 % in the last one, so it is still learning in spite of what the "
                + "checkup found.", beside.english());
        assertTrue(beside.in(ZH).startsWith("它的成绩：验证准确率在 3 个迭代周期里从 62.3 % 改善到 84.3 %"), beside.in(ZH));
        Checkup.Finding sign = new Checkup.Finding(Checkup.Sign.FEW_UNITS, Message.verbatim("few"),
                Message.verbatim("more"), null);
        assertEquals(beside, LearningProgress.forCheckup(List.of(sign), rising));
        assertEquals(LearningProgress.of(rising), LearningProgress.forCheckup(List.of(), rising));
        assertEquals("engine.progress.signs.levelled", LearningProgress.besideSigns(
                accuracy(new double[] {0.3, 0.5}, new double[] {1, 0.995})).key());
        assertNull(LearningProgress.besideSigns(accuracy(new double[] {0.3, 0.31}, new double[] {1, 0.5})),
                "a score that did not improve: the signs say why");
        assertNull(LearningProgress.besideSigns(accuracy(new double[] {0.3}, new double[] {1})),
                "after one epoch the signs say enough");
        assertNull(LearningProgress.besideSigns(accuracy(new double[] {0.3, 0.95}, new double[] {1, 0.5})), "solved");
    }

    @Test
    void eachKindHasTheIdAJsonLineGives() {
        assertEquals(LearningProgress.Kind.LEARNING, LearningProgress.kind(
                accuracy(new double[] {0.3, 0.5}, new double[] {1, 0.9})));
        assertEquals(LearningProgress.Kind.LEVELLED, LearningProgress.kind(
                accuracy(new double[] {0.3, 0.5}, new double[] {1, 1})));
        assertEquals(LearningProgress.Kind.STUCK, LearningProgress.kind(
                accuracy(new double[] {0.3, 0.3}, new double[] {1, 0.9})));
        assertEquals("one_epoch", LearningProgress.kind(accuracy(new double[] {0.3}, new double[] {1})).id());
        assertNull(LearningProgress.kind(accuracy(new double[] {0.3, 0.95}, new double[] {1, 0.5})));
    }
}
