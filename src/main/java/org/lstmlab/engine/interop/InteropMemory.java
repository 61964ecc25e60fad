package org.lstmlab.engine.interop;

import org.lstmlab.engine.bounds.MemoryBudget;

/**
 * How {@code predict}, {@code trace} and the sequence readers ask the {@link MemoryBudget} before they allocate:
 * whether a request fits what this Java may still use now, and the refusal that says both sizes and what to do.
 */
public final class InteropMemory {
    private InteropMemory() {
    }

    /** Bytes this Java may still allocate now, less the budget's margin; never negative. */
    public static long available() {
        return Math.max(0, MemoryBudget.available());
    }

    /** Whether {@code bytes} fits the budget now (see {@link MemoryBudget#fitsNow}). */
    public static boolean fitsNow(long bytes) {
        return MemoryBudget.fitsNow(bytes);
    }

    /** The maximum heap, for messages. */
    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /** A byte count in the binary units of {@code -Xmx} (see {@link MemoryBudget#bytes}). */
    public static String bytes(long n) {
        return n < 0 ? "more bytes than a long can count" : MemoryBudget.bytes(n);
    }

    /**
     * Refuses {@code bytes} that do not fit now: "{what} about 1.6 GiB; this Java may use 900.0 MiB more (maximum
     * heap 2.0 GiB). {hint}, or give Java more memory (-Xmx)".
     */
    public static void require(String what, long bytes, String hint) {
        if (!fitsNow(bytes)) {
            throw new IllegalArgumentException(what + " about " + bytes(bytes) + "; this Java may use "
                    + bytes(available()) + " more (maximum heap " + bytes(maxHeap()) + "). " + hint
                    + ", or give Java more memory (-Xmx)");
        }
    }
}
