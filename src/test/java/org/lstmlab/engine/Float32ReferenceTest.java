package org.lstmlab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.engine.GoldenCase.toBatchFirst;
import static org.lstmlab.engine.GoldenCase.toTimeMajor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.Adam;

/**
 * The float32 training precision against PyTorch 1.13 float32 on the reference cases of
 * src/test/resources/float32 (built by make_float32_cases.py there; each holds PyTorch's float32 and float64
 * results from the same inputs).
 *
 * <p>Tolerances. Float32 rounds to u = 2⁻²⁴ ≈ 6e-8. A product over K terms is within (K + 1)·u·Σ|a·b| of the exact
 * one, and forward and backward through T steps and L layers pass such errors on through a few dozen products;
 * PyTorch rounds every intermediate, and so does LSTM Lab's float32 mode, which computes the whole pass in float32
 * (trace, cell equations, products; since docs/notes/engine-bench-4-float32-trace-2026-11-28.md; before, only the
 * product operands and results were rounded). So both sit about 1e-7 to 1e-5 (relative to the size of a tensor)
 * from the float64 result, and from each other. The tests hold each tensor to 1e-4 of its largest value, ~1600·u
 * and about two hundred times what was measured, while float64 results would be within 1e-9. They also check that
 * the float32 mode is really float32: it differs from LSTM Lab's own float64 result by more than 1e-9 (measured:
 * 4.8e-7 from PyTorch float32, 2.9e-7 to 3.6e-7 from float64).
 *
 * <p>Training: 40 Adam steps (lr 0.01) on one batch. Adam divides each update by the gradient's running size, so
 * where a gradient is near zero its rounding error decides the update's sign, and float32 trajectories drift off
 * the float64 one as training goes on: PyTorch's own float32 losses are 2.4e-4 (relative) off its float64 losses by
 * step 35 (the "spread"), against 1e-8 to 1e-7 over the first five steps. The drift is chaotic, not a bias: runs
 * started from the case's weights each multiplied by 1 ± 2⁻²⁴ (half an ulp of float32) end, over 100 such starts,
 * with a largest deviation from PyTorch's float64 losses of median 5.6e-5 (PyTorch float64; LSTM Lab float64 6.3e-5),
 * 1.6e-4 and at most 6.9e-4 (PyTorch float32), 2.2e-4 and at most 8.5e-4 (LSTM Lab float32; 1.1e-4 and 5.9e-4
 * when only its products were float32): one unperturbed run of either is one sample of that spread
 * (src/test/resources/float32/perturbed_starts.py and the note above). LSTM Lab's float32 run must therefore stay
 * within 3 times PyTorch's spread of PyTorch float64 (PyTorch's own largest, 6.9e-4, is 2.8 times) and within 4
 * times of PyTorch float32 (two such samples apart), at every step, within 1e-5 of PyTorch float32 over the first
 * five steps, before the drift, and its median over perturbed starts within twice the spread
 * ({@link #float32DriftFromPerturbedStartsIsLikePyTorchs}). Measured: 7.5e-5 off PyTorch float64, 3.2e-4 off
 * PyTorch float32 (1.3 times the spread), 1.3e-7 over the first five steps.
 */
class Float32ReferenceTest {
    private static final double TOLERANCE = 1e-4;

    static GoldenCase load(String name) {
        try (InputStream in = Float32ReferenceTest.class.getResourceAsStream("/float32/" + name + ".safetensors")) {
            return GoldenCase.parse(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Largest |expected − actual| over the tensor, divided by the tensor's largest |expected| (at least 1e-3). */
    static double relative(double[] expected, double[] actual) {
        double scale = 1e-3;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        return worst / scale;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm_l2_f32", "gru_l1_f32"})
    void recurrentLayersMatchPyTorchFloat32(String name) {
        GoldenCase gc = load(name);
        Map<String, double[]> f32 = run(gc, Precision.FLOAT32);
        Map<String, double[]> f64 = run(gc, Precision.FLOAT64);
        double worstTorch = 0;
        double worstOwn = 0;
        for (Map.Entry<String, double[]> e : f32.entrySet()) {
            double toTorch32 = relative(gc.get("expected32." + e.getKey()), e.getValue());
            double toTorch64 = relative(gc.get("expected64." + e.getKey()), e.getValue());
            assertTrue(toTorch32 <= TOLERANCE, name + " " + e.getKey() + ": " + toTorch32 + " from torch float32");
            assertTrue(toTorch64 <= TOLERANCE, name + " " + e.getKey() + ": " + toTorch64 + " from torch float64");
            assertTrue(relative(gc.get("expected64." + e.getKey()), f64.get(e.getKey())) <= 1e-9,
                    name + " float64 mode " + e.getKey());
            worstTorch = Math.max(worstTorch, toTorch32);
            worstOwn = Math.max(worstOwn, relative(f64.get(e.getKey()), e.getValue()));
        }
        System.out.printf("%s: float32 mode vs torch float32 %.2e, vs own float64 %.2e%n", name, worstTorch, worstOwn);
        assertTrue(worstOwn > 1e-9, "the float32 mode computes in float32: " + worstOwn);
    }

    /** Runs a recurrent case forward and backward; results by the reference's names (expected.* without prefix). */
    private static Map<String, double[]> run(GoldenCase gc, Precision precision) {
        CellType cell = CellType.parse(gc.meta.get("cell"));
        int layers = gc.metaInt("num_layers");
        int d = gc.metaInt("input_size");
        int h = gc.metaInt("hidden_size");
        int steps = gc.metaInt("seq_len");
        int batch = gc.metaInt("batch");
        RecurrentStack stack = new RecurrentStack(cell, d, h, layers);
        stack.setPrecision(precision);
        for (Param p : stack.parameters()) {
            System.arraycopy(gc.get(p.name()), 0, p.data(), 0, p.size());
        }
        double[] x = toTimeMajor(gc.get("input"), batch, steps, d);
        stack.forward(SequenceInput.dense(x, steps, batch, d), gc.get("h0"), gc.has("c0") ? gc.get("c0") : null);
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put("output", toBatchFirst(stack.trace(layers - 1).outputs(), batch, steps, h));
        out.put("h_n", stack.finalHidden());
        if (cell.hasCellState()) {
            out.put("c_n", stack.finalCell());
        }
        stack.backward(toTimeMajor(gc.get("grad_output"), batch, steps, h), null, null, true);
        for (Param p : stack.parameters()) {
            out.put("grad." + p.name(), p.gradData().clone());
        }
        out.put("grad.input", toBatchFirst(Arrays.copyOf(stack.grads(0).dx(), steps * batch * d), batch, steps, d));
        int bh = batch * h;
        double[] dh0 = new double[layers * bh];
        double[] dc0 = new double[layers * bh];
        for (int k = 0; k < layers; k++) {
            System.arraycopy(stack.initialHiddenGrad(k), 0, dh0, k * bh, bh);
            if (cell.hasCellState()) {
                System.arraycopy(stack.initialCellGrad(k), 0, dc0, k * bh, bh);
            }
        }
        out.put("grad.h0", dh0);
        if (cell.hasCellState()) {
            out.put("grad.c0", dc0);
        }
        return out;
    }

    @Test
    void trainingFollowsPyTorchFloat32() {
        GoldenCase gc = load("train_keras_f32");
        int h = gc.metaInt("hidden_size");
        int steps = gc.metaInt("seq_len");
        int batch = gc.metaInt("batch");
        int updates = gc.metaInt("steps");
        double[] losses32 = train(gc, Precision.FLOAT32, h, steps, batch, updates);
        double[] losses64 = train(gc, Precision.FLOAT64, h, steps, batch, updates);
        double[] torch32 = gc.get("expected32.losses");
        double[] torch64 = gc.get("expected64.losses");
        double worst32 = 0;
        double worst64 = 0;
        for (int s = 0; s < updates; s++) {
            worst32 = Math.max(worst32, Math.abs(losses32[s] - torch32[s]) / torch32[s]);
            worst64 = Math.max(worst64, Math.abs(losses64[s] - torch64[s]) / torch64[s]);
        }
        double spread = 0;
        double early = 0;
        double toTorch64 = 0;
        for (int s = 0; s < updates; s++) {
            spread = Math.max(spread, Math.abs(torch32[s] - torch64[s]) / torch64[s]);
            toTorch64 = Math.max(toTorch64, Math.abs(losses32[s] - torch64[s]) / torch64[s]);
            if (s < 5) {
                early = Math.max(early, Math.abs(losses32[s] - torch32[s]) / torch32[s]);
            }
        }
        System.out.printf("training: float32 mode vs torch float32 %.2e (first 5 steps %.2e), vs torch float64 "
                + "%.2e; torch's own float32-float64 spread %.2e; float64 mode vs torch float64 %.2e; loss %.4f -> "
                + "%.4f%n", worst32, early, toTorch64, spread, worst64, torch32[0], torch32[updates - 1]);
        assertTrue(torch32[updates - 1] < 0.8 * torch32[0], "the case trains: " + Arrays.toString(torch32));
        assertTrue(early <= 1e-5, "float32 losses off PyTorch float32 over the first steps by " + early);
        assertTrue(worst32 <= 4 * spread, "float32 losses off PyTorch float32 by " + worst32 + ", spread " + spread);
        assertTrue(toTorch64 <= 3 * spread, "float32 losses off PyTorch float64 by " + toTorch64 + ", spread "
                + spread);
        assertTrue(worst64 <= 1e-9, "float64 losses off PyTorch float64 by " + worst64);
        assertTrue(Arrays.equals(losses32, losses64) == false, "the float32 mode computes in float32");
    }

    /**
     * The float32 mode drifts about as PyTorch float32 does: from 40 starts perturbed by half an ulp of float32 (each
     * weight times 1 ± 2⁻²⁴), the median over the starts of the largest deviation from PyTorch's float64 losses stays
     * within twice PyTorch's float32 spread (over 100 starts PyTorch float32's median is 0.67 times its spread,
     * perturbed_starts.py, and LSTM Lab's 0.9 times; a float32 mode twice as inaccurate would be found).
     */
    @Test
    void float32DriftFromPerturbedStartsIsLikePyTorchs() {
        GoldenCase gc = load("train_keras_f32");
        int updates = gc.metaInt("steps");
        double[] torch32 = gc.get("expected32.losses");
        double[] torch64 = gc.get("expected64.losses");
        double spread = 0;
        for (int s = 0; s < updates; s++) {
            spread = Math.max(spread, Math.abs(torch32[s] - torch64[s]) / torch64[s]);
        }
        double[] worst = new double[40];
        for (int start = 0; start < worst.length; start++) {
            double[] losses = train(gc, Precision.FLOAT32, gc.metaInt("hidden_size"), gc.metaInt("seq_len"),
                    gc.metaInt("batch"), updates, start + 1);
            for (int s = 0; s < updates; s++) {
                worst[start] = Math.max(worst[start], Math.abs(losses[s] - torch64[s]) / torch64[s]);
            }
        }
        Arrays.sort(worst);
        double median = (worst[19] + worst[20]) / 2;
        System.out.printf("float32 from 40 perturbed starts: worst deviation from torch float64 %.2e to %.2e, median "
                + "%.2e; torch's own spread %.2e%n", worst[0], worst[39], median, spread);
        assertTrue(median <= 2 * spread, "median drift " + median + ", spread " + spread);
    }

    private static double[] train(GoldenCase gc, Precision precision, int h, int steps, int batch, int updates) {
        return train(gc, precision, h, steps, batch, updates, 0);
    }

    /** The training case; with a {@code seed} other than 0 from weights each multiplied by 1 ± 2⁻²⁴ (seeded signs). */
    private static double[] train(GoldenCase gc, Precision precision, int h, int steps, int batch, int updates,
                                  long seed) {
        SequenceModel model = new SequenceModel(new ModelSpec(CellType.LSTM, 1, h, 1, 1, HeadMode.LAST,
                Loss.BINARY_CROSS_ENTROPY));
        model.setPrecision(precision);
        SplittableRandom signs = new SplittableRandom(seed);
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            double[] w = e.getValue().data();
            System.arraycopy(gc.get(e.getKey()), 0, w, 0, e.getValue().size());
            for (int i = 0; seed != 0 && i < w.length; i++) {
                w[i] *= 1 + (signs.nextBoolean() ? 1 : -1) * 0x1p-24;
            }
        }
        Batch b = Batch.ofValues(SequenceInput.dense(toTimeMajor(gc.get("input"), batch, steps, 1), steps, batch, 1),
                gc.get("target"));
        Adam adam = Adam.torch(gc.meta.containsKey("lr") ? Double.parseDouble(gc.meta.get("lr")) : 0.01);
        List<Param> params = model.parameters();
        double[] losses = new double[updates];
        for (int s = 0; s < updates; s++) {
            model.zeroGrad();
            losses[s] = model.forward(b);
            model.backward();
            adam.step(params);
        }
        return losses;
    }
}
