package org.lstmlab.engine.train;

import java.util.Locale;

import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;

/**
 * The memory a training run will need, estimated from its sizes before anything is allocated, and checked against
 * what this Java may still use: the maximum heap, less what is in use, less a margin. A run that would not fit is
 * refused with both numbers, instead of ending in an OutOfMemoryError half-way.
 */
public final class MemoryBudget {
    /** Kept free for everything else: the larger of 64 MiB and a tenth of the heap. */
    static final long MIN_MARGIN = 64L << 20;
    /** The most elements one Java array can hold. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    private MemoryBudget() {
    }

    /** Weights and biases of a model. */
    public static long parameters(ModelSpec s) {
        long gh = (long) s.cell().gateCount() * s.hiddenSize();
        long p = 0;
        for (int l = 0; l < s.numLayers(); l++) {
            long in = l == 0 ? s.inputSize() : s.hiddenSize();
            p += in * gh + (long) s.hiddenSize() * gh + 2 * gh;
        }
        return p + (long) s.hiddenSize() * s.outputSize() + s.outputSize();
    }

    /**
     * Bytes a run needs: the weights with their gradients, the shards' gradients, the optimizer's moments and the
     * last good copy; and the forward trace and backward buffers of every layer for a full batch (validation runs
     * one) and for the shards, each about (2G + 3)·H values per step and sequence, forward and backward.
     */
    public static long bytes(ModelSpec s, int steps, int batch, int shards) {
        long p = parameters(s);
        long g = s.cell().gateCount();
        long h = s.hiddenSize();
        long perStep = 2 * (2 * g + 3) * h * s.numLayers();
        long rows = s.head() == HeadMode.EVERY_STEP ? (long) steps * batch : batch;
        long values = p * (6L + 2L * shards)
                + 2L * steps * batch * perStep
                + 2L * steps * batch * s.inputSize()
                + 6L * rows * s.outputSize();
        return 8 * values;
    }

    /** What this Java may still allocate, less the margin. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        long max = rt.maxMemory();
        long used = rt.totalMemory() - rt.freeMemory();
        return max - used - Math.max(MIN_MARGIN, max / 10);
    }

    /**
     * Refuses a run that would not fit in memory or whose buffers would exceed the largest Java array.
     *
     * @throws IllegalArgumentException stating the size needed and the limit
     */
    public static void check(ModelSpec s, int steps, int batch, int shards) {
        long biggest = Math.max((long) steps * batch * s.cell().gateCount() * s.hiddenSize(),
                (long) s.inputSize() * s.cell().gateCount() * s.hiddenSize());
        if (biggest > MAX_ARRAY) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a %s of %d units over %d steps in "
                    + "batches of %d needs buffers of %,d values; Java arrays hold at most %,d: choose fewer units, "
                    + "a shorter sequence or a smaller batch", s.cell().id(), s.hiddenSize(), steps, batch, biggest,
                    MAX_ARRAY));
        }
        long need = bytes(s, steps, batch, shards);
        long have = available();
        if (need > have) {
            System.gc();   // what looked used may be garbage not yet collected: ask once before refusing
            have = available();
        }
        if (need > have) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the model (%s, %d units, %d layers, "
                    + "%,d weights) with batches of %d sequences of %d steps needs about %s to train; this Java may "
                    + "use %s more (maximum heap %s). Choose fewer units or layers, a shorter sequence or a smaller "
                    + "batch, or give Java more memory (-Xmx)", s.cell().id(), s.hiddenSize(), s.numLayers(),
                    parameters(s), batch, steps, size(need), size(Math.max(0, have)),
                    size(Runtime.getRuntime().maxMemory())));
        }
    }

    /** Bytes as MB or GB for messages. */
    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }
}
