package org.lstmlab.ui.debugger;

/**
 * What a value of a part means, in bands a teacher would name: a gate near 1 is open, near 0 shut; a tanh output
 * near ±1 is saturated; a memory beyond ±1 is something only an unsquashed cell state can hold; a gradient below
 * 1e-4 is vanishing, above 10 exploding. {@link Explainer} turns a band into a sentence.
 */
final class ValueBands {
    /** A gate at or above this is "almost fully open". */
    static final double GATE_OPEN = 0.9;
    /** A gate at or below this is "almost shut". */
    static final double GATE_SHUT = 0.1;
    /** |tanh| at or above this is saturated (its slope 1 − v² is at most 0.19). */
    static final double SATURATED = 0.9;
    /** |v| at or below this is "close to 0" for a tanh output or a memory. */
    static final double NEAR_ZERO = 0.1;
    /** |δ| below this is a vanishing gradient. */
    static final double VANISHING = 1e-4;
    /** |δ| above this is a large (exploding) gradient. */
    static final double EXPLODING = 10;

    /** How a part's values read. */
    enum Kind {
        /** forget gate: keeps memory */ KEEP,
        /** input gate: lets the candidate in */ LET_IN,
        /** output gate: shows the memory */ SHOW,
        /** GRU reset gate: uses the past in the candidate */ RESET,
        /** GRU update gate: keeps the old state */ UPDATE,
        /** the tutorial's tanh "input gate", which can be negative */ SIGNED_GATE,
        /** a tanh output: candidate, hidden state, tanh(c) */ TANH,
        /** a ReLU output */ RELU,
        /** the LSTM's cell state */ MEMORY,
        /** a gradient */ GRADIENT,
        /** anything else: inputs, weights, pre-activations */ PLAIN
    }

    /** The bands; not every kind uses every band. */
    enum Band { HIGH, MID, LOW, NEGATIVE, SATURATED, WORKING, NEAR_ZERO, OFF, BEYOND, ZERO, VANISHING, EXPLODING,
        ORDINARY, PLAIN, NAN }

    private ValueBands() {
    }

    static Band band(Kind kind, double v) {
        if (!Double.isFinite(v)) {
            return Band.NAN;
        }
        double a = Math.abs(v);
        return switch (kind) {
            case KEEP, LET_IN, SHOW, RESET, UPDATE -> gate(v);
            case SIGNED_GATE -> v < 0 ? Band.NEGATIVE : gate(v);
            case TANH -> a >= SATURATED ? Band.SATURATED : a <= NEAR_ZERO ? Band.NEAR_ZERO : Band.WORKING;
            case RELU -> v <= 0 ? Band.OFF : Band.WORKING;
            case MEMORY -> a > 1 ? Band.BEYOND : a <= NEAR_ZERO ? Band.NEAR_ZERO : Band.WORKING;
            case GRADIENT -> v == 0 ? Band.ZERO : a < VANISHING ? Band.VANISHING : a > EXPLODING ? Band.EXPLODING
                    : Band.ORDINARY;
            case PLAIN -> Band.PLAIN;
        };
    }

    private static Band gate(double v) {
        return v >= GATE_OPEN ? Band.HIGH : v <= GATE_SHUT ? Band.LOW : Band.MID;
    }
}
