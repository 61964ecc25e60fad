package org.lstmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;

/** A training run's sizes are checked in longs before anything is allocated. */
class TrainingMemoryTest {
    @Test
    void aBatchOfInputsPastOneArrayIsRefusedEvenWhenTheGatesFit() {
        // 1000 steps × 4096 sequences × 1,000,000 features = 4.1e12 values; the gates (4 × 1 unit) would fit
        ModelSpec wide = new ModelSpec(CellType.LSTM, 1_000_000, 1, 1, 1, HeadMode.LAST, Loss.MEAN_SQUARED_ERROR);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingMemory.check(wide, 1000, 4096, 1, Precision.FLOAT64));
        assertEquals("a lstm of 1 units over 1000 steps in batches of 4096 needs buffers of 4,096,000,000,000 "
                + "values; Java arrays hold at most 2,147,483,639: choose fewer units, a shorter sequence or a smaller "
                + "batch", e.getMessage());
    }

    @Test
    void theEstimateCountsWeightsMomentsAndTheBatchesTraceWithoutOverflow() {
        ModelSpec s = ModelSpec.kerasExample(50);
        // by hand: 10,651 weights (4·50·(1 + 50 + 2) + 51) × (7 + 2 shards); 2 × 10 steps × 32 sequences ×
        // 2(2·4 + 3)·50 trace values; 2 × 10 × 32 inputs; 6 × 32 outputs; 8 bytes each
        long values = 10_651L * 9 + 2L * 10 * 32 * 2 * 11 * 50 + 2L * 10 * 32 + 6L * 32;
        assertEquals(8 * values, TrainingMemory.bytes(s, 10, 32, 1, Precision.FLOAT64));
        // float32: the trace values take 4 bytes, and the shard keeps float32 copies of the weights (5 per weight)
        long trace = 2L * 10 * 32 * 2 * 11 * 50;
        assertEquals(8 * (values - trace) + 4 * trace + 4 * 5 * 10_651L, TrainingMemory.bytes(s, 10, 32, 1,
                Precision.FLOAT32));
        ModelSpec huge = new ModelSpec(CellType.LSTM, 1_048_576, 1_048_576, 64, 1_048_576, HeadMode.EVERY_STEP,
                Loss.MEAN_SQUARED_ERROR);
        assertEquals(-1, TrainingMemory.bytes(huge, Integer.MAX_VALUE, 65_536, 1024, Precision.FLOAT64),
                "an overflow is -1, never a wrapped positive number");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingMemory.check(ModelSpec.kerasExample(4096), 10, 1, 1024, Precision.FLOAT64));
        assertTrue(e.getMessage().contains("needs about"), e.getMessage());
    }
}
