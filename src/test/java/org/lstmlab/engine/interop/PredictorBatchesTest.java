package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;

/** Predicting in batches gives the numbers of one big batch; a trace too large is refused before it runs. */
class PredictorBatchesTest {
    private static double[] input(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    @Test
    void batchesOfAnySizeGiveTheNumbersOfOneBatch() throws IOException {
        int b = 7;
        int t = 5;
        for (CellType cell : CellType.standard()) {
            for (HeadMode head : HeadMode.values()) {
                ModelSpec s = new ModelSpec(cell, 3, 6, 2, 2, head, Loss.SOFTMAX_CROSS_ENTROPY);
                SequenceModel m = new SequenceModel(s);
                Initializers.initialize(m, Initializers.Scheme.TORCH, 3);
                double[] x = input(b * t * 3, 9);
                Predictor.Prediction whole = Predictor.predict(m, x, b, t);
                assertArrayEquals(Predictor.shape(s, b, t), whole.shape());
                for (int per : new int[] {1, 2, 3, 7, 100}) {
                    List<double[]> parts = new ArrayList<>();
                    Predictor.predict(m, x, b, t, null, per, parts::add);
                    assertEquals((b + Math.min(per, b) - 1) / Math.min(per, b), parts.size(), "batches of " + per);
                    double[] joined = parts.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
                    assertEquals(whole.values().length, joined.length);
                    for (int i = 0; i < joined.length; i++) {
                        assertEquals(whole.values()[i], joined[i], 1e-15,
                                cell + " " + head + ", batches of " + per + ", value " + i);
                    }
                }
            }
        }
    }

    @Test
    void theBatchSizeKeepsABatchWithinItsBytes() {
        ModelSpec s = new ModelSpec(CellType.LSTM, 1, 16, 1, 1, HeadMode.EVERY_STEP, Loss.MEAN_SQUARED_ERROR);
        long one = Predictor.bytesPerSequence(s, 1000);
        int per = Predictor.batchSize(s, 2000, 1000, 1L << 30);
        assertEquals(Predictor.BATCH_BYTES / one, per, "2000 sequences of 1000 steps: as many as fit in 64 MiB");
        assertEquals(Math.max(1, (20L << 20) / 2 / one), Predictor.batchSize(s, 2000, 1000, 20L << 20),
                "half of what is free when that is less");
        assertEquals(1, Predictor.batchSize(s, 2000, 1000, one / 2), "at least one");
        assertEquals(3, Predictor.batchSize(s, 3, 10, 1L << 30), "a small input is one batch");
    }

    @Test
    void aTraceIsEstimatedFromItsSymbolsAndRefusedWithSizesAndAHint() {
        ModelSpec s = new ModelSpec(CellType.LSTM, 1, 16, 2, 1, HeadMode.LAST, Loss.MEAN_SQUARED_ERROR);
        // forward: x (1 in layer 0, 16 above) + 13 symbols of 16 units, per layer
        assertEquals(((1 + 13 * 16) + (16 + 13 * 16)) * 10L * 3, TraceExport.values(s, 3, 10, false));
        long backward = TraceExport.values(s, 3, 10, true) - TraceExport.values(s, 3, 10, false);
        // backward: dx (1, 16), da (4·16) and 11 symbols of 16, per layer
        assertEquals(((1 + 64 + 11 * 16) + (16 + 64 + 11 * 16)) * 10L * 3, backward);
        for (CellType cell : CellType.standard()) {   // the estimate counts what a recorded trace holds
            ModelSpec c = new ModelSpec(cell, 2, 5, 2, 1, HeadMode.LAST, Loss.MEAN_SQUARED_ERROR);
            SequenceModel m = new SequenceModel(c);
            Initializers.initialize(m, Initializers.Scheme.TORCH, 1);
            for (boolean bw : new boolean[] {false, true}) {
                org.lstmlab.engine.trace.Trace tr = TraceExport.run(m, input(3 * 4 * 2, 2), 3, 4, null, bw);
                long held = 0;
                for (String sym : TraceExport.symbols(tr)) {
                    for (int k = 0; k < tr.layers(); k++) {
                        held += (long) tr.size(sym, k) * tr.steps() * tr.batch();
                    }
                }
                assertEquals(held, TraceExport.values(c, 3, 4, bw), cell + (bw ? " backward" : ""));
            }
        }

        IllegalArgumentException cap = assertThrows(IllegalArgumentException.class, () -> TraceExport.check(s,
                2000, 1000, false, Path.of("t.csv"), n -> "use --limit " + n));
        assertTrue(cap.getMessage().startsWith("t.csv: the forward trace of 2000 sequences × 1000 steps"),
                cap.getMessage());
        long perSequence = TraceExport.values(s, 1, 1000, false);
        assertTrue(cap.getMessage().contains("more than the 50,000,000 a trace file may hold; use --limit "
                + TraceExport.MAX_VALUES / perSequence), cap.getMessage());

        long need = TraceExport.bytes(s, 40, 1000, true, Path.of("t.safetensors"));
        IllegalArgumentException memory = assertThrows(IllegalArgumentException.class, () -> TraceExport.check(s,
                40, 1000, true, Path.of("t.safetensors"), n -> "use --limit " + n, need / 4));
        assertTrue(memory.getMessage().contains("needs about " + InteropMemory.bytes(need) + "; this Java may use "
                + InteropMemory.bytes(need / 4) + " more"), memory.getMessage());
        assertTrue(memory.getMessage().contains("use --limit 10, or give Java more memory (-Xmx)"),
                memory.getMessage());
        TraceExport.check(s, 40, 1000, true, Path.of("t.safetensors"), n -> "", need);   // fits exactly
    }
}
