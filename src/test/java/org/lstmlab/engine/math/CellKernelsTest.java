package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.Adam;

/**
 * The vector cell equations ({@link CellKernel}, simd.VectorCells) at 256 and at 512 bits give exactly the bits of
 * the layers' own scalar loops, their plain twins: whole training runs of every LSTM and GRU cell, with hidden sizes
 * that are a multiple of the lanes, that leave an overlapping last vector, and that are too small for a vector (the
 * loops then run).
 */
class CellKernelsTest {
    private static final CellType[] CELLS = {CellType.LSTM, CellType.LSTM_SQUASHED_CELL, CellType.LSTM_TANH_INPUT,
        CellType.GRU, CellType.GRU_RESET_BEFORE};

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {256, 512})
    void vectorCellsEqualTheLayersLoopsBitForBit(int bits) {
        CellKernel vector = VectorWidths.create(bits, "VectorCells", CellKernel.class);
        for (CellType cell : CELLS) {
            for (int hidden : new int[] {3, 16, 21}) {
                List<double[]> plain;
                try (Cells.Override o = Cells.override(null)) {
                    assertNull(Cells.forHidden(hidden));
                    plain = train(cell, hidden);
                }
                List<double[]> fast;
                try (Cells.Override o = Cells.override(vector)) {
                    if (hidden >= vector.lanes()) {
                        assertNotNull(Cells.forHidden(hidden));
                    }
                    fast = train(cell, hidden);
                }
                for (int i = 0; i < plain.size(); i++) {
                    double[] p = plain.get(i);
                    double[] f = fast.get(i);
                    for (int j = 0; j < p.length; j++) {
                        assertEquals(Double.doubleToRawLongBits(p[j]), Double.doubleToRawLongBits(f[j]),
                                () -> vector.name() + " " + cell + " H=" + hidden + ": parameter differs");
                    }
                }
            }
        }
    }

    /** Four Adam steps of a two-layer model with a loss on every step; the parameters after. */
    private static List<double[]> train(CellType cell, int h) {
        int d = 3;
        int steps = 5;
        int batch = 3;
        SequenceModel model = new SequenceModel(new ModelSpec(cell, d, h, 2, 2, HeadMode.LAST,
                Loss.BINARY_CROSS_ENTROPY));
        Initializers.initialize(model, Initializers.Scheme.TORCH, 11);
        SplittableRandom r = new SplittableRandom(12);
        double[] x = new double[steps * batch * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * r.nextGaussian();
        }
        double[] y = new double[batch * 2];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextBoolean() ? 1 : 0;
        }
        Batch b = Batch.ofValues(SequenceInput.dense(x, steps, batch, d), y);
        Adam adam = Adam.torch(0.05);
        for (int s = 0; s < 4; s++) {
            model.zeroGrad();
            model.forward(b);
            model.backward(true);
            adam.step(model.parameters());
        }
        List<double[]> out = new ArrayList<>();
        for (Param p : model.parameters()) {
            out.add(p.data().clone());
        }
        return out;
    }
}
