package org.lstmlab.engine.train;

import java.util.Locale;

import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;

/**
 * The memory a training run will need, estimated from its sizes before anything is allocated, and checked against
 * the {@link MemoryBudget} and what this Java may still use ({@link MemoryBudget#fitsNow}). A run that would not
 * fit is refused with both numbers, instead of ending in an OutOfMemoryError half-way.
 */
public final class TrainingMemory {
    private TrainingMemory() {
    }

    /**
     * Bytes a run needs: the weights with their gradients, the shards' gradients, the optimizer's moments and the
     * last good copy; and the forward trace and backward buffers of every layer for a full batch (validation runs
     * one) and for the shards, each about (2G + 3)·H values per step and sequence, forward and backward.
     */
    public static long bytes(ModelSpec s, int steps, int batch, int shards) {
        long p = s.parameterCount();
        long g = s.cell().gateCount();
        long h = s.hiddenSize();
        long perStep = 2 * (2 * g + 3) * h * s.numLayers();
        long rows = s.head() == HeadMode.EVERY_STEP ? (long) steps * batch : batch;
        long values = MemoryBudget.sum(MemoryBudget.product(p, 6L + 2L * shards),
                MemoryBudget.product(2L * steps, batch, perStep),
                MemoryBudget.product(2L * steps, batch, s.inputSize()),
                MemoryBudget.product(6L, rows, s.outputSize()));
        return MemoryBudget.product(8, values);
    }

    /**
     * Refuses a run that would not fit in memory or whose buffers would exceed the largest Java array.
     *
     * @throws IllegalArgumentException stating the size needed and the limit
     */
    public static void check(ModelSpec s, int steps, int batch, int shards) {
        long gh = (long) s.cell().gateCount() * s.hiddenSize();
        long biggest = Math.max(Math.max((long) steps * batch * gh, s.inputSize() * gh),
                (long) steps * batch * s.inputSize()); // the gates of a batch, W_ih, and the batch's inputs
        if (biggest > MemoryBudget.MAX_ARRAY) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a %s of %d units over %d steps in "
                    + "batches of %d needs buffers of %,d values; Java arrays hold at most %,d: choose fewer units, "
                    + "a shorter sequence or a smaller batch", s.cell().id(), s.hiddenSize(), steps, batch, biggest,
                    MemoryBudget.MAX_ARRAY));
        }
        long need = bytes(s, steps, batch, shards);
        if (!MemoryBudget.fitsNow(need)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the model (%s, %d units, %d layers, "
                    + "%,d weights) with batches of %d sequences of %d steps needs about %s to train; this Java may "
                    + "use %s more (maximum heap %s). Choose fewer units or layers, a shorter sequence or a smaller "
                    + "batch, or give Java more memory (-Xmx)", s.cell().id(), s.hiddenSize(), s.numLayers(),
                    s.parameterCount(), batch, steps, need < 0 ? "more bytes than a long can count"
                    : MemoryBudget.bytes(need), MemoryBudget.bytes(Math.max(0, Math.min(MemoryBudget.limit(),
                    MemoryBudget.available()))), MemoryBudget.bytes(Runtime.getRuntime().maxMemory())));
        }
    }
}
