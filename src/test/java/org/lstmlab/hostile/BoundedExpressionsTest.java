package org.lstmlab.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.trace.expr.Evaluator;
import org.lstmlab.engine.trace.expr.Expr;
import org.lstmlab.engine.trace.expr.ExprError;
import org.lstmlab.engine.trace.expr.ExprParser;
import org.lstmlab.engine.trace.expr.Scope;
import org.lstmlab.engine.trace.expr.Value;

/**
 * Breakpoint and watch expressions cannot exhaust the stack: what the parser accepts is bounded in length and
 * nesting, everything else is an {@link ExprError} (the only error the UI catches) with a clear kind, and every
 * accepted expression parses, evaluates and lists its names within a small 256 KiB stack.
 */
class BoundedExpressionsTest {
    private static final Scope SCOPE = new Scope() {
        @Override
        public Value value(String name) {
            if (name.equals("x") || name.equals("f")) {
                return Value.vector(new double[] {0.5, 0.25, 2});
            }
            if (name.equals("z")) {
                return Value.vector(new double[] {0, 0, 0});
            }
            if (name.equals("t")) {
                return Value.of(1);
            }
            throw new ExprError(ExprError.Kind.UNKNOWN_NAME, -1, name, name);
        }
    };

    /** Runs {@code r} in a thread with a 256 KiB stack, as a small UI or worker thread might have. */
    private static Throwable inSmallStack(Runnable r) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                r.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "small-stack", 256 << 10);
        t.start();
        t.join();
        return thrown.get();
    }

    private static ExprError.Kind refusal(String text) throws InterruptedException {
        Throwable t = inSmallStack(() -> Evaluator.evaluate(ExprParser.parse(text), SCOPE));
        assertNotNull(t, "accepted: " + text.substring(0, Math.min(40, text.length())));
        if (!(t instanceof ExprError e)) {
            throw new AssertionError("not an ExprError for " + text.substring(0, Math.min(40, text.length())), t);
        }
        return e.kind();
    }

    @Test
    void theIssuesAttacksAreRefusedAsTooLongOrTooDeep() throws InterruptedException {
        assertEquals(ExprError.Kind.TOO_LONG, refusal("(".repeat(1000) + "1" + ")".repeat(1000)));
        assertEquals(ExprError.Kind.TOO_LONG, refusal("1" + "+1".repeat(9_999)));
        assertEquals(ExprError.Kind.TOO_LONG, refusal("-".repeat(100_000) + "1"));
        assertEquals(ExprError.Kind.TOO_DEEP, refusal("(".repeat(400) + "1" + ")".repeat(400)));
        assertEquals(ExprError.Kind.TOO_DEEP, refusal("-".repeat(999) + "1"));
        assertEquals(ExprError.Kind.TOO_DEEP, refusal("not ".repeat(240) + "1"));
        assertEquals(ExprError.Kind.TOO_DEEP, refusal("!".repeat(999) + "1"));
        assertEquals(ExprError.Kind.TOO_DEEP, refusal("2" + "^2".repeat(499)));
        assertEquals(ExprError.Kind.TOO_DEEP, refusal("abs(".repeat(190) + "1" + ")".repeat(190)));
        assertEquals(ExprError.Kind.TOO_DEEP, refusal("x[".repeat(300) + "0" + "]".repeat(300)));
    }

    @Test
    void whatIsAcceptedAtTheLimitsEvaluatesInASmallStack() throws InterruptedException {
        int n = ExprParser.MAX_NESTING;
        List<String> atLimits = List.of(
                "1" + "+1".repeat((ExprParser.MAX_LENGTH - 1) / 2),            // the longest flat sum
                "(".repeat(n) + "1" + ")".repeat(n),
                "-".repeat(n) + "1",
                "not ".repeat(n) + "1",
                "2" + "^1".repeat(n),
                "abs(".repeat(n) + "1" + ")".repeat(n),
                "z[".repeat(n) + "0" + "]".repeat(n),
                "z" + "[0]".repeat(n),                                         // the longest chain of indices
                "f[0]" + " && f[0] < 1".repeat(80));
        for (String s : atLimits) {
            assertTrue(s.length() <= ExprParser.MAX_LENGTH, s.length() + " characters");
            AtomicReference<Value> v = new AtomicReference<>();
            Throwable t = inSmallStack(() -> {
                Expr e = ExprParser.parse(s);
                e.names();
                v.set(Evaluator.evaluate(e, SCOPE));
            });
            if (t != null) {
                throw new AssertionError("refused at the limit: " + s.substring(0, 30), t);
            }
            assertNotNull(v.get());
        }
        assertEquals(500.0, Evaluator.evaluate(ExprParser.parse("1" + "+1".repeat(499)), SCOPE).asScalar());
        assertEquals(ExprError.Kind.TOO_DEEP, assertThrows(ExprError.class,
                () -> ExprParser.parse("(".repeat(n + 1) + "1" + ")".repeat(n + 1))).kind());
        assertEquals(ExprError.Kind.TOO_DEEP, assertThrows(ExprError.class,
                () -> ExprParser.parse("z" + "[0]".repeat(n + 1))).kind());
    }

    @Test
    void tenThousandRandomTextsGiveAValueOrAnExprErrorNeverAnotherThrowable() throws InterruptedException {
        String[] tokens = {"(", ")", "[", "]", ",", "-", "+", "*", "/", "^", "!", "not ", "and ", "or ", "<", "<=",
            "==", "!=", "&&", "||", "x", "f", "t", "nan", "inf", "pi", "abs(", "max(", "min(", "tanh(", "sigmoid(",
            "isnan(", "0", "1", "2.5", "1e308", "1e-5", ".", "e", " ", "W_if", "zzz", "\u0000", "\u00e9"};
        List<String> problems = new ArrayList<>();
        Throwable t = inSmallStack(() -> {
            SplittableRandom rng = new SplittableRandom(11);
            for (int i = 0; i < 10_000; i++) {
                StringBuilder sb = new StringBuilder();
                int len = rng.nextInt(1, i < 9_000 ? 30 : 400);
                for (int k = 0; k < len; k++) {
                    sb.append(tokens[rng.nextInt(tokens.length)]);
                }
                try {
                    Evaluator.evaluate(ExprParser.parse(sb.toString()), SCOPE);
                } catch (ExprError e) {
                    assertNotNull(e.kind());
                } catch (RuntimeException | StackOverflowError e) {
                    problems.add(e + " for " + sb);
                }
            }
        });
        if (t != null) {
            fail("the fuzz run itself failed", t);
        }
        assertEquals(List.of(), problems);
    }
}
