package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.session.LearningProgress;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;

/**
 * A Train tab run that ends unsolved with no warning sign is told what its accuracy did (still learning, levelling
 * off or stuck) once it has ended, never "not solved" and nothing else; in Chinese after View ▸ Language.
 */
class TrainTabProgressTest {
    @Test
    void anUnsolvedRunWithNoSignIsToldWhatItsAccuracyDid() {
        FakeFx fx = new FakeFx();
        I18n.Live i18n = I18n.live(Locale.ENGLISH);
        TrainingViewModel vm = new TrainingViewModel(i18n, fx);
        vm.chooseTask(Tasks.byName("keras-example"));
        vm.form().learningRateProperty().set("1e-4");   // 55.9 % after one epoch, 79.0 % after two (seed 42)
        vm.form().epochsProperty().set(2);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        TrainingSnapshot s = vm.snapshotProperty().get();
        assertTrue(!s.lastEpoch().solved() && s.checkup().isEmpty(), "two epochs of the Keras example at a learning "
                + "rate of 1e-4 learn without solving it, and show no sign: " + s.lastEpoch() + " " + s.checkup());
        String said = vm.checkup().textProperty().get();
        assertTrue(said.startsWith("No warning sign: nothing in this run looks broken. Its validation accuracy "
                + "improved from "), said);
        assertEquals(LearningProgress.of(s.epochMetrics()).in(I18n.bundle(Locale.ENGLISH))
                .replace(" %", "\u00a0%"), said);
        assertEquals(List.of(), s.checkup());

        i18n.use(Locale.SIMPLIFIED_CHINESE);
        vm.relabel();
        String zh = vm.checkup().textProperty().get();
        assertTrue(zh.startsWith("没有警示信号：这次训练看不出哪里出了问题。它的验证准确率在 2 个迭代周期里"), zh);
    }
}
