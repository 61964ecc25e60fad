package org.lstmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.optim.Adam;
import org.lstmlab.engine.optim.GradientClipping;
import org.lstmlab.engine.optim.SerialClipping;
import org.lstmlab.engine.optim.Optimizer;

/** The chunked update against the serial passes it replaces: reduce, SerialClipping, Optimizer.step. */
class StepUpdateTest {
    private static final int[] SIZES = {3, StepUpdate.CHUNK * 2 + 5, 1, StepUpdate.CHUNK};

    private static List<Param> params(String prefix, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Param> ps = new ArrayList<>();
        for (int k = 0; k < SIZES.length; k++) {
            Param p = new Param(prefix + k, SIZES[k]);
            for (int j = 0; j < SIZES[k]; j++) {
                p.data()[j] = rnd.nextDouble(-1, 1);
                p.gradData()[j] = rnd.nextDouble(-1, 1);
            }
            ps.add(p);
        }
        return ps;
    }

    private static List<Param> copy(List<Param> src) {
        List<Param> out = new ArrayList<>();
        for (Param p : src) {
            Param c = new Param(p.name(), p.size());
            System.arraycopy(p.data(), 0, c.data(), 0, p.size());
            System.arraycopy(p.gradData(), 0, c.gradData(), 0, p.size());
            out.add(c);
        }
        return out;
    }

    /** Runs the chunks in a scrambled order, as several threads may. */
    private static double[] run(List<Param> master, List<Param> kept, List<List<Param>> shards, double[] shares,
                                double clip, Optimizer opt) {
        StepUpdate u = new StepUpdate(master, kept);
        u.beginReduce(shards, shares, shards.size());
        for (int c = u.chunks() - 1; c >= 0; c--) {
            u.reduce(c);
        }
        double norm = u.norm();
        double coef = GradientClipping.coefficient(norm, clip);
        u.beginUpdate(coef, opt);
        for (int c = 0; c < u.chunks(); c += 2) {
            u.update(c);
        }
        for (int c = 1; c < u.chunks(); c += 2) {
            u.update(c);
        }
        return new double[] {norm, u.weightsFinite() ? 1 : 0};
    }

    private static double serial(List<Param> master, List<List<Param>> shards, double[] shares, double clip,
                                 Optimizer opt) {
        for (Param p : master) {
            p.zeroGrad();
        }
        for (int s = 0; s < shards.size(); s++) {
            for (int k = 0; k < master.size(); k++) {
                double[] g = master.get(k).gradData();
                double[] gs = shards.get(s).get(k).gradData();
                for (int j = 0; j < g.length; j++) {
                    g[j] += shares[s] * gs[j];
                }
            }
        }
        double norm = clip > 0 ? SerialClipping.clipGlobalNorm(master, clip) : SerialClipping.globalNorm(master);
        opt.step(master);
        return norm;
    }

    @Test
    void withoutClippingTheWeightsAreThoseOfTheSerialPassesBitForBit() {
        List<List<Param>> shards = List.of(params("a", 1), params("b", 2), params("c", 3));
        double[] shares = {0.25, 0.5, 0.25};
        List<Param> master = params("m", 4);
        List<Param> reference = copy(master);
        List<Param> kept = params("k", 5);
        Adam opt = Adam.torch(1e-3);
        Adam refOpt = Adam.torch(1e-3);
        for (int step = 0; step < 3; step++) {
            double[] r = run(master, kept, shards, shares, 0, opt);
            double norm = serial(reference, shards, shares, 0, refOpt);
            assertEquals(norm, r[0], 1e-13 * norm);
            assertEquals(1.0, r[1]);
            for (int k = 0; k < master.size(); k++) {
                assertArrayEquals(reference.get(k).gradData(), master.get(k).gradData());
                assertArrayEquals(reference.get(k).data(), master.get(k).data());
            }
        }
    }

    @Test
    void clippingScalesTheGradientAsGradientClippingDoesAndKeepsTheOldWeights() {
        List<List<Param>> shards = List.of(params("a", 6), params("b", 7));
        double[] shares = {0.5, 0.5};
        List<Param> master = params("m", 8);
        List<Param> before = copy(master);
        List<Param> reference = copy(master);
        List<Param> kept = params("k", 9);
        double[] r = run(master, kept, shards, shares, 1.0, Adam.torch(1e-3));
        double norm = serial(reference, shards, shares, 1.0, Adam.torch(1e-3));
        assertTrue(norm > 1.0, "the test needs a gradient above the clip");
        assertEquals(norm, r[0], 1e-13 * norm);
        assertEquals(1.0, SerialClipping.globalNorm(master), 1e-6);  // coef = clip / (norm + 1e-6), as PyTorch
        for (int k = 0; k < master.size(); k++) {
            assertArrayEquals(reference.get(k).gradData(), master.get(k).gradData(), 1e-15);
            assertArrayEquals(reference.get(k).data(), master.get(k).data(), 1e-15);
            assertArrayEquals(before.get(k).data(), kept.get(k).data());
        }
    }

    @Test
    void aNonFiniteWeightIsReported() {
        List<List<Param>> shards = List.of(params("a", 10));
        List<Param> master = params("m", 11);
        master.get(1).data()[StepUpdate.CHUNK + 3] = Double.POSITIVE_INFINITY;
        double[] r = run(master, params("k", 12), shards, new double[] {1.0}, 0, Adam.torch(1e-3));
        assertFalse(r[1] == 1.0);
    }

    @Test
    void theChunksCoverEveryValueOnceWithinOneParameter() {
        StepUpdate u = new StepUpdate(params("m", 13), params("k", 14));
        int total = 0;
        for (int s : SIZES) {
            total += s;
        }
        assertEquals(total, u.elements());
        assertEquals(1 + 3 + 1 + 1, u.chunks());
    }
}
