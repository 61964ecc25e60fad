package org.lstmlab.engine.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.data.Batches;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * The Train tab's free run of the sine: each forecast is the model's prediction after a window made of the true
 * start and the forecasts so far, which a whole forward pass over that window computes independently.
 */
class SineFreeRunTest {
    private final SineTask task = new SineTask();

    @Test
    void eachForecastIsTheWholeWindowsLastPredictionWithTheForecastsFedBack() {
        Dataset d = task.generate(8, 3);
        SequenceModel m = new SequenceModel(task.model(d, CellType.LSTM, 5, 1));
        Initializers.initialize(m, Initializers.Scheme.KERAS, 4);
        double[] start = Arrays.copyOf(d.validation().get(0).x(), 8);
        double[] free = SineTask.freeRun(m, start, 6);
        assertEquals(6, free.length);
        double[] window = start;
        for (int k = 0; k < free.length; k++) {
            double[] zeros = new double[window.length];
            m.forward(Batches.toBatch(List.of(Sample.dense(window, window.length, 1, zeros)), d.head(),
                    d.outputSize()));
            assertEquals(m.predictions()[window.length - 1], free[k], 1e-12, "forecast " + k);
            window = Arrays.copyOf(window, window.length + 1);
            window[window.length - 1] = free[k];
        }
    }

    @Test
    void noStepsGiveNoForecastsAndNoStartIsRefused() {
        Dataset d = task.generate(8, 3);
        SequenceModel m = new SequenceModel(task.model(d, CellType.GRU, 3, 1));
        assertArrayEquals(new double[0], SineTask.freeRun(m, new double[] {0.5}, 0));
        assertThrows(IllegalArgumentException.class, () -> SineTask.freeRun(m, new double[0], 3));
    }
}
