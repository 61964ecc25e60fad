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
 */
public sealed interface ValueDef {
    int line();

    record Expr(int line, String expr, int t, boolean beside, String reduce, int from, int to)
            implements ValueDef {
        public Expr(int line, String expr, int t, boolean beside) {
            this(line, expr, t, beside, null, 0, 0);
        }
    }

    record ParamCount(int line, CellType cell, int input, int hidden, String framework, boolean dense)
            implements ValueDef {
    }
}
