package org.lstmlab.engine.text;

/** A count with its noun in English, singular for one: "1 layer", "2 layers" (for sentences only English reads). */
public final class Counted {
    private Counted() {
    }

    /** {@code n} and {@code noun}, with an "s" unless {@code n} is 1; {@code noun} takes a regular plural. */
    public static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
