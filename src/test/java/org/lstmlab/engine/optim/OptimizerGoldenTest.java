package org.lstmlab.engine.optim;

import static org.lstmlab.engine.Tolerance.assertClose;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.GoldenCase;
import org.lstmlab.engine.nn.Param;

/** Optimizer steps against PyTorch 1.13 (SGD, Adam) and Keras' documented Adam update (computed with numpy). */
class OptimizerGoldenTest {

    private static void replay(String name, Optimizer opt) {
        GoldenCase gc = GoldenCase.load(name);
        double[] start = gc.get("param");
        int n = start.length;
        int steps = gc.metaInt("steps");
        Param p = new Param("p", n);
        System.arraycopy(start, 0, p.data(), 0, n);
        double[] grads = gc.get("grads");
        double[] expected = gc.get("expected.params");
        for (int s = 0; s < steps; s++) {
            System.arraycopy(grads, s * n, p.gradData(), 0, n);
            opt.step(List.of(p));
            assertClose(name + " step " + (s + 1), Arrays.copyOfRange(expected, s * n, (s + 1) * n), p.data());
        }
    }

    @Test
    void adamTorchDefaults() {
        replay("adam_torch_defaults", Adam.torch(1e-3));
    }

    @Test
    void adamKerasDefaults() {
        replay("adam_keras_defaults", Adam.keras(1e-3));
    }

    @Test
    void sgdMomentum() {
        replay("sgd_momentum", new Sgd(0.1, 0.9));
    }

    @Test
    void torchFlavourDoesNotReproduceKeras() {
        GoldenCase gc = GoldenCase.load("adam_keras_defaults");
        double[] start = gc.get("param");
        Param p = new Param("p", start.length);
        System.arraycopy(start, 0, p.data(), 0, start.length);
        Adam torchEps7 = new Adam(1e-3, 0.9, 0.999, 1e-7, Flavour.TORCH);
        double[] grads = gc.get("grads");
        int n = start.length;
        boolean differs = false;
        for (int s = 0; s < gc.metaInt("steps"); s++) {
            System.arraycopy(grads, s * n, p.gradData(), 0, n);
            torchEps7.step(List.of(p));
            double[] expected = Arrays.copyOfRange(gc.get("expected.params"), s * n, (s + 1) * n);
            for (int j = 0; j < n; j++) {
                differs |= !org.lstmlab.engine.Tolerance.close(expected[j], p.data()[j]);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(differs, "Keras puts epsilon elsewhere; the flavours must differ");
    }

    @Test
    void rmspropFirstStepClosedForm() {
        double lr = 0.01;
        double rho = 0.9;
        double eps = 1e-7;
        Param p = new Param("p", 3);
        double[] g = {0.5, -2.0, 0.0};
        System.arraycopy(g, 0, p.gradData(), 0, 3);
        new RmsProp(lr, rho, eps).step(List.of(p));
        double[] expected = new double[3];
        for (int j = 0; j < 3; j++) {
            expected[j] = -lr * g[j] / (Math.sqrt(1 - rho) * Math.abs(g[j]) + eps);
        }
        assertClose("rmsprop", expected, p.data());
    }

    @Test
    void clippingScalesToTheMaximumNormAndKeepsDirection() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            Param a = new Param("a", 5);
            Param b = new Param("b", 2, 3);
            for (Param q : List.of(a, b)) {
                for (int j = 0; j < q.size(); j++) {
                    q.gradData()[j] = rng.nextGaussian() * 10;
                }
            }
            double[] before = concat(a.gradData(), b.gradData());
            double max = rng.nextDouble(0.1, 50);
            double norm = SerialClipping.clipGlobalNorm(List.of(a, b), max);
            double after = SerialClipping.globalNorm(List.of(a, b));
            org.junit.jupiter.api.Assertions.assertEquals(Math.sqrt(dot(before, before)), norm, 1e-9 * norm);
            org.junit.jupiter.api.Assertions.assertTrue(after <= max * (1 + 1e-12), "clipped norm " + after);
            double[] now = concat(a.gradData(), b.gradData());
            double cos = dot(before, now) / (Math.sqrt(dot(before, before)) * Math.sqrt(dot(now, now)));
            org.junit.jupiter.api.Assertions.assertTrue(cos > 1 - 1e-12, "direction kept");
            if (norm <= max) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(before, now);
            }
        }
    }

    private static double[] concat(double[] x, double[] y) {
        double[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
