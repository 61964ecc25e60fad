package org.lstmlab.engine.train;

import java.util.Locale;

import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.text.Refusal;

/**
 * The memory a training run will need, estimated from its sizes before anything is allocated, and checked against
 * the {@link MemoryBudget} and what this Java may still use ({@link MemoryBudget#fitsNow}). A run that would not
 * fit is refused with both numbers, instead of ending in an OutOfMemoryError half-way.
 */
public final class TrainingMemory {
    private TrainingMemory() {
    }

    /**
     * Bytes a run needs: the weights with their gradients, the shards' gradients, the optimizer's moments, the
     * last good copy and the epoch's first (how far an epoch moves them); and the forward trace and backward buffers
     * of every layer for a full batch (validation runs one) and for the shards, each about (2G + 3)·H values per step
     * and sequence, forward and backward. Everything is float64 (8 bytes) except, in the float32 precision, the traces
     * and buffers (4 bytes) and each shard's float32 copies of the weights (about 5 per weight: transposed, packed,
     * and for backward).
     */
    public static long bytes(ModelSpec s, int steps, int batch, int shards, Precision precision) {
        long p = s.parameterCount();
        long g = s.cell().gateCount();
        long h = s.hiddenSize();
        long perStep = 2 * (2 * g + 3) * h * s.numLayers();
        long rows = s.head() == HeadMode.EVERY_STEP ? (long) steps * batch : batch;
        long doubles = MemoryBudget.sum(MemoryBudget.product(p, 7L + 2L * shards),
                MemoryBudget.product(2L * steps, batch, s.inputSize()),
                MemoryBudget.product(6L, rows, s.outputSize()));
        long trace = MemoryBudget.product(2L * steps, batch, perStep);
        if (precision == Precision.FLOAT32) {
            return MemoryBudget.sum(MemoryBudget.product(8, doubles), MemoryBudget.product(4, trace),
                    MemoryBudget.product(4L * 5, p, shards));
        }
        return MemoryBudget.product(8, MemoryBudget.sum(doubles, trace));
    }

    /**
     * Refuses a run that would not fit in memory or whose buffers would exceed the largest Java array.
     *
     * @throws Refusal (an IllegalArgumentException) stating the size needed and the limit
     */
    public static void check(ModelSpec s, int steps, int batch, int shards, Precision precision) {
        long gh = (long) s.cell().gateCount() * s.hiddenSize();
        long biggest = Math.max(Math.max((long) steps * batch * gh, s.inputSize() * gh),
                (long) steps * batch * s.inputSize()); // the gates of a batch, W_ih, and the batch's inputs
        if (biggest > MemoryBudget.MAX_ARRAY) {
            throw Refusal.of("engine.memory.trainArrays", s.cell().id(), Integer.toString(s.hiddenSize()),
                    Integer.toString(steps), Integer.toString(batch), grouped(biggest),
                    grouped(MemoryBudget.MAX_ARRAY));
        }
        long need = bytes(s, steps, batch, shards, precision);
        if (!MemoryBudget.fitsNow(need)) {
            throw Refusal.of("engine.memory.training", s.cell().id(), Integer.toString(s.hiddenSize()),
                    Integer.toString(s.numLayers()), grouped(s.parameterCount()), Integer.toString(batch),
                    Integer.toString(steps), MemoryBudget.need(need),
                    MemoryBudget.bytes(Math.max(0, Math.min(MemoryBudget.limit(), MemoryBudget.available()))),
                    MemoryBudget.bytes(Runtime.getRuntime().maxMemory()));
        }
    }

    /** 1,234,567: a count as the user reads it, the same in every language. */
    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
