package org.lstmlab.engine.trace.expr;

/** Gives the names of an expression their values: trace symbols, weight blocks and the position. */
public interface Scope {

    /** A matrix, read by element: weight blocks such as {@code W_if} (H × D). */
    interface Matrix {
        int rows();

        int cols();

        double get(int row, int col);
    }

    /** The value of a scalar or vector name; throws {@link ExprError} of kind UNKNOWN_NAME when there is none. */
    Value value(String name);

    /** The matrix called {@code name}, or null when it is not a matrix. */
    default Matrix matrix(String name) {
        return null;
    }
}
