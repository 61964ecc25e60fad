package org.lstmlab.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lstmlab.engine.trace.TraceTest.B;
import static org.lstmlab.engine.trace.TraceTest.H;
import static org.lstmlab.engine.trace.TraceTest.T;
import static org.lstmlab.engine.trace.TraceTest.affine;
import static org.lstmlab.engine.trace.TraceTest.sigmoid;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.GateView;

/**
 * The reset-before GRU's forward and backward equations, recomputed unit by unit from the symbols and weight views
 * they name, hold on the traced values of a two-layer stack: so its catalogue rows, its trace symbols ({@code r_h},
 * {@code gh_n}, {@code dr_h}) and the layer agree. (The layer itself is checked against torch.autograd in
 * RecurrentGoldenTest, against the NumPy Keras cell in KerasImportTest, and by finite differences.)
 */
class GruResetBeforeTraceTest {
    private static final CellType CELL = CellType.GRU_RESET_BEFORE;

    @Test
    void forwardEquationsHold() {
        Trace tr = TraceTest.traced(CELL, 2);
        for (int layer = 0; layer < 2; layer++) {
            GateView whn = tr.weights(layer, "W_hn");
            GateView bhn = tr.weights(layer, "b_hn");
            for (int t = 0; t < T; t++) {
                for (int b = 0; b < B; b++) {
                    double[] r = tr.vector("r", layer, t, b);
                    double[] z = tr.vector("z", layer, t, b);
                    double[] n = tr.vector("n", layer, t, b);
                    double[] hp = tr.vector("h_prev", layer, t, b);
                    double[] rh = tr.vector("r_h", layer, t, b);
                    double[] ghn = tr.vector("gh_n", layer, t, b);
                    double[] gin = tr.vector("gi_n", layer, t, b);
                    double[] an = tr.vector("a_n", layer, t, b);
                    double[] ar = affine(tr, layer, t, b, "r");
                    double[] az = affine(tr, layer, t, b, "z");
                    for (int u = 0; u < H; u++) {
                        assertEquals(sigmoid(ar[u]), r[u], 1e-12);
                        assertEquals(sigmoid(az[u]), z[u], 1e-12);
                        assertEquals(r[u] * hp[u], rh[u], 1e-15);
                        double product = bhn.get(u, 0);
                        for (int k = 0; k < H; k++) {
                            product += whn.get(u, k) * r[k] * hp[k];  // W_hn (r ⊙ h_{t-1}) + b_hn
                        }
                        assertEquals(product, ghn[u], 1e-12);
                        assertEquals(gin[u] + ghn[u], an[u], 1e-12);
                        assertEquals(Math.tanh(an[u]), n[u], 1e-12);
                        assertEquals((1 - z[u]) * n[u] + z[u] * hp[u], tr.vector("h", layer, t, b)[u], 1e-12);
                    }
                }
            }
        }
    }

    @Test
    void backwardEquationsHold() {
        Trace tr = TraceTest.traced(CELL, 2);
        for (int layer = 0; layer < 2; layer++) {
            GateView whr = tr.weights(layer, "W_hr");
            GateView whz = tr.weights(layer, "W_hz");
            GateView whn = tr.weights(layer, "W_hn");
            for (int t = 0; t < T; t++) {
                for (int b = 0; b < B; b++) {
                    double[] r = tr.vector("r", layer, t, b);
                    double[] z = tr.vector("z", layer, t, b);
                    double[] n = tr.vector("n", layer, t, b);
                    double[] hp = tr.vector("h_prev", layer, t, b);
                    double[] dh = tr.vector("dh", layer, t, b);
                    double[] daN = tr.vector("da_n", layer, t, b);
                    double[] daZ = tr.vector("da_z", layer, t, b);
                    double[] daR = tr.vector("da_r", layer, t, b);
                    double[] drh = tr.vector("dr_h", layer, t, b);
                    double[] dr = tr.vector("dr", layer, t, b);
                    double[] dhPrev = tr.vector("dh_prev", layer, t, b);
                    for (int u = 0; u < H; u++) {
                        assertEquals(dh[u] * (1 - z[u]) * (1 - n[u] * n[u]), daN[u], 1e-12);
                        assertEquals(dh[u] * (hp[u] - n[u]) * z[u] * (1 - z[u]), daZ[u], 1e-12);
                        double back = 0;
                        for (int k = 0; k < H; k++) {
                            back += whn.get(k, u) * daN[k];  // W_hnᵀ δa_n
                        }
                        assertEquals(back, drh[u], 1e-12);
                        assertEquals(drh[u] * hp[u], dr[u], 1e-12);
                        assertEquals(dr[u] * r[u] * (1 - r[u]), daR[u], 1e-12);
                        double toPrev = r[u] * drh[u] + z[u] * dh[u];
                        for (int k = 0; k < H; k++) {
                            toPrev += whr.get(k, u) * daR[k] + whz.get(k, u) * daZ[k];
                        }
                        assertEquals(toPrev, dhPrev[u], 1e-12);
                    }
                    if (t < T - 1) {
                        TraceTest.close(tr.vector("dh_prev", layer, t + 1, b), tr.vector("dh_next", layer, t, b),
                                "dh_next");
                    }
                }
            }
        }
    }

    @Test
    void eachGruHasItsOwnResetSymbols() {
        Trace before = TraceTest.traced(CELL, 1);
        Trace after = TraceTest.traced(CellType.GRU, 1);
        assertThrows(IllegalArgumentException.class, () -> before.vector("r_gh_n", 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> after.vector("r_h", 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> after.vector("dr_h", 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> before.vector("da", 0, 0, 0));
    }
}
