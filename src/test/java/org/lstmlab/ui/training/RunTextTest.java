package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.ui.common.I18n;

/**
 * The progress line under the Train tab's bar: a finished run has done every batch of its last epoch (it read
 * "epoch 20/20, batch 0/63", as if the last epoch had not begun); a run between two epochs is at the next one's
 * first batch.
 */
class RunTextTest {
    private static final ResourceBundle EN = I18n.bundle(Locale.ENGLISH);
    private static final ResourceBundle ZH = I18n.bundle(Locale.SIMPLIFIED_CHINESE);

    private static TrainingSnapshot at(RunState state, int epochsDone, int epochs, int batch) {
        TrainingSnapshot p = TrainingSnapshot.preparing(epochs);
        return new TrainingSnapshot(1, state, "", epochsDone, epochs, batch, 63, 63L * epochsDone + batch, 3022,
                0, p.lastLoss(), p.lastGradNorm(), 0, p.history(), List.of(), List.of(), p.weights(), p.gradients(),
                "", p.freeRun(), p.freeRunTruth(), List.of(), null);
    }

    @Test
    void aFinishedRunHasDoneEveryBatchOfItsLastEpoch() {
        assertEquals("Finished · epoch 20/20, batch 63/63 · 3,022 samples/s · 0:00 left · 1,260 steps",
                RunText.status(EN, at(RunState.FINISHED, 20, 20, 0)));
        assertEquals("已完成 · 第 20/20 个迭代周期，第 63/63 批 · 每秒 3,022 个样本 · 剩余 0:00 · 已训练 1,260 步",
                RunText.status(ZH, at(RunState.FINISHED, 20, 20, 0)));
    }

    @Test
    void aRunBetweenTwoEpochsIsAtTheNextOnesFirstBatch() {
        assertEquals("Training · epoch 6/20, batch 0/63 · 3,022 samples/s · 0:00 left · 315 steps",
                RunText.status(EN, at(RunState.RUNNING, 5, 20, 0)));
    }
}
