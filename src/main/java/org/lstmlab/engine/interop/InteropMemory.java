package org.lstmlab.engine.interop;

import java.util.Locale;

import org.lstmlab.engine.train.MemoryBudget;

/**
 * The one place where {@code predict}, {@code trace} and the sequence readers ask how much memory they may still
 * use before they allocate. It delegates to the engine's memory budget, so that when that budget moves or changes
 * only this class follows it.
 */
public final class InteropMemory {
    private InteropMemory() {
    }

    /** Bytes this Java may still allocate, less the budget's margin; never negative. */
    public static long available() {
        return Math.max(0, MemoryBudget.available());
    }

    /**
     * Whether {@code bytes} can be allocated now. What looks used may be garbage not yet collected, so it collects
     * once before answering no. A negative request (an overflow upstream) never fits.
     */
    public static boolean fitsNow(long bytes) {
        if (bytes < 0) {
            return false;
        }
        if (bytes <= available()) {
            return true;
        }
        System.gc();
        return bytes <= available();
    }

    /** The maximum heap, for messages. */
    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /** A byte count for people in the binary units of {@code -Xmx}: "512 bytes", "64.0 MiB", "1.5 GiB". */
    public static String bytes(long n) {
        if (n < 0) {
            return "more bytes than a long can count";
        }
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

    /**
     * Refuses {@code bytes} that do not fit now: "{what} need{s} about 1.6 GiB; this Java may use 900.0 MiB more
     * (maximum heap 2.0 GiB). {hint}, or give Java more memory (-Xmx)".
     */
    public static void require(String what, long bytes, String hint) {
        if (!fitsNow(bytes)) {
            throw new IllegalArgumentException(what + " about " + bytes(bytes) + "; this Java may use "
                    + bytes(available()) + " more (maximum heap " + bytes(maxHeap()) + "). " + hint
                    + ", or give Java more memory (-Xmx)");
        }
    }
}
