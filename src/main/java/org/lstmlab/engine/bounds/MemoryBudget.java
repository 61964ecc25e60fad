package org.lstmlab.engine.bounds;

import java.util.Locale;

import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.Refusal;

/**
 * How much memory one request (a file's tensors, a model, a dataset) may take: the maximum heap minus a margin
 * for everything else the program holds. Every loader compares the size a request would need, computed from
 * metadata and options with overflow-safe arithmetic, against {@link #limit()} before it allocates anything, and
 * refuses with a message stating both numbers (a {@link Message}, so the app says it in its language).
 *
 * <p>The margin is a quarter of the heap, at least 64 MiB: enough for the JVM, the UI and the copies a loader
 * makes while converting.
 *
 * <p>A request made while the program already holds a lot (a training run, which lives for minutes beside
 * everything else) is also compared with what is still free now, {@link #available()}: the maximum heap, less what
 * is in use, less a tenth of the heap. What looks used may be garbage not yet collected, so {@link #fitsNow}
 * collects once before refusing (a busy JVM otherwise refuses a 1 MB model).
 */
public final class MemoryBudget {
    private static final long MIN_MARGIN = 64L << 20;
    /** The most elements one Java array can hold (a little below {@code Integer.MAX_VALUE} on every JVM). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    private MemoryBudget() {
    }

    /** The largest request, in bytes, that this Java may fulfil: the maximum heap minus the margin. */
    public static long limit() {
        long max = Runtime.getRuntime().maxMemory();
        if (max == Long.MAX_VALUE) {
            return Long.MAX_VALUE / 4;
        }
        return Math.max(0, max - margin(max));
    }

    private static long margin(long maxHeap) {
        return Math.max(MIN_MARGIN, maxHeap / 4);
    }

    /** Whether {@code bytes} fits the budget; a negative value (an overflow upstream) never fits. */
    public static boolean fits(long bytes) {
        return bytes >= 0 && bytes <= limit();
    }

    /**
     * What this Java may still allocate now: the maximum heap, less what is in use, less a tenth of the heap (at
     * least 64 MiB); may be negative. The margin is smaller than {@link #limit()}'s: what is in use already counts
     * what the program holds, so only the collector's working room is kept free.
     */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        long max = rt.maxMemory();
        if (max == Long.MAX_VALUE) {
            return Long.MAX_VALUE / 4;
        }
        return max - (rt.totalMemory() - rt.freeMemory()) - Math.max(MIN_MARGIN, max / 10);
    }

    /**
     * Whether {@code bytes} fits the budget and what is still {@link #available()}; when it seems not to, the
     * garbage is collected once and the question asked again. A negative value (an overflow) never fits.
     */
    public static boolean fitsNow(long bytes) {
        if (!fits(bytes)) {
            return false;
        }
        if (bytes <= available()) {
            return true;
        }
        System.gc(); // what looked used may be garbage not yet collected: ask once before refusing
        return bytes <= available();
    }

    /**
     * "{what} need 4.4 GiB, more than the memory limit of 1.5 GiB (the maximum heap of 2.0 GiB minus a margin;
     * start Java with a larger -Xmx for more)", in the app's language.
     */
    public static Message refusal(Message what, long bytes) {
        long max = Runtime.getRuntime().maxMemory();
        return Message.of("engine.memory.over", what, need(bytes), bytes(limit()), bytes(max));
    }

    /** A byte count, or "more bytes than a long can count" for an overflow (negative). */
    public static Message need(long bytes) {
        return bytes < 0 ? Message.of("engine.memory.uncountable") : Message.verbatim(bytes(bytes));
    }

    /** The English of {@link #refusal}, for a {@code what} that has no template. */
    public static String explain(String what, long bytes) {
        return refusal(Message.verbatim(what), bytes).english();
    }

    /**
     * Throws {@link Exceeded} when {@code bytes} does not fit. {@code what} says what would be allocated, e.g.
     * "a model LSTM(20000) x1: its weights".
     */
    public static void check(Message what, long bytes) {
        if (!fits(bytes)) {
            throw new Exceeded(refusal(what, bytes), bytes);
        }
    }

    /** {@code a · b · ...} in bytes-safe arithmetic: {@code -1} when the product overflows a long. */
    public static long product(long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f < 0) {
                return -1;
            }
            try {
                p = Math.multiplyExact(p, f);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return p;
    }

    /** {@code a + b + ...}, {@code -1} when any term is negative (an overflow) or the sum overflows. */
    public static long sum(long... terms) {
        long s = 0;
        for (long t : terms) {
            if (t < 0) {
                return -1;
            }
            try {
                s = Math.addExact(s, t);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return s;
    }

    /**
     * A byte count for people, in the binary units {@code -Xmx} uses: "512 bytes", "64.0 MiB", "1.5 GiB" (a
     * heap of {@code -Xmx2g} is "2.0 GiB").
     */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** A request that does not fit the budget. An {@link IllegalArgumentException}: the input asked too much. */
    public static final class Exceeded extends Refusal {
        private static final long serialVersionUID = 1L;
        private final long bytes;

        Exceeded(Message message, long bytes) {
            super(message);
            this.bytes = bytes;
        }

        /** The bytes the request needed ({@code -1} when it overflowed a long). */
        public long bytes() {
            return bytes;
        }
    }
}
