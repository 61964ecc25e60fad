package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
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
 * The engine may move from the plain loops to the vector kernels at any moment (KernelWarmup) because whole
 * training runs give the same bits on both: checked here for LSTM, GRU and RNN models in both precisions (the
 * float32 one with the float32 cell kernels switched too).
 */
class KernelSwitchTest {
    @Test
    void trainingOnPlainAndOnVectorKernelsGivesTheSameBits() {
        assertTrue(Simd.enabled(), "surefire runs with the Vector API module");
        try {
            for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU, CellType.RNN_TANH}) {
                for (Precision precision : Precision.values()) {
                    Gemm.usePlainKernels();
                    Pointwise.usePlainKernel();
                    Cells.usePlainKernel();
                    FloatCells.usePlainKernel();
                    List<double[]> plain = train(cell, precision);
                    Gemm.useFastKernels();
                    Gemm.useFastFloatKernels();
                    Pointwise.useFastKernel();
                    Cells.useFastKernel();
                    FloatCells.useFastKernel();
                    List<double[]> vector = train(cell, precision);
                    for (int i = 0; i < plain.size(); i++) {
                        assertArrayEquals(plain.get(i), vector.get(i), cell + " " + precision + " parameter " + i);
                    }
                }
            }
        } finally {
            Gemm.useFastKernels();
            Gemm.useFastFloatKernels();
            Pointwise.useFastKernel();
            Cells.useFastKernel();
            FloatCells.useFastKernel();
        }
    }

    /** Five Adam steps of a two-layer model (sizes that hit tiles, tails and single rows); the parameters after. */
    private static List<double[]> train(CellType cell, Precision precision) {
        int d = 3;
        int h = 21;
        int steps = 7;
        int batch = 9;
        SequenceModel model = new SequenceModel(new ModelSpec(cell, d, h, 2, 2, HeadMode.LAST,
                Loss.BINARY_CROSS_ENTROPY));
        Initializers.initialize(model, Initializers.Scheme.TORCH, 5);
        model.setPrecision(precision);
        SplittableRandom r = new SplittableRandom(6);
        double[] x = new double[steps * batch * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        double[] y = new double[batch * 2];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextBoolean() ? 1 : 0;
        }
        Batch b = Batch.ofValues(SequenceInput.dense(x, steps, batch, d), y);
        Adam adam = Adam.torch(0.01);
        for (int s = 0; s < 5; s++) {
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

    /**
     * Only mm with one column and small one-row and one-column products stay on the plain loops
     * (docs/notes/thin-products-2026-12-01.md): a batch of one at H = 64 or more, bias sums and dW_ih of a
     * one-dimensional input run on the vector kernels.
     */
    @Test
    void onlySmallOneRowAndOneColumnProductsStayOnThePlainLoops() {
        assertTrue(Gemm.thin(true, 32, 32, 1) && Gemm.thin(false, 1, 32, 32), "the head at B = H = 32");
        assertTrue(Gemm.thin(true, 32, 256, 1) && Gemm.thin(true, 1000, 256, 1), "h·Wᵀ of a head with one output");
        assertTrue(Gemm.thin(true, 1, 16, 64) && Gemm.thin(true, 1, 1, 200), "tiny rows");
        assertFalse(Gemm.thin(true, 1, 256, 1024) || Gemm.thin(true, 1, 64, 256) || Gemm.thin(true, 1, 64, 64),
                "a batch of one");
        assertFalse(Gemm.thin(true, 1, 640, 96) || Gemm.thin(false, 96, 640, 1), "bias sums, dW_ih with D = 1");
        assertFalse(Gemm.thin(false, 1, 32, 256) || Gemm.thin(true, 2, 256, 1024), "larger rows");
    }

    @Test
    void warmUpEndsAndItsReportMatchesTheKernelInUse() {
        KernelWarmup.Report report = KernelWarmup.await(Precision.FLOAT64, 300_000);
        assertNotNull(report, "the warm-up ends within MAX_SECONDS plus its start");
        assertTrue(report.seconds() <= KernelWarmup.MAX_SECONDS + 30, report.toString());
        if (report.fast()) {  // (when it gave up, the other test of this class may have switched by hand)
            assertEquals(Gemm.FAST.name(), Gemm.activeKernelName(), report.toString());
            assertEquals(Pointwise.FAST.name(), Pointwise.activeKernelName(), report.toString());
        }
        KernelWarmup.Report floats = KernelWarmup.await(Precision.FLOAT32, 300_000);
        assertNotNull(floats, "the float32 warm-up ends within MAX_SECONDS plus its start");
        if (floats.fast()) {
            assertEquals(Gemm.FAST_FLOAT.name(), Gemm.activeFloatKernelName(), floats.toString());
            assertEquals(FloatCells.FAST.name(), FloatCells.activeKernelName(), floats.toString());
        }
    }
}
