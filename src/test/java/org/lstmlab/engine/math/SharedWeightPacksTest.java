package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.nn.SharedWeightPacks;

/**
 * A replica that reads the packs a trainer prepared once ({@link SharedWeightPacks}) computes exactly what a replica
 * that packs its own weights computes, in both precisions, on the vector kernels (which really pack) and on the
 * plain loops; and once the packs are inactive, a change of the weights reaches it. In this package to switch the
 * kernels.
 */
class SharedWeightPacksTest {
    private static final int STEPS = 5;
    private static final int BATCH = 4;

    @AfterEach
    void plainAgain() {
        Gemm.usePlainKernels();  // the engine's start state; the warm-up moves on when it is ready
    }

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"LSTM", "GRU", "GRU_RESET_BEFORE", "RNN_TANH"})
    void sharedPacksGiveTheSameBitsAsOwnPacks(CellType cell) {
        for (boolean fast : new boolean[] {true, false}) {
            if (fast) {
                Gemm.useFastKernels();
                Gemm.useFastFloatKernels();
            } else {
                Gemm.usePlainKernels();
            }
            for (Precision precision : Precision.values()) {
                for (boolean oneHot : new boolean[] {false, true}) {
                    check(cell, oneHot, fast, precision);
                }
            }
        }
    }

    private static void check(CellType cell, boolean oneHot, boolean fast, Precision precision) {
        int d = oneHot ? 7 : 3;
        ModelSpec spec = new ModelSpec(cell, d, 16, 2, 2, HeadMode.EVERY_STEP, Loss.SOFTMAX_CROSS_ENTROPY);
        SequenceModel master = new SequenceModel(spec);
        Initializers.initialize(master, Initializers.Scheme.TORCH, 11);
        master.setPrecision(precision);  // before the replicas, which inherit it
        SequenceModel own = master.replica();
        SequenceModel shared = master.replica();
        SharedWeightPacks packs = new SharedWeightPacks(master);
        packs.attachTo(shared);
        for (int j = packs.jobs() - 1; j >= 0; j--) {
            packs.prepare(j);
        }
        packs.setActive(true);
        Batch batch = batch(oneHot, d, 3);
        String what = cell + " " + precision + (oneHot ? " one-hot" : " dense")
                + (fast ? ", vector kernels" : ", plain loops");
        assertEquals(Double.doubleToRawLongBits(own.forward(batch)), Double.doubleToRawLongBits(shared.forward(batch)),
                what + ": loss");
        own.backward();
        shared.backward();
        assertSameGradients(own.parameters(), shared.parameters(), what);

        // inactive packs are never read: a change of the weights reaches the replica at once
        packs.setActive(false);
        master.parameters().get(1).data()[5] += 0.25;
        double changed = own.forward(batch);
        assertEquals(Double.doubleToRawLongBits(changed), Double.doubleToRawLongBits(shared.forward(batch)),
                what + ": loss after a change");
        own.backward();
        shared.backward();
        assertSameGradients(own.parameters(), shared.parameters(), what + " after a change");
    }

    private static void assertSameGradients(List<Param> expected, List<Param> actual, String what) {
        for (int k = 0; k < expected.size(); k++) {
            assertArrayEquals(expected.get(k).gradData(), actual.get(k).gradData(), 0.0,
                    what + ": " + expected.get(k).name());
        }
        assertNotEquals(0.0, expected.get(1).gradData()[0], what + ": a gradient was computed");
    }

    private static Batch batch(boolean oneHot, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] classes = new int[STEPS * BATCH];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = rnd.nextInt(2);
        }
        if (oneHot) {
            int[] tokens = new int[STEPS * BATCH];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = rnd.nextInt(d);
            }
            return Batch.ofClasses(SequenceInput.oneHot(tokens, STEPS, BATCH, d), classes);
        }
        double[] x = new double[STEPS * BATCH * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        return Batch.ofClasses(SequenceInput.dense(x, STEPS, BATCH, d), classes);
    }
}
