package org.lstmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.tasks.KerasExampleTask;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.OptimizerKind;

class TrainerTest {
    private static final KerasExampleTask TASK = new KerasExampleTask();

    private static Dataset small(long seed) {
        Dataset full = TASK.generate(10, seed);
        return new Dataset(full.name(), full.train().subList(0, 600), full.validation().subList(0, 200),
                full.inputSize(), full.outputSize(), full.head(), full.loss(), full.vocabulary());
    }

    private static SequenceModel model(TrainingConfig cfg, int hidden) {
        SequenceModel m = new SequenceModel(ModelSpec.kerasExample(hidden));
        Initializers.initialize(m, cfg.init(), cfg.seed());
        return m;
    }

    private static List<double[]> train(TrainingConfig cfg, Dataset data, int steps) {
        return train(cfg, data, steps, 12);
    }

    private static List<double[]> train(TrainingConfig cfg, Dataset data, int steps, int hidden) {
        SequenceModel m = model(cfg, hidden);
        try (Trainer t = new Trainer(m, data, cfg)) {
            for (int i = 0; i < steps; i++) {
                t.step();
            }
        }
        List<double[]> w = new ArrayList<>();
        for (Param p : m.parameters()) {
            w.add(p.data().clone());
        }
        return w;
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsWhateverTheThreadCount() {
        Dataset data = small(1);
        TrainingConfig cfg = TrainingConfig.builder().shards(4).build();
        List<double[]> one = train(cfg.toBuilder().threads(1).shards(4).build(), data, 30);
        List<double[]> two = train(cfg.toBuilder().threads(2).shards(4).build(), data, 30);
        List<double[]> four = train(cfg.toBuilder().threads(4).shards(4).build(), data, 30);
        for (int k = 0; k < one.size(); k++) {
            assertArrayEquals(one.get(k), two.get(k));
            assertArrayEquals(one.get(k), four.get(k));
        }
        List<double[]> otherSeed = train(cfg.toBuilder().seed(7).build(), data, 30);
        assertFalse(java.util.Arrays.equals(one.get(0), otherSeed.get(0)));
    }

    /** A model large enough that the threads share the reduce, the clipping and the optimizer's update. */
    @Test
    void theSharedUpdateOfALargeModelIsBitIdenticalWhateverTheThreadCount() {
        Dataset data = small(2);
        int hidden = 136;  // 4·136·(1 + 136 + 2) + 137 values: above Trainer.PARALLEL_UPDATE_MIN
        assertTrue(ModelSpec.kerasExample(hidden).parameterCount() >= Trainer.PARALLEL_UPDATE_MIN);
        TrainingConfig cfg = TrainingConfig.builder().shards(3).clipNorm(0.05).build();
        List<double[]> one = train(cfg.toBuilder().threads(1).shards(3).build(), data, 6, hidden);
        List<double[]> two = train(cfg.toBuilder().threads(2).shards(3).build(), data, 6, hidden);
        List<double[]> three = train(cfg.toBuilder().threads(3).shards(3).build(), data, 6, hidden);
        for (int k = 0; k < one.size(); k++) {
            assertArrayEquals(one.get(k), two.get(k));
            assertArrayEquals(one.get(k), three.get(k));
        }
    }

    /**
     * The shards read weights packed once per step; between steps (here an evaluation, after the update changed the
     * weights) every pass packs the current weights again, so it sees what a fresh copy of the model sees.
     */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void anEvaluationBetweenStepsSeesTheUpdatedWeights(Precision precision) {
        Dataset data = small(3);
        TrainingConfig cfg = TrainingConfig.builder().shards(2).threads(2).precision(precision).build();
        SequenceModel m = model(cfg, 24);
        try (Trainer t = new Trainer(m, data, cfg)) {
            for (int i = 0; i < 3; i++) {
                t.step();
                List<Sample> some = data.validation().subList(0, 50);
                double seen = t.evaluate(some).loss();
                SequenceModel copy = m.copy();
                copy.setPrecision(precision);
                double fresh = Trainer.evaluate(copy, data, some, cfg.batchSize()).loss();
                assertEquals(Double.doubleToRawLongBits(fresh), Double.doubleToRawLongBits(seen), "after step " + i);
            }
        }
    }

    /** The float32 precision too: its trace, cell kernels and products are as deterministic as float64's. */
    @Test
    void float32IsBitIdenticalWhateverTheThreadCountAndFromRunToRun() {
        Dataset data = small(5);
        TrainingConfig cfg = TrainingConfig.builder().shards(4).precision(Precision.FLOAT32).build();
        List<double[]> one = train(cfg.toBuilder().threads(1).shards(4).build(), data, 30);
        List<double[]> two = train(cfg.toBuilder().threads(2).shards(4).build(), data, 30);
        List<double[]> again = train(cfg.toBuilder().threads(2).shards(4).build(), data, 30);
        List<double[]> float64 = train(cfg.toBuilder().threads(2).shards(4).precision(Precision.FLOAT64).build(), data,
                30);
        for (int k = 0; k < one.size(); k++) {
            assertArrayEquals(one.get(k), two.get(k));
            assertArrayEquals(one.get(k), again.get(k));
        }
        assertFalse(java.util.Arrays.equals(one.get(0), float64.get(0)), "float32 is not float64");
    }

    @Test
    void shardedGradientEqualsWholeBatchGradient() {
        Dataset data = small(2);
        TrainingConfig whole = TrainingConfig.builder().shards(1).build();
        List<double[]> a = train(whole, data, 1);
        List<double[]> b = train(whole.toBuilder().shards(3).build(), data, 1);
        for (int k = 0; k < a.size(); k++) {
            for (int j = 0; j < a.get(k).length; j++) {
                assertEquals(a.get(k)[j], b.get(k)[j], 1e-12, "param " + k + "[" + j + "]");
            }
        }
    }

    @Test
    void lossFallsAndAccuracyRisesOnTheKerasExample() {
        Dataset data = small(3);
        TrainingConfig cfg = TrainingConfig.kerasDefaults().toBuilder().epochs(8).learningRate(1e-2).build();
        SequenceModel m = model(cfg, 12);
        try (Trainer t = new Trainer(m, data, cfg)) {
            double before = t.evaluate(data.validation()).loss();
            while (!t.finished()) {
                t.step();
            }
            Evaluation after = t.evaluate(data.validation());
            assertTrue(after.loss() < 0.6 * before, "loss " + before + " → " + after.loss());
            assertTrue(TASK.score(after).accuracy() > 0.85, "accuracy " + TASK.score(after).accuracy());
        }
    }

    @Test
    void nonFiniteStepsAreSkippedThenTrainingHalts() {
        Dataset clean = small(4);
        List<Sample> poisoned = new ArrayList<>();
        for (Sample s : clean.train()) {
            double[] x = s.x().clone();
            x[3] = Double.NaN;
            poisoned.add(Sample.dense(x, s.steps(), 1, s.target()));
        }
        Dataset bad = new Dataset("poisoned", poisoned, clean.validation(), 1, 1, clean.head(), clean.loss(),
                List.of());
        TrainingConfig cfg = TrainingConfig.kerasDefaults();
        SequenceModel m = model(cfg, 6);
        double[] before = m.parameters().get(0).data().clone();
        try (Trainer t = new Trainer(m, bad, cfg)) {
            StepResult r1 = t.step();
            assertTrue(r1.skipped());
            assertArrayEquals(before, m.parameters().get(0).data(), "no update from a NaN step");
            t.step();
            TrainingHaltedException e = assertThrows(TrainingHaltedException.class, t::step);
            assertTrue(e.getMessage().contains("3 steps in a row"), e.getMessage());
            assertEquals(3, t.skippedSteps());
        }
    }

    @Test
    void anUpdateThatOverflowsIsUndoneSoTheHaltKeepsTheLastGoodWeights() {
        Dataset data = small(6);
        TrainingConfig good = TrainingConfig.builder().optimizer(OptimizerKind.RMSPROP).learningRate(1e-3).build();
        SequenceModel m = model(good, 6);
        List<double[]> afterGoodStep;
        try (Trainer t = new Trainer(m, data, good)) {
            assertFalse(t.step().skipped());
            afterGoodStep = m.weightValues();
        }
        TrainingConfig huge = good.toBuilder().learningRate(1.7e308).build();
        try (Trainer t = new Trainer(m, data, huge)) {
            StepResult r = t.step();
            assertTrue(Double.isFinite(r.loss()) && Double.isFinite(r.gradNorm()), "the loss and gradient were fine");
            assertTrue(r.skipped(), "but the update made the weights infinite, so it was undone");
            t.step();
            TrainingHaltedException e = assertThrows(TrainingHaltedException.class, t::step);
            assertTrue(e.getMessage().contains("update made weights infinite or NaN and was undone"), e.getMessage());
            assertTrue(e.getMessage().contains("the weights are those of the last good step"), e.getMessage());
        }
        List<double[]> now = m.weightValues();
        for (int k = 0; k < now.size(); k++) {
            assertArrayEquals(afterGoodStep.get(k), now.get(k), "parameter " + k + " is the last good step's");
        }
    }

    @Test
    void mismatchedDataAndModelAreRejected() {
        Dataset data = small(5);
        SequenceModel wrong = new SequenceModel(new ModelSpec(CellType.LSTM, 3, 4, 1, 1,
                org.lstmlab.engine.nn.HeadMode.LAST, org.lstmlab.engine.loss.Loss.BINARY_CROSS_ENTROPY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(wrong, data, TrainingConfig.kerasDefaults()));
        assertTrue(e.getMessage().contains("input features"), e.getMessage());
    }
}
