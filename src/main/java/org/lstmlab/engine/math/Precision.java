package org.lstmlab.engine.math;

import java.util.Locale;

import org.lstmlab.engine.text.Refusal;

/**
 * The number format training computes in. {@link #FLOAT64} is the default and what the reference cases, the
 * debugger and the gradient checks use: equal to PyTorch float64 to 1e-9. {@link #FLOAT32} runs the recurrent
 * layers' whole pass in float32, twice as many lanes per vector and half the memory traffic: the products (input
 * projection, recurrent step, their gradients and the weight gradients, nearly all of the arithmetic), the gates,
 * the cell and hidden states and the gradients that flow back through time, and the Dense head's products; it keeps
 * the stored weights, their gradients, the optimizer state and the losses in float64. docs/kernels.md ("float32
 * training") says why, with the measurements.
 */
public enum Precision {
    FLOAT64("float64"),
    FLOAT32("float32");

    private final String id;

    Precision(String id) {
        this.id = id;
    }

    /** {@code float64} or {@code float32}: the name PyTorch gives the dtype. */
    public String id() {
        return id;
    }

    /** Parses {@code float64}/{@code float32} (also {@code f64}, {@code double}, {@code f32}, {@code float}). */
    public static Precision parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "float64", "f64", "double", "fp64" -> FLOAT64;
            case "float32", "f32", "float", "fp32" -> FLOAT32;
            default -> throw Refusal.of("engine.precision.unknown", s);
        };
    }
}
