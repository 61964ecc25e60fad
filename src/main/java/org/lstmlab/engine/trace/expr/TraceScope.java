package org.lstmlab.engine.trace.expr;

import org.lstmlab.engine.nn.GateView;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.engine.trace.expr.ExprError.Kind;

/**
 * Names of a {@link Trace} at one place: the trace symbols ({@code f}, {@code c}, {@code dh}, ...) of layer
 * {@code layer} at step {@code step} of sequence {@code seq}; the weight blocks of that layer ({@code W_if} as a
 * matrix, {@code b_if} as a vector); {@code t}, the timestep counted from 1 as the UI shows it; {@code layer},
 * counted from 0 as PyTorch names layers; {@code T}, the number of steps; {@code H}, the hidden size.
 */
public final class TraceScope implements Scope {
    private final Trace trace;
    private final int layer;
    private final int step;
    private final int seq;

    /** @param step 0-based timestep as the engine counts */
    public TraceScope(Trace trace, int layer, int step, int seq) {
        this.trace = trace;
        this.layer = layer;
        this.step = step;
        this.seq = seq;
    }

    @Override
    public Value value(String name) {
        switch (name) {
            case "t" -> {
                return Value.of(step + 1);
            }
            case "layer" -> {
                return Value.of(layer);
            }
            case "T" -> {
                return Value.of(trace.steps());
            }
            case "H" -> {
                return Value.of(trace.hiddenSize());
            }
            default -> { }
        }
        if (trace.has(name) && !(name.equals("da") && trace.cell().isGru())) {
            return Value.vector(trace.vector(name, layer, step, seq));
        }
        if (name.startsWith("b_")) {
            GateView v = view(name);
            if (v != null) {
                double[] out = new double[v.rows()];
                for (int r = 0; r < out.length; r++) {
                    out[r] = v.get(r, 0);
                }
                return Value.vector(out);
            }
        }
        if (view(name) != null) {
            throw new ExprError(Kind.NOT_A_SCALAR, -1, name + " is a matrix: index it, e.g. " + name + "[0]", name);
        }
        throw new ExprError(Kind.UNKNOWN_NAME, -1, "'" + name + "' is not a value of this " + trace.cell().id()
                + " trace", name, trace.cell().id());
    }

    @Override
    public Matrix matrix(String name) {
        if (!name.startsWith("W_")) {
            return null;
        }
        GateView v = view(name);
        if (v == null) {
            return null;
        }
        return new Matrix() {
            @Override
            public int rows() {
                return v.rows();
            }

            @Override
            public int cols() {
                return v.cols();
            }

            @Override
            public double get(int row, int col) {
                return v.get(row, col);
            }
        };
    }

    private GateView view(String name) {
        try {
            return trace.weights(layer, name);
        } catch (IllegalArgumentException notAView) {
            return null;
        }
    }
}
