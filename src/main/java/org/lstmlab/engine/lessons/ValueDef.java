package org.lstmlab.engine.lessons;

import org.lstmlab.engine.nn.CellType;

/**
 * How the engine computes a named number of a lesson.
 *
 * <p>{@link Expr}: an expression in the debugger's language. Its names are the lesson's numbers defined so far, then
 * the trace's symbols at timestep {@code t} (counted from 1; 0 means the cursor's step) of the main cell or, with
 * {@code beside}, of the cell beside it. It must give one number: index vectors, e.g. {@code f[0]}. With a
 * {@code reduce} ({@code sum}, {@code product}, {@code mean}, {@code min}, {@code max}) it is evaluated at every
 * timestep from {@code from} to {@code to} ({@code end} in the file, 0 here: the last step) and the results
 * combined, e.g. the product of f over a whole sequence.
 *
 * <p>{@link ParamCount}: the number of parameters of one recurrent layer as PyTorch or Keras stores it, counted
 * from the engine's own layer.
 *
 * <p>{@link DenseCount}: the number of parameters of a fully connected layer {@code W·v + b} from {@code input}
 * values to {@code units}, as the engine's Dense head keeps them (W and one bias): what a layer a tutorial adds
 * would cost.
 */
public sealed interface ValueDef {
    int line();

    record Expr(int line, String expr, int t, boolean beside, String reduce, int from, int to)
            implements ValueDef {
        public Expr(int line, String expr, int t, boolean beside) {
            this(line, expr, t, beside, null, 0, 0);
        }

        /** A reduced number from its value at each timestep {@code from} … {@code to} (the last, as {@code end}). */
        public double combine(int to, java.util.function.IntToDoubleFunction at) {
            double acc = switch (reduce) {
                case "product" -> 1;
                case "min" -> Double.POSITIVE_INFINITY;
                case "max" -> Double.NEGATIVE_INFINITY;
                default -> 0;
            };
            for (int t = from; t <= to; t++) {
                double v = at.applyAsDouble(t);
                acc = switch (reduce) {
                    case "product" -> acc * v;
                    case "min" -> Math.min(acc, v);
                    case "max" -> Math.max(acc, v);
                    default -> acc + v;
                };
            }
            return reduce.equals("mean") ? acc / (to - from + 1) : acc;
        }
    }

    record ParamCount(int line, CellType cell, int input, int hidden, String framework, boolean dense)
            implements ValueDef {
    }

    record DenseCount(int line, int input, int units) implements ValueDef {
    }
}
