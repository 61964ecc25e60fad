package org.lstmlab.engine.trace.expr;

import java.util.Arrays;

/**
 * The result of an expression: a scalar or a vector of doubles. Comparisons give logical values (1 or 0 per unit).
 * A condition {@link #holds() holds} when any unit is true, so {@code f < 0.05} stops when some unit's forget gate
 * is below 0.05.
 */
public record Value(double[] data, boolean scalar, boolean logical) {

    public static Value of(double v) {
        return new Value(new double[] {v}, true, false);
    }

    public static Value vector(double[] v) {
        return new Value(v, false, false);
    }

    public int size() {
        return data.length;
    }

    /** The single number of a scalar. */
    public double asScalar() {
        if (!scalar) {
            throw new ExprError(ExprError.Kind.NOT_A_SCALAR, -1, "a vector of " + data.length
                    + " values where one number is needed", data.length);
        }
        return data[0];
    }

    /** True when any element is non-zero and not NaN. */
    public boolean holds() {
        for (double v : data) {
            if (v != 0 && !Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && scalar == v.scalar && logical == v.logical && Arrays.equals(data, v.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + (scalar ? 1 : 0);
    }

    @Override
    public String toString() {
        return scalar ? Double.toString(data[0]) : Arrays.toString(data);
    }
}
