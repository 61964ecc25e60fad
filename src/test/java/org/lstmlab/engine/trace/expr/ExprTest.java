package org.lstmlab.engine.trace.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.trace.expr.ExprError.Kind;

/** The expression language of breakpoints and watches, over a hand-made scope. */
class ExprTest {
    static final Map<String, Value> NAMES = Map.of(
            "f", Value.vector(new double[] {0.9, 0.02, 0.5}),
            "c", Value.vector(new double[] {-2.5, 1.0, 0.1}),
            "o", Value.vector(new double[] {0.5, 1.0, 0.0}),
            "h", Value.vector(new double[] {0.1, Double.NaN, 0.3}),
            "t", Value.of(7));

    static final Scope SCOPE = new Scope() {
        @Override
        public Value value(String name) {
            Value v = NAMES.get(name);
            if (v == null) {
                throw new ExprError(Kind.UNKNOWN_NAME, -1, name, name);
            }
            return v;
        }

        @Override
        public Matrix matrix(String name) {
            return !name.equals("W_if") ? null : new Matrix() {
                public int rows() {
                    return 3;
                }

                public int cols() {
                    return 2;
                }

                public double get(int r, int col) {
                    return 10 * r + col;
                }
            };
        }
    };

    static Value eval(String s) {
        return Evaluator.evaluate(ExprParser.parse(s), SCOPE);
    }

    @Test
    void theIssuesExamplesMeanWhatTheySay() {
        assertTrue(eval("f[1] < 0.05").holds());
        assertFalse(eval("f[0] < 0.05").holds());
        assertTrue(eval("max(abs(c)) > 2").holds());
        assertTrue(eval("t == 7").holds());
        assertFalse(eval("t == 8").holds());
        assertTrue(eval("isnan(h)").holds());
        assertFalse(eval("isnan(f)").holds());
        assertEquals(2.5, eval("norm(c - c) + max(abs(c))").asScalar(), 0);
    }

    @Test
    void vectorsCombineElementByElementAndScalarsBroadcast() {
        Value v = eval("o * tanh(c)");
        assertArrayEquals(new double[] {0.5 * Math.tanh(-2.5), Math.tanh(1.0), 0}, v.data(), 1e-15);
        assertFalse(v.scalar());
        assertArrayEquals(new double[] {1.8, 0.04, 1.0}, eval("2 * f").data(), 1e-15);
        assertArrayEquals(new double[] {0, 1, 0}, eval("f < 0.1").data(), 0);
        assertTrue(eval("f < 0.1").logical());
    }

    @Test
    void precedenceAndAssociativityFollowMathematics() {
        assertEquals(7, eval("1 + 2 * 3").asScalar());
        assertEquals(9, eval("(1 + 2) * 3").asScalar());
        assertEquals(-8, eval("-2 ^ 3").asScalar());
        assertEquals(512, eval("2 ^ 3 ^ 2").asScalar());
        assertEquals(1e-6, eval("1e-6").asScalar());
        assertEquals(0.5, eval(".5").asScalar());
        assertTrue(eval("t > 2 && f[1] < 0.05 || 0").holds());
        assertTrue(eval("not (t < 2) and t >= 7").holds());
        assertTrue(eval("!(t != 7)").holds());
    }

    @Test
    void weightsAreIndexedByRowAndColumn() {
        assertEquals(21, eval("W_if[2, 1]").asScalar());
        assertArrayEquals(new double[] {10, 11}, eval("W_if[1]").data(), 0);
        assertEquals(Set.of("W_if", "f", "t"), ExprParser.parse("W_if[t, 0] + sum(f)").names());
    }

    @Test
    void reductions() {
        assertEquals(0.02, eval("min(f)").asScalar(), 0);
        assertEquals(1, eval("argmin(f)").asScalar(), 0);
        assertEquals(3, eval("len(f)").asScalar(), 0);
        assertEquals(1, eval("any(f > 0.8)").asScalar(), 0);
        assertEquals(0, eval("all(f > 0.8)").asScalar(), 0);
        assertArrayEquals(new double[] {0.9, 1.0, 0.5}, eval("max(f, o)").data(), 0);
        assertTrue(Double.isNaN(eval("max(h)").asScalar()), "NaN is not hidden by max");
    }

    @Test
    void badInputSaysWhatAndWhere() {
        ExprError e = assertThrows(ExprError.class, () -> ExprParser.parse("f[3] <"));
        assertEquals(Kind.UNEXPECTED_END, e.kind());
        e = assertThrows(ExprError.class, () -> ExprParser.parse("f[3] $ 2"));
        assertEquals(Kind.UNEXPECTED_CHARACTER, e.kind());
        assertEquals(5, e.position());
        assertEquals(Kind.EMPTY, assertThrows(ExprError.class, () -> ExprParser.parse("  ")).kind());
        assertEquals(Kind.UNEXPECTED_END, assertThrows(ExprError.class, () -> ExprParser.parse("max(f")).kind());
        assertEquals(Kind.UNEXPECTED_TOKEN, assertThrows(ExprError.class, () -> ExprParser.parse("f[1 2]")).kind());
        assertEquals(Kind.UNKNOWN_NAME, assertThrows(ExprError.class, () -> eval("q > 1")).kind());
        assertEquals(Kind.UNKNOWN_FUNCTION, assertThrows(ExprError.class, () -> eval("foo(f)")).kind());
        assertEquals(Kind.INDEX_OUT_OF_RANGE, assertThrows(ExprError.class, () -> eval("f[3]")).kind());
        assertEquals(Kind.INDEX_NOT_INTEGER, assertThrows(ExprError.class, () -> eval("f[0.5]")).kind());
        assertEquals(Kind.WRONG_ARGUMENT_COUNT, assertThrows(ExprError.class, () -> eval("abs(f, c)")).kind());
        assertEquals(Kind.NOT_A_MATRIX, assertThrows(ExprError.class, () -> eval("f[1, 1]")).kind());
        assertEquals(Kind.NOT_A_SCALAR, assertThrows(ExprError.class, () -> eval("f[f]")).kind());
    }

    @Test
    void aCallThatCanNeverRunIsRefusedWhenParsedWithCalls() {
        ExprParser.parse("foo(f) + abs(f, c)");  // parse leaves calls to the evaluation, where lessons report them
        ExprError e = assertThrows(ExprError.class, () -> ExprParser.parseWithCalls("f[0] < 1 && nope(f)"));
        assertEquals(Kind.UNKNOWN_FUNCTION, e.kind());
        assertEquals(12, e.position());
        for (String wrongCount : new String[] {"abs(f, c)", "sum()", "max(f, c, h)"}) {
            assertEquals(Kind.WRONG_ARGUMENT_COUNT,
                    assertThrows(ExprError.class, () -> ExprParser.parseWithCalls(wrongCount)).kind(), wrongCount);
        }
        ExprParser.parseWithCalls("max(f, c) + min(f) + norm(h)");  // max and min take one or two arguments
    }
}
