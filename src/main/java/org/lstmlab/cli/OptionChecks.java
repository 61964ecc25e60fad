package org.lstmlab.cli;

import java.util.Locale;

/** Range checks for command-line options: a value out of range is refused with the option's name, never replaced. */
final class OptionChecks {
    private OptionChecks() {
    }

    /** {@code value} when it is from {@code lo} to {@code hi}, else an error naming the option. */
    static int range(String option, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(option + " must be from " + lo + " to " + hi + ", got " + value);
        }
        return value;
    }

    /** A finite number above 0. */
    static double positive(String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(option + " must be a positive number, got " + format(value));
        }
        return value;
    }

    /** A finite number from 0. */
    static double nonNegative(String option, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(option + " must be 0 or a positive number, got " + format(value));
        }
        return value;
    }

    /** A fraction from 0 up to, not including, 1. */
    static double fraction(String option, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(option + " must be from 0 up to (not including) 1, got "
                    + format(value));
        }
        return value;
    }

    /** Runs {@code check} and names the option in its error. */
    static <T> T named(String option, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
