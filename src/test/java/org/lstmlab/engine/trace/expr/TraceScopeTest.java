package org.lstmlab.engine.trace.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.trace.Trace;

/** Names in an expression read the engine's trace at the chosen place, and t counts from 1. */
class TraceScopeTest {

    static Trace lstm() {
        SplittableRandom rng = new SplittableRandom(3);
        RecurrentStack stack = new RecurrentStack(CellType.LSTM, 2, 3, 2);
        for (Param p : stack.parameters()) {
            for (int i = 0; i < p.size(); i++) {
                p.data()[i] = rng.nextDouble(-1, 1);
            }
        }
        double[] x = new double[5 * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        stack.forward(SequenceInput.dense(x, 5, 1, 2), null, null);
        stack.backward(new double[5 * 3], new double[2 * 3], null, true);
        return Trace.withGradients(stack);
    }

    @Test
    void symbolsWeightsAndPositionComeFromTheTrace() {
        Trace tr = lstm();
        Scope s = new TraceScope(tr, 1, 3, 0);
        assertArrayEquals(tr.vector("f", 1, 3, 0), Evaluator.evaluate(ExprParser.parse("f"), s).data(), 0);
        assertEquals(tr.vector("c", 1, 3, 0)[2], Evaluator.evaluate(ExprParser.parse("c[2]"), s).asScalar(), 0);
        assertEquals(4, Evaluator.evaluate(ExprParser.parse("t"), s).asScalar(), "the UI counts steps from 1");
        assertEquals(1, Evaluator.evaluate(ExprParser.parse("layer"), s).asScalar());
        assertEquals(tr.weights(1, "W_if").get(2, 1),
                Evaluator.evaluate(ExprParser.parse("W_if[2, 1]"), s).asScalar(), 0);
        assertEquals(tr.weights(1, "b_ho").get(0, 0),
                Evaluator.evaluate(ExprParser.parse("b_ho[0]"), s).asScalar(), 0);
        double norm = 0;
        for (double v : tr.vector("dc", 1, 3, 0)) {
            norm += v * v;
        }
        assertEquals(Math.sqrt(norm), Evaluator.evaluate(ExprParser.parse("norm(dc)"), s).asScalar(), 1e-15);
    }

    @Test
    void namesOfOtherCellsAreUnknown() {
        Scope s = new TraceScope(lstm(), 0, 0, 0);
        assertEquals(ExprError.Kind.UNKNOWN_NAME,
                assertThrows(ExprError.class, () -> Evaluator.evaluate(ExprParser.parse("z"), s)).kind());
        assertEquals(ExprError.Kind.NOT_A_SCALAR,
                assertThrows(ExprError.class, () -> Evaluator.evaluate(ExprParser.parse("W_if + 1"), s)).kind());
    }
}
