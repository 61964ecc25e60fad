package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.lessons.TrainingRuns;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.ui.common.I18n;

/**
 * A model a lesson trained opens in the debugger under a name a student reads, in their language: it was titled
 * with the run's name in the lesson file (v_rnn_tanh, ti_lstm, k_lstm).
 */
class TrainedTitleTest {
    private static TrainingRuns.Run run(CellType cell, int epochs) {
        return new TrainingRuns.Run("ti_lstm", cell, null, null, Map.of(), java.util.Collections.nCopies(epochs, 0.5));
    }

    @Test
    void theCellAndItsEpochsNotTheRunsName() {
        assertEquals("LSTM trained in this lesson, epoch 8, validation sequence 1",
                LessonBridge.trainedTitle(I18n.bundle(Locale.ENGLISH), run(CellType.LSTM, 8)).get());
        assertEquals("本课训练的输入门用 tanh 的 LSTM —— 教程中的错误，第 3 个迭代周期，验证序列 1",
                LessonBridge.trainedTitle(I18n.bundle(Locale.SIMPLIFIED_CHINESE), run(CellType.LSTM_TANH_INPUT, 3))
                        .get());
    }
}
