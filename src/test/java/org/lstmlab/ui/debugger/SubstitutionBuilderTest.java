package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.debugger.Substitution.Kind;
import org.lstmlab.ui.debugger.Substitution.Token;

/** The substituted equation shows the trace's numbers for the followed unit, and shortens long vectors around it. */
class SubstitutionBuilderTest {

    static Trace lstm(int h) {
        RecurrentStack s = new RecurrentStack(CellType.LSTM, 2, h, 1);
        Initializers.initialize(s, Initializers.Scheme.TORCH, 1);
        double[] x = InputPreset.SINE.generate(6, 2, null).values();
        TraceRequest r = new Workspace(s, 6, x, List.of("a", "b"), LossKind.LAST_STEP_SUM).request();
        return TraceJob.run(r, p -> { }).trace();
    }

    @Test
    void theCellEquationShowsItsInputsAndResultFromTheTrace() {
        Trace tr = lstm(3);
        Cursor c = new Cursor(Direction.FORWARD, 2, 0, 4);
        Substitution s = SubstitutionBuilder.build(tr, c, 1, EquationCatalogue.forward(CellType.LSTM).get(4),
                List.of(), List.of());
        List<Token> first = s.lines().get(0);
        Token result = first.get(first.size() - 2);
        assertEquals(Kind.RESULT, result.kind());
        assertEquals(tr.value("c", 0, 2, 0, 1), result.value());
        String text = s.text();
        assertTrue(text.startsWith("cₜ[1] = fₜ[1]·cₜ₋₁[1] + iₜ[1]·gₜ[1] = " + Numbers.format(tr.value("f", 0,
                2, 0, 1)) + "·"), text);
        assertTrue(text.contains("c_prev = ["), text);
    }

    @Test
    void longVectorsAreShortenedAroundTheFollowedUnit() {
        Trace tr = lstm(40);
        Cursor c = new Cursor(Direction.FORWARD, 1, 0, 1);
        Substitution s = SubstitutionBuilder.build(tr, c, 20, EquationCatalogue.forward(CellType.LSTM).get(1),
                List.of(), List.of());
        List<Token> fLine = s.lines().stream().filter(l -> l.get(0).text().equals("f")).findFirst().orElseThrow();
        List<Integer> units = fLine.stream().filter(t -> t.kind() == Kind.VALUE || t.kind() == Kind.FOLLOWED)
                .map(Token::unit).toList();
        assertEquals(List.of(0, 1, 2, 19, 20, 21, 38, 39), units);
        assertTrue(fLine.stream().anyMatch(t -> t.kind() == Kind.FOLLOWED && t.unit() == 20));
        List<Token> weights = s.lines().stream().filter(l -> l.get(0).text().equals("W_hf[20, :]")).findFirst()
                .orElseThrow();
        Token w = weights.stream().filter(t -> t.kind() == Kind.WEIGHT).findFirst().orElseThrow();
        assertEquals(tr.weights(0, "W_hf").get(20, 0), w.value());
        assertEquals(20, w.unit());
        assertEquals(0, w.col());
    }

    /** No substituted line shows LaTeX-like source: time indices are subscripts, trace symbols stay as typed. */
    @Test
    void everyEquationShowsItsTimeIndicesAsSubscripts() {
        Trace tr = lstm(3);
        for (Direction d : Direction.values()) {
            for (var eq : EquationCatalogue.of(CellType.LSTM, d)) {
                Substitution s = SubstitutionBuilder.build(tr, new Cursor(d, 2, 0, 4), 1, eq, List.of(), List.of());
                String text = s.text();
                assertTrue(!text.contains("_{") && !text.contains("^") && !text.matches("(?s).*_t(?![a-z_]).*"),
                        eq.id() + ": " + text);
            }
        }
        Substitution h = SubstitutionBuilder.build(tr, new Cursor(Direction.BACKWARD, 2, 0, 4), 1,
                EquationCatalogue.byId("lstm.dh"), List.of(), List.of());
        assertTrue(h.text().startsWith("δhₜ[1] = δyₜ[1] + δhₜⁿᵉˣᵗ[1] = "), h.text());
        assertTrue(h.text().contains("dh_next = ["), "the vector lines keep the trace's symbol: " + h.text());
    }

    @Test
    void mathTextSubscriptsTimeIndicesOnly() {
        assertEquals("cₜ₋₁ hₜ₋₁ xₜ hₜ₊₁ c₁₀ W_hf da_n gi_n tanh_c h_prev δcₜⁿᵉˣᵗ",
                MathText.readable("c_{t−1} h_{t-1} x_t h_{t+1} c_{10} W_hf da_n gi_n tanh_c h_prev δc_t^next"));
    }

    /**
     * A negative number in the panel is written with the minus sign −, as the lessons' prose and the panel's own
     * operators write it, not with an ASCII hyphen ("-0.2791"); the token keeps the number, and the text still
     * reads back as it (a typed − is a minus). The debugger's other numbers (editors, watches, files) keep '-'.
     */
    @Test
    void negativeNumbersAreShownWithTheMinusSign() {
        Trace tr = lstm(3);
        int negatives = 0;
        for (Direction d : Direction.values()) {
            for (var eq : EquationCatalogue.of(CellType.LSTM, d)) {
                Substitution s = SubstitutionBuilder.build(tr, new Cursor(d, 2, 0, 4), 1, eq, List.of(), List.of());
                for (List<Token> line : s.lines()) {
                    for (Token t : line) {
                        if (Double.isNaN(t.value())) {
                            continue;
                        }
                        String shown = t.text().replaceAll("^\\((.*)\\)$", "$1");
                        assertTrue(!shown.startsWith("-"), eq.id() + ": " + t.text());
                        if (t.value() < 0) {
                            negatives++;
                            assertTrue(shown.startsWith("\u2212"), eq.id() + ": " + t.text());
                        }
                        assertEquals(Numbers.format(t.value()), shown.replace('\u2212', '-'), "the same digits");
                        assertEquals(Double.parseDouble(Numbers.format(t.value())),
                                Numbers.parseFinite(shown), 0, "reads back as the number: " + shown);
                    }
                }
            }
        }
        assertTrue(negatives > 20, "negative numbers were shown: " + negatives);
        assertEquals("\u22121.257e-16", Numbers.display(-1.257e-16), "the exponent's sign stays '-', as in prose");
        assertEquals("-0.2791", Numbers.format(-0.2791), "what is typed or saved keeps '-'");
        assertEquals("h[0] = \u22120.2791, W[1] = [0.5, \u22121.2E-5, \u2212inf], t-1", Numbers.signed(
                "h[0] = -0.2791, W[1] = [0.5, -1.2E-5, -inf], t-1"));
    }
}
