package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Checkup;
import org.lstmlab.engine.session.RunRecord;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.ui.common.CheckupPanel;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.LessonLauncher;

/** The Train tab's checkup: a run that cannot learn shows its signs, in either language, and opens its lesson. */
class CheckupPanelTest {
    @Test
    void aSimpleRnnOnLongSequencesShowsTheVanishingGradientAndOpensItsLesson() {
        TinyTask t = new TinyTask("adding", 64, false);
        TrainingConfig c = t.defaults().toBuilder().epochs(1).batchSize(16).threads(1).shards(1).build();
        RunSetup setup = new RunSetup(() -> t, new RunRecord("adding", 100, CellType.RNN_TANH, 8, 1, Double.NaN, 0,
                0, null, 0), c, null);
        TrainingRun run = new TrainingRun(setup, false);
        run.start();
        TrainingSnapshot s = TrainingRunTest.waitFor(run, x -> x.state().isOver());
        List<Checkup.Sign> signs = s.checkup().stream().map(Checkup.Finding::sign).toList();
        assertTrue(signs.contains(Checkup.Sign.VANISHING), signs + " " + s.message());

        List<String> opened = new ArrayList<>();
        CheckupPanel panel = new CheckupPanel();
        panel.setLessonLauncher(new LessonLauncher() {
            @Override
            public String title(String id) {
                return id.equals("vanishing-gradient") ? "Vanishing gradients, measured" : null;
            }

            @Override
            public void open(String id) {
                opened.add(id);
            }
        });
        ResourceBundle en = I18n.bundle(Locale.ENGLISH);
        panel.show(en, s.checkup(), null);
        String text = panel.textProperty().get();
        assertTrue(text.startsWith(signs.size() == 1 ? "Checkup: one warning sign\n⚠ " : "Checkup: " + signs.size()
                + " warning signs\n⚠ "), text);
        assertTrue(text.contains("⚠ The gradient reaching t = 1 is "), text);
        assertTrue(text.contains("A simple RNN multiplies the gradient"), text);
        assertEquals("Lesson: Vanishing gradients, measured", panel.lessonTitleProperty().get());
        panel.openLesson();
        assertEquals(List.of("vanishing-gradient"), opened);

        panel.relabel(I18n.bundle(Locale.SIMPLIFIED_CHINESE));
        assertTrue(panel.textProperty().get().startsWith("训练诊断：发现 " + signs.size() + " 个警示信号\n⚠ "),
                panel.textProperty().get());
        assertTrue(panel.textProperty().get().contains("传到 t = 1 的梯度只有最大梯度"), panel.textProperty().get());
        assertEquals("课程：Vanishing gradients, measured", panel.lessonTitleProperty().get(),
                "the title is the launcher's, in the Learn tab's language of the moment");

        panel.clear();
        assertEquals("", panel.textProperty().get());
        assertEquals("", panel.lessonTitleProperty().get());
        panel.openLesson();
        assertEquals(1, opened.size(), "no lesson to open after the signs are gone");
    }

    @Test
    void withoutALauncherOrALessonThereIsNoLink() {
        CheckupPanel panel = new CheckupPanel();
        Checkup c = new Checkup(TrainingConfig.kerasDefaults(), CellType.LSTM, 0, 0);
        c.record(new org.lstmlab.engine.session.EpochReport(1, 1, 1, org.lstmlab.engine.tasks.TaskScore.accuracy(0.2,
                0.9, org.lstmlab.engine.tasks.TaskScore.Baseline.CONSTANT, 0.2), 4, 2, 1, Double.NaN));
        panel.show(I18n.bundle(Locale.ENGLISH), c.findings(null), null);
        assertTrue(panel.textProperty().get().startsWith("Checkup: 2 warning signs\n⚠ 2 of 4 steps"),
                panel.textProperty().get());
        assertEquals("", panel.lessonTitleProperty().get(), "no launcher: no link");
        panel.openLesson();   // nothing to open, nothing thrown
    }

    /**
     * A small ratio reads 4.77 × 10⁻⁸ in either language, never 4.77e-08, which a narrow pane wrapped at its hyphen;
     * the spaces around × do not break, nor the one before a %.
     */
    @Test
    void smallNumbersReadAsPowersOfTenInBothLanguages() {
        Checkup c = new Checkup(TrainingConfig.kerasDefaults().toBuilder().learningRate(1e-6).build(),
                CellType.LSTM, 0, 0);
        c.record(new org.lstmlab.engine.session.EpochReport(1, 1, 1, org.lstmlab.engine.tasks.TaskScore.accuracy(0.6,
                0.9, org.lstmlab.engine.tasks.TaskScore.Baseline.NONE, Double.NaN), 4, 0, 1, Double.NaN));
        List<Checkup.Finding> signs = c.findings(List.of(new org.lstmlab.engine.session.GradientReach.Measure(
                new double[] {4.77e-8, 1}, 0.9)));
        CheckupPanel panel = new CheckupPanel();
        panel.show(I18n.bundle(Locale.ENGLISH), signs, null);
        String power = "4.77\u00a0×\u00a010⁻⁸";
        assertTrue(panel.textProperty().get().contains("is " + power + " times the largest one"),
                panel.textProperty().get());
        assertTrue(panel.textProperty().get().contains("⚠ 90.0\u00a0% of the gate values"), panel.textProperty().get());
        panel.relabel(I18n.bundle(Locale.SIMPLIFIED_CHINESE));
        assertTrue(panel.textProperty().get().contains("的 " + power + " 倍"), panel.textProperty().get());
        assertFalse(panel.textProperty().get().contains("e-0"), panel.textProperty().get());
    }

    /** With no sign, the progress line is the text, kept apart from a sign, relabelled and cleared with them. */
    @Test
    void withNoSignTheProgressIsShownAndFollowsTheLanguage() {
        org.lstmlab.engine.text.Message progress = org.lstmlab.engine.text.Message.of("engine.progress.stuck",
                org.lstmlab.engine.text.Message.of("engine.progress.metric.accuracy"), "14.1 %", "20.2 %", "5",
                "90.0 %");
        CheckupPanel panel = new CheckupPanel();
        panel.show(I18n.bundle(Locale.ENGLISH), List.of(), progress);
        assertTrue(panel.textProperty().get().startsWith("No warning sign the checkup knows, but its validation "
                + "accuracy stayed between 14.1\u00a0% and 20.2\u00a0%"), panel.textProperty().get());
        assertEquals("", panel.lessonTitleProperty().get());
        panel.relabel(I18n.bundle(Locale.SIMPLIFIED_CHINESE));
        assertTrue(panel.textProperty().get().startsWith("训练诊断没有发现它认识的警示信号，但它的验证准确率"),
                panel.textProperty().get());
        Checkup c = new Checkup(TrainingConfig.kerasDefaults(), CellType.LSTM, 0, 0);
        c.record(new org.lstmlab.engine.session.EpochReport(1, 1, 1, org.lstmlab.engine.tasks.TaskScore.accuracy(0.2,
                0.9, org.lstmlab.engine.tasks.TaskScore.Baseline.CONSTANT, 0.2), 4, 0, 1, Double.NaN));
        panel.show(I18n.bundle(Locale.ENGLISH), c.findings(null), null);
        assertTrue(panel.textProperty().get().startsWith("Checkup: one warning sign\n⚠ "), "a sign comes first: "
                + panel.textProperty().get());
        assertEquals(2, panel.textProperty().get().lines().count(), "with no progress, the sign alone");
        panel.clear();
        panel.relabel(I18n.bundle(Locale.ENGLISH));
        assertEquals("", panel.textProperty().get(), "cleared, the progress is gone too");
    }

    /** Under the signs, the last paragraph says what the score did, in the reader's language. */
    @Test
    void underTheSignsTheLastParagraphSaysWhatTheScoreDid() {
        Checkup c = new Checkup(TrainingConfig.kerasDefaults(), CellType.LSTM, 2, 50);
        List<org.lstmlab.engine.session.EpochReport> epochs = new ArrayList<>();
        double[] acc = {0.823, 0.9, 0.943};
        double[] loss = {0.3, 0.236, 0.2195};
        for (int i = 0; i < acc.length; i++) {
            epochs.add(new org.lstmlab.engine.session.EpochReport(i + 1, loss[i], loss[i],
                    org.lstmlab.engine.tasks.TaskScore.accuracy(acc[i], 0.95,
                            org.lstmlab.engine.tasks.TaskScore.Baseline.MAJORITY, 0.522), 250, 0, 1, 1e-3));
            c.record(epochs.get(i));
        }
        List<Checkup.Finding> signs = c.findings(null);
        assertEquals(List.of(Checkup.Sign.FEW_UNITS), signs.stream().map(Checkup.Finding::sign).toList());
        CheckupPanel panel = new CheckupPanel();
        panel.show(I18n.bundle(Locale.ENGLISH), signs, c.progress(signs));
        List<String> lines = panel.textProperty().get().lines().toList();
        assertEquals(3, lines.size(), panel.textProperty().get());
        assertTrue(lines.get(1).startsWith("⚠ Each recurrent layer has only 2 hidden units"), lines.get(1));
        assertEquals("What its score did: its validation accuracy improved from 82.3\u00a0% to 94.3\u00a0% in 3 "
                + "epochs, and its training loss still fell by 7.0\u00a0% in the last one, so it is still learning "
                + "in spite of what the checkup found.", lines.get(2));
        panel.relabel(I18n.bundle(Locale.SIMPLIFIED_CHINESE));
        lines = panel.textProperty().get().lines().toList();
        assertTrue(lines.get(2).startsWith("它的成绩：验证准确率在 3 个迭代周期里从 82.3\u00a0% 改善到 94.3\u00a0%"),
                lines.get(2));
    }
}
