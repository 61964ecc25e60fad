package org.lstmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** The golden tolerance of docs/reference-cases.md: 1e-9 relative, or 1e-12 absolute near zero. */
public final class Tolerance {
    public static final double RELATIVE = 1e-9;
    public static final double ABSOLUTE = 1e-12;

    private Tolerance() {
    }

    public static boolean close(double expected, double actual) {
        double diff = Math.abs(expected - actual);
        return diff <= ABSOLUTE || diff <= RELATIVE * Math.max(Math.abs(expected), Math.abs(actual));
    }

    public static void assertClose(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (!close(expected[i], actual[i])) {
                fail(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }
}
