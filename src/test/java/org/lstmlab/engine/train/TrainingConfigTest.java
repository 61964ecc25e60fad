package org.lstmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.optim.OptimizerKind;

/** The builder: Keras' defaults, the shard count that follows the threads up to the cores, checked values. */
class TrainingConfigTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void theBuilderStartsFromKerasDefaults() {
        TrainingConfig c = TrainingConfig.builder().build();
        assertEquals(new TrainingConfig(10, 32, OptimizerKind.ADAM, 1e-3, Flavour.KERAS, 0, 0, 42, 1, 1,
                Initializers.Scheme.KERAS, org.lstmlab.engine.math.Precision.FLOAT64), c);
        assertEquals(c, TrainingConfig.kerasDefaults());
        TrainingConfig torch = c.toBuilder().flavour(Flavour.TORCH).build();
        assertEquals(Initializers.Scheme.TORCH, torch.init(), "the flavour brings its initialisation");
        assertEquals("Adam(lr=0.001, betas=(0.9, 0.999), eps=1.0E-8, torch)", torch.newOptimizer().describe());
    }

    @Test
    void theShardCountFollowsTheThreadsUpToTheCores() {
        for (int n : new int[] {1, 2, 3, 8, 64}) {
            assertEquals(Math.min(n, CORES), TrainingConfig.builder().threads(n).build().shards(), "threads " + n);
        }
        TrainingConfig pinned = TrainingConfig.builder().threads(64).shards(5).build();
        assertEquals(5, pinned.shards());
        assertEquals(64, pinned.threads());
        assertEquals(5, pinned.toBuilder().epochs(3).build().shards(), "a saved run keeps its shard count");
        assertEquals(Math.min(2, CORES), pinned.toBuilder().threads(2).build().shards(),
                "asking for other threads asks for other shards");
    }

    @Test
    void valuesOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().epochs(0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().batchSize(65_537).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().learningRate(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().momentum(1).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().threads(0).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.builder().clipNorm(Double.POSITIVE_INFINITY).build());
        assertTrue(e.getMessage().contains("clip norm"), e.getMessage());
        assertEquals(OptimizerKind.RMSPROP, OptimizerKind.parse(" RMSprop "));
        assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("adamw"));
    }
}
