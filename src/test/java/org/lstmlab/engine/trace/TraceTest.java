package org.lstmlab.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.GateView;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.nn.SequenceInput;

/**
 * The trace finds the engine's values under the catalogue's symbols, and recomputing each forward equation by hand
 * from the symbols it names gives back its output: so the catalogue, the symbols and the engine agree.
 */
class TraceTest {
    static final int D = 3;
    static final int H = 4;
    static final int T = 5;
    static final int B = 2;

    static Trace traced(CellType cell, int layers) {
        SplittableRandom rng = new SplittableRandom(9);
        RecurrentStack stack = new RecurrentStack(cell, D, H, layers);
        for (Param p : stack.parameters()) {
            for (int i = 0; i < p.size(); i++) {
                p.data()[i] = rng.nextDouble(-0.7, 0.7);
            }
        }
        double[] x = new double[T * B * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        double[] h0 = new double[layers * B * H];
        double[] c0 = new double[layers * B * H];
        for (int i = 0; i < h0.length; i++) {
            h0[i] = rng.nextDouble(-0.5, 0.5);
            c0[i] = rng.nextDouble(-0.5, 0.5);
        }
        stack.forward(SequenceInput.dense(x, T, B, D), h0, c0);
        double[] dy = new double[T * B * H];
        for (int i = 0; i < dy.length; i++) {
            dy[i] = rng.nextDouble(-1, 1);
        }
        stack.backward(dy, null, null, true);
        return Trace.withGradients(stack);
    }

    /** W_?x x + b_?x + W_h? h + b_h? for gate "x", from the trace's own x, h_prev and the weight views. */
    static double[] affine(Trace tr, int layer, int t, int b, String gate) {
        double[] x = tr.vector("x", layer, t, b);
        double[] hp = tr.vector("h_prev", layer, t, b);
        GateView wi = tr.weights(layer, "W_i" + gate);
        GateView wh = tr.weights(layer, "W_h" + gate);
        GateView bi = tr.weights(layer, "b_i" + gate);
        GateView bh = tr.weights(layer, "b_h" + gate);
        double[] a = new double[H];
        for (int u = 0; u < H; u++) {
            double s = bi.get(u, 0) + bh.get(u, 0);
            for (int k = 0; k < x.length; k++) {
                s += wi.get(u, k) * x[k];
            }
            for (int k = 0; k < H; k++) {
                s += wh.get(u, k) * hp[k];
            }
            a[u] = s;
        }
        return a;
    }

    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    static void close(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * (1 + Math.abs(expected[i])), what + "[" + i + "]");
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void everyCatalogueSymbolResolvesWithItsSize(CellType cell) {
        Trace tr = traced(cell, 2);
        for (Direction dir : Direction.values()) {
            for (Equation e : EquationCatalogue.of(cell, dir)) {
                for (String s : e.intermediates()) {
                    assertEquals(tr.size(s, 1), tr.vector(s, 1, 2, 1).length, e.id() + " " + s);
                }
                assertEquals(tr.size(e.output(), 1), tr.vector(e.output(), 1, 2, 1).length, e.id());
                for (String s : e.inputs()) {
                    if (s.startsWith("W_") || s.startsWith("b_")) {
                        assertTrue(tr.weights(1, s).rows() > 0, s);
                    } else {
                        assertEquals(tr.size(s, 1), tr.vector(s, 1, 3, 0).length, e.id() + " input " + s);
                    }
                }
            }
            for (String s : tr.symbols(dir)) {
                assertTrue(tr.has(s), s);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"LSTM"})
    void lstmEquationsHoldOnTheTracedValues(CellType cell) {
        Trace tr = traced(cell, 2);
        for (int layer = 0; layer < 2; layer++) {
            for (int t = 0; t < T; t++) {
                for (int b = 0; b < B; b++) {
                    double[] i = tr.vector("i", layer, t, b);
                    double[] f = tr.vector("f", layer, t, b);
                    double[] g = tr.vector("g", layer, t, b);
                    double[] o = tr.vector("o", layer, t, b);
                    double[] cPrev = tr.vector("c_prev", layer, t, b);
                    double[] c = tr.vector("c", layer, t, b);
                    double[] h = tr.vector("h", layer, t, b);
                    double[] ai = affine(tr, layer, t, b, "i");
                    double[] ag = affine(tr, layer, t, b, "g");
                    close(ai, tr.vector("a_i", layer, t, b), "a_i");
                    for (int u = 0; u < H; u++) {
                        assertEquals(sigmoid(ai[u]), i[u], 1e-12);
                        assertEquals(Math.tanh(ag[u]), g[u], 1e-12);
                        assertEquals(f[u] * cPrev[u] + i[u] * g[u], c[u], 1e-12);
                        assertEquals(o[u] * Math.tanh(c[u]), h[u], 1e-12);
                    }
                    if (t > 0) {
                        close(tr.vector("h", layer, t - 1, b), tr.vector("h_prev", layer, t, b), "h_prev");
                    }
                    if (layer > 0) {
                        close(tr.vector("h", layer - 1, t, b), tr.vector("x", layer, t, b), "x of layer 1");
                    }
                    double[] dh = tr.vector("dh", layer, t, b);
                    double[] dc = tr.vector("dc", layer, t, b);
                    double[] daF = tr.vector("da_f", layer, t, b);
                    for (int u = 0; u < H; u++) {
                        assertEquals(dc[u] * cPrev[u] * f[u] * (1 - f[u]), daF[u], 1e-12);
                        double tc = Math.tanh(c[u]);
                        assertEquals(dh[u] * o[u] * (1 - tc * tc) + tr.vector("dc_next", layer, t, b)[u], dc[u],
                                1e-12);
                    }
                    close(sum(tr.vector("dy", layer, t, b), tr.vector("dh_next", layer, t, b)), dh, "dh");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"GRU"})
    void gruEquationsHoldOnTheTracedValues(CellType cell) {
        Trace tr = traced(cell, 1);
        for (int t = 0; t < T; t++) {
            for (int b = 0; b < B; b++) {
                double[] r = tr.vector("r", 0, t, b);
                double[] z = tr.vector("z", 0, t, b);
                double[] n = tr.vector("n", 0, t, b);
                double[] hp = tr.vector("h_prev", 0, t, b);
                double[] h = tr.vector("h", 0, t, b);
                double[] ar = affine(tr, 0, t, b, "r");
                double[] ghn = tr.vector("gh_n", 0, t, b);
                double[] gin = tr.vector("gi_n", 0, t, b);
                for (int u = 0; u < H; u++) {
                    assertEquals(sigmoid(ar[u]), r[u], 1e-12);
                    assertEquals(Math.tanh(gin[u] + r[u] * ghn[u]), n[u], 1e-12);
                    assertEquals((1 - z[u]) * n[u] + z[u] * hp[u], h[u], 1e-12);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void unknownOrForeignSymbolsAreRejectedWithTheirName(CellType cell) {
        Trace tr = traced(cell, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tr.vector("nonsense", 0, 0, 0));
        assertTrue(e.getMessage().contains("nonsense"));
        String foreign = cell.hasCellState() ? "r" : "f";
        assertThrows(IllegalArgumentException.class, () -> tr.vector(foreign, 0, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> tr.vector("h", 0, T, 0));
    }

    private static double[] sum(double[] a, double[] b) {
        double[] s = a.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += b[i];
        }
        return s;
    }
}
