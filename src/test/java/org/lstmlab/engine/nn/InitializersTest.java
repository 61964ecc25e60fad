package org.lstmlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class InitializersTest {

    private static SequenceModel model() {
        return new SequenceModel(ModelSpec.kerasExample(8));
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        SequenceModel a = model();
        SequenceModel b = model();
        SequenceModel c = model();
        Initializers.initialize(a, Initializers.Scheme.KERAS, 42);
        Initializers.initialize(b, Initializers.Scheme.KERAS, 42);
        Initializers.initialize(c, Initializers.Scheme.KERAS, 43);
        for (int i = 0; i < a.parameters().size(); i++) {
            assertArrayEquals(a.parameters().get(i).data(), b.parameters().get(i).data());
        }
        assertFalse(Arrays.equals(a.parameters().get(0).data(), c.parameters().get(0).data()));
    }

    @Test
    void torchSchemeStaysInsideItsBounds() {
        SequenceModel m = model();
        Initializers.initialize(m, Initializers.Scheme.TORCH, 1);
        double bound = 1 / Math.sqrt(8);
        for (Param p : m.parameters()) {
            for (double v : p.data()) {
                assertTrue(Math.abs(v) <= bound, p + " value " + v);
            }
        }
    }

    @Test
    void kerasRecurrentKernelIsOrthogonalAndForgetBiasIsOne() {
        SequenceModel m = model();
        Initializers.initialize(m, Initializers.Scheme.KERAS, 5);
        RecurrentLayer layer = m.rnn().layer(0);
        double[] w = layer.weightHh().data();  // (32 × 8): columns orthonormal
        int rows = 32;
        int cols = 8;
        for (int a = 0; a < cols; a++) {
            for (int b = 0; b < cols; b++) {
                double dot = 0;
                for (int i = 0; i < rows; i++) {
                    dot += w[i * cols + a] * w[i * cols + b];
                }
                assertEquals(a == b ? 1.0 : 0.0, dot, 1e-12, "column dot " + a + "," + b);
            }
        }
        double[] bias = layer.biasIh().data();
        for (int j = 0; j < 32; j++) {
            assertEquals(j >= 8 && j < 16 ? 1.0 : 0.0, bias[j], "bias " + j);
        }
        for (double v : layer.biasHh().data()) {
            assertEquals(0.0, v);
        }
        double limit = Math.sqrt(6.0 / (1 + 32));
        for (double v : layer.weightIh().data()) {
            assertTrue(Math.abs(v) <= limit);
        }
    }
}
