package org.lstmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.OptimizerKind;

/**
 * The trainer updates an embedding table like any weight: Adam and SGD move the rows the batch uses, leave the
 * padding row and unused rows alone, and the gradient norm that clipping reads includes the table.
 */
class EmbeddingTrainingTest {
    private static final int V = 6;
    private static final int T = 4;

    /** Class 1 when id 3 occurs in the sequence; id 5 never occurs, id 0 is padding. */
    private static Dataset data() {
        SplittableRandom rng = new SplittableRandom(5);
        List<Sample> samples = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            int[] ids = new int[T];
            for (int t = 0; t < T; t++) {
                ids[t] = rng.nextInt(5);
            }
            boolean has = Arrays.stream(ids).anyMatch(i -> i == 3);
            samples.add(Sample.tokens(ids, V, new int[] {has ? 1 : 0}));
        }
        return new Dataset("tokens", samples, List.of(), V, 2, HeadMode.LAST, Loss.SOFTMAX_CROSS_ENTROPY, List.of());
    }

    private static SequenceModel model() {
        ModelSpec spec = new ModelSpec(CellType.LSTM, 3, 5, 1, 2, HeadMode.LAST, Loss.SOFTMAX_CROSS_ENTROPY);
        SequenceModel m = SequenceModel.withEmbedding(spec, V, 0);
        SplittableRandom rng = new SplittableRandom(9);
        for (Param p : m.parameters()) {
            for (int i = 0; i < p.size(); i++) {
                p.data()[i] = rng.nextDouble(-0.5, 0.5);
            }
        }
        return m;
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"ADAM", "SGD"})
    void optimizersMoveTheUsedRowsOnly(OptimizerKind kind) {
        SequenceModel m = model();
        double[] before = m.parameters().get(0).data().clone();
        Dataset data = data();
        TrainingConfig config = TrainingConfig.builder().epochs(60).batchSize(16).optimizer(kind)
                .learningRate(kind == OptimizerKind.ADAM ? 0.05 : 0.5).clipNorm(1.0).build();
        double first = Double.NaN;
        double last = Double.NaN;
        try (Trainer trainer = new Trainer(m, data, config)) {
            while (!trainer.finished()) {
                StepResult r = trainer.step();
                assertFalse(r.skipped());
                first = Double.isNaN(first) ? r.loss() : first;
                last = r.loss();
            }
        }
        assertTrue(last < 0.7 * first, "loss " + first + " → " + last);
        double[] after = m.parameters().get(0).data();
        int e = 3;
        assertArrayEquals(Arrays.copyOfRange(before, 0, e), Arrays.copyOfRange(after, 0, e), 0.0, "padding row");
        assertArrayEquals(Arrays.copyOfRange(before, 5 * e, 6 * e), Arrays.copyOfRange(after, 5 * e, 6 * e), 0.0,
                "an id no sample holds");
        for (int id = 1; id < 5; id++) {
            assertFalse(Arrays.equals(Arrays.copyOfRange(before, id * e, id * e + e),
                    Arrays.copyOfRange(after, id * e, id * e + e)), "row " + id + " was trained");
        }
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"SGD"})
    void theClippedNormIncludesTheTable(OptimizerKind kind) {
        SequenceModel m = model();
        Dataset data = data();
        // the full batch's gradient, computed directly on a copy
        SequenceModel ref = m.copy();
        int n = data.train().size();
        int[] tokens = new int[T * n];
        int[] classes = new int[n];
        for (int s = 0; s < n; s++) {
            Sample sample = data.train().get(s);
            for (int t = 0; t < T; t++) {
                tokens[t * n + s] = sample.tokens()[t];
            }
            classes[s] = sample.classes()[0];
        }
        ref.forward(Batch.ofClasses(SequenceInput.oneHot(tokens, T, n, V), classes));
        ref.backward();
        double all = 0;
        double table = 0;
        for (Param p : ref.parameters()) {
            for (double g : p.gradData()) {
                all += g * g;
                table += p.name().equals("embedding.weight") ? g * g : 0;
            }
        }
        assertTrue(table > 0);
        TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(n).optimizer(kind).learningRate(0.1)
                .clipNorm(1e-3).build();
        double[] before = m.parameters().get(0).data().clone();
        try (Trainer trainer = new Trainer(m, data, config)) {
            StepResult r = trainer.step();
            assertEquals(Math.sqrt(all), r.gradNorm(), 1e-12 * Math.sqrt(all));
        }
        // clipped as PyTorch clips, by 1e-3 / (|g| + 1e-6) with |g| over all parameters: SGD moves the table by lr
        // times that
        double scale = 0.1 * 1e-3 / (Math.sqrt(all) + 1e-6);
        double[] g = ref.parameters().get(0).gradData();
        double[] after = m.parameters().get(0).data();
        for (int i = 0; i < g.length; i++) {
            assertEquals(before[i] - scale * g[i], after[i], 1e-15, "embedding.weight[" + i + "]");
        }
    }
}
