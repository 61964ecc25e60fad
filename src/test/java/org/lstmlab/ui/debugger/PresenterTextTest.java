package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.debugger.Substitution.Kind;
import org.lstmlab.ui.debugger.Substitution.Part;
import org.lstmlab.ui.debugger.Substitution.Token;

/**
 * Presenter mode's text: the result line and the vectors the equation reads come first, and a line too long for
 * the pane breaks where the mathematics does (before an equals sign, a plus, after a comma), never inside a number,
 * losing nothing.
 */
class PresenterTextTest {
    private static Trace trace(CellType cell, int h) {
        RecurrentStack s = new RecurrentStack(cell, 1, h, 1);
        Initializers.initialize(s, Initializers.Scheme.TORCH, 1);
        double[] x = InputPreset.SINE.generate(6, 1, null).values();
        TraceRequest r = new Workspace(s, 6, x, List.of("a"), LossKind.LAST_STEP_SUM).request();
        return TraceJob.run(r, p -> { }).trace();
    }

    private static Substitution at(Trace tr, Direction d, int equation) {
        List<Equation> eqs = d == Direction.FORWARD ? EquationCatalogue.forward(tr.cell())
                : EquationCatalogue.backward(tr.cell());
        return SubstitutionBuilder.build(tr, new Cursor(d, 2, 0, equation), 0, eqs.get(equation), List.of(), List.of());
    }

    private static String text(List<Token> line) {
        StringBuilder sb = new StringBuilder();
        line.forEach(t -> sb.append(t.text()));
        return sb.toString();
    }

    @Test
    void theCellStateBreaksBeforeAnEqualsSignUnderTheFirstOne() {
        Trace tr = trace(CellType.LSTM, 4);
        Substitution s = at(tr, Direction.FORWARD, 4);
        assertTrue(PresenterText.columns(text(s.lines().get(0))) > 67, "the line needs breaking at 67");
        List<PresenterText.Line> lines = PresenterText.arrange(s, 67);
        assertEquals("cₜ[0] = fₜ[0]·cₜ₋₁[0] + iₜ[0]·gₜ[0]", text(lines.get(0).tokens()));
        String second = text(lines.get(1).tokens());
        assertTrue(second.startsWith("      = " + Numbers.format(tr.value("f", 0, 2, 0, 0)) + "·"), second);
        assertEquals(Kind.RESULT, lines.get(1).tokens().get(lines.get(1).tokens().size() - 1).kind(),
                "the numbers and the result go together on the second line");
        assertEquals(Part.FORMULA, lines.get(1).part());
        assertEquals("f = [", text(lines.get(2).tokens()).substring(0, 5));
    }

    @Test
    void theResultLineAndTheVectorsItReadsComeFirst() {
        Substitution s = at(trace(CellType.LSTM, 4), Direction.FORWARD, 0);  // the input gate: 13 lines
        List<Part> parts = PresenterText.arrange(s, 0).stream().map(PresenterText.Line::part).toList();
        List<Part> sorted = new ArrayList<>(parts);
        sorted.sort(null);
        assertEquals(sorted, parts, "formula, operands, computed vectors, the pre-activation, the weights");
        List<PresenterText.Line> lines = PresenterText.arrange(s, 0);
        assertEquals(text(s.lines().get(0)), text(lines.get(0).tokens()), "the result line first");
        assertTrue(text(lines.get(2).tokens()).startsWith("x = [")
                && text(lines.get(3).tokens()).startsWith("h_prev = ["), "then the vectors the gate reads");
        assertEquals(s.lines().size(), parts.size(), "no columns, no breaks");
        assertTrue(PresenterText.essential(Part.OPERAND) && PresenterText.essential(Part.FORMULA)
                && !PresenterText.essential(Part.COMPUTED) && !PresenterText.essential(Part.WEIGHT));
    }

    @Test
    void aVectorBreaksAfterACommaAndGoesOnInsideItsBracket() {
        List<Token> line = SubstitutionBuilder.vectorLine("h_prev", new double[] {0.047, -0.0546, 0.1029, 0.0048},
                0);
        List<List<Token>> wrapped = PresenterText.wrap(line, 30);
        assertEquals(List.of("h_prev = [0.0470, \u22120.0546,", "          0.1029, 0.0048]"),
                wrapped.stream().map(PresenterTextTest::text).toList());
    }

    @Test
    void twoEquationsOnOneLineGoOnTwo() {
        Substitution s = at(trace(CellType.GRU, 4), Direction.FORWARD, 2);  // the candidate's two sums
        List<String> lines = PresenterText.arrange(s, 67).stream().map(l -> text(l.tokens())).toList();
        int k = lines.indexOf("gi_n[0] = W_in[0,:]·xₜ + b_in[0],");
        assertTrue(k > 0, String.join("\n", lines));
        assertEquals("gh_n[0] = W_hn[0,:]·hₜ₋₁ + b_hn[0]", lines.get(k + 1));
    }

    /**
     * Every equation of every cell, forward and backward, at H = 2 and 4 and widths from a docked lesson's to a
     * full screen's: no line is longer than the width, and the lines hold every token of the substitution, numbers
     * whole and in order, and all its text but the spaces at the breaks.
     */
    @Test
    void noLineIsTooLongAndNothingIsLost() {
        for (CellType cell : CellType.values()) {
            for (int h : new int[] {2, 4}) {
                Trace tr = trace(cell, h);
                for (Direction d : Direction.values()) {
                    int count = (d == Direction.FORWARD ? EquationCatalogue.forward(cell)
                            : EquationCatalogue.backward(cell)).size();
                    for (int e = 0; e < count; e++) {
                        Substitution s = at(tr, d, e);
                        for (int columns = 40; columns <= 100; columns += 3) {
                            for (List<Token> original : s.lines()) {
                                check(original, PresenterText.wrap(original, columns), columns,
                                        cell + " " + d + " " + e + " H = " + h + " at " + columns);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void check(List<Token> original, List<List<Token>> wrapped, int columns, String where) {
        List<Token> kept = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (List<Token> line : wrapped) {
            assertTrue(PresenterText.columns(text(line)) <= columns, where + ": " + text(line));
            line.stream().filter(t -> t.kind() != Kind.TEXT).forEach(kept::add);
            all.append(text(line));
        }
        List<Token> tokens = original.stream().filter(t -> t.kind() != Kind.TEXT).toList();
        assertEquals(tokens.size(), kept.size(), where);
        for (int k = 0; k < tokens.size(); k++) {
            assertSame(tokens.get(k), kept.get(k), where + ": the same token, so that hovering and clicking work");
        }
        assertEquals(text(original).replace(" ", ""), all.toString().replace(" ", ""), where);
    }

    @Test
    void withoutAWidthNothingBreaks() {
        Substitution s = at(trace(CellType.LSTM, 4), Direction.FORWARD, 4);
        assertSame(s.lines().get(0), PresenterText.wrap(s.lines().get(0), 0).get(0));
    }
}
