package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.trace.Trace;

/** The hand-built presets do what their names say on the engine, for every cell that has them. */
class HandBuiltWeightsTest {

    static Trace run(WeightPreset preset, CellType cell, double[] x) {
        RecurrentStack s = new RecurrentStack(cell, 1, HandBuiltWeights.hiddenSize(preset, cell), 1);
        HandBuiltWeights.apply(preset, s);
        return TraceJob.run(new Workspace(s, x.length, x, List.of("x"), LossKind.LAST_STEP_SUM).request(), p -> { })
                .trace();
    }

    static double[] input(double first, int steps) {
        double[] x = InputPreset.SINE.generate(steps, 1, null).values();
        x[0] = first;
        return x;
    }

    @Test
    void theGruLatchKeepsTheFirstInput() {
        Trace tr = run(WeightPreset.LATCH, CellType.GRU, input(0.6, 200));
        assertEquals(Math.tanh(0.6), tr.value("h", 0, 0, 0, 0), 0.01);
        assertEquals(tr.value("h", 0, 0, 0, 0), tr.value("h", 0, 199, 0, 0), 1e-3);
    }

    @Test
    void theRnnLatchKeepsTheSignOfTheFirstInput() {
        for (double first : new double[] {0.4, -0.4}) {
            Trace tr = run(WeightPreset.LATCH, CellType.RNN_TANH, input(first, 100));
            for (int t = 2; t < 100; t++) {
                assertEquals(Math.signum(first), tr.value("h", 0, t, 0, 0), 0.01, "t = " + t);
            }
        }
    }

    @Test
    void theReluCounterCounts() {
        double[] x = InputPreset.COUNTING.generate(50, 1, null).values();
        Trace tr = run(WeightPreset.COUNTER, CellType.RNN_RELU, x);
        int n = 0;
        for (int t = 0; t < 50; t++) {
            n += (int) x[t];
            assertEquals(n, tr.value("h", 0, t, 0, 0), 1e-12);
        }
    }

    @Test
    void presetsThatDoNotExistAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> run(WeightPreset.COUNTER, CellType.GRU, input(1, 3)));
        assertThrows(IllegalArgumentException.class, () -> run(WeightPreset.LATCH, CellType.RNN_RELU, input(1, 3)));
    }
}
