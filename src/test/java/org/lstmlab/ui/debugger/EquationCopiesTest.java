package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.engine.trace.Trace;
import org.scilab.forge.jlatexmath.TeXFormula;

/**
 * What "Copy LaTeX" and "Copy LaTeX with numbers" put on the clipboard for the LSTM's, the GRU's and the simple
 * RNN's equations: the catalogue's LaTeX itself, and the substitution's formula with the trace's numbers, both
 * LaTeX that JLaTeXMath (the app's own renderer) reads; and the file name each equation's picture is offered as.
 */
class EquationCopiesTest {
    private static final List<CellType> CELLS = List.of(CellType.LSTM, CellType.GRU, CellType.RNN_TANH);

    private static Trace trace(CellType cell) {
        RecurrentStack s = new RecurrentStack(cell, 2, 3, 1);
        Initializers.initialize(s, Initializers.Scheme.TORCH, 1);
        double[] x = InputPreset.SINE.generate(6, 2, null).values();
        TraceRequest r = new Workspace(s, 6, x, List.of("a", "b"), LossKind.LAST_STEP_SUM).request();
        return TraceJob.run(r, p -> { }).trace();
    }

    private static List<Equation> all(CellType cell) {
        List<Equation> out = new ArrayList<>(EquationCatalogue.forward(cell));
        out.addAll(EquationCatalogue.backward(cell));
        out.addAll(EquationCatalogue.weightGradients(cell));
        return out;
    }

    /** JLaTeXMath parses it (it throws on an unknown command or an unbalanced brace). */
    private static void readable(String latex) {
        new TeXFormula(latex);
    }

    @Test
    void copyLatexIsTheCataloguesEquation() {
        assertEquals("c_t = f_t \\odot c_{t-1} + i_t \\odot g_t",
                EquationCopies.latex(EquationCatalogue.byId("lstm.c")));
        assertEquals("h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}",
                EquationCopies.latex(EquationCatalogue.byId("gru.h")));
        assertEquals("h_t = \\tanh(W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh})",
                EquationCopies.latex(EquationCatalogue.byId("rnn_tanh.h")));
        for (CellType cell : CELLS) {
            for (Equation eq : all(cell)) {
                Equation listed = EquationCatalogue.byId(eq.id());   // the weight sums are in no step's list
                assertEquals((listed == null ? eq : listed).latex(), EquationCopies.latex(eq), eq.id());
                readable(EquationCopies.latex(eq));
            }
        }
    }

    @Test
    void theCellStateWithNumbersIsTheSubstitutedFormulaInLatex() {
        Trace tr = trace(CellType.LSTM);
        Cursor c = new Cursor(Direction.FORWARD, 2, 0, 4);
        Substitution s = SubstitutionBuilder.build(tr, c, 1, EquationCatalogue.byId("lstm.c"), List.of(), List.of());
        String expected = "c_{t}[1] = f_{t}[1] \\cdot c_{t-1}[1] + i_{t}[1] \\cdot g_{t}[1] = "
                + shown(tr, "f") + " \\cdot " + shown(tr, "c_prev") + " + " + shown(tr, "i") + " \\cdot "
                + shown(tr, "g") + " = " + EquationCopies.number(Numbers.display(tr.value("c", 0, 2, 0, 1)));
        assertEquals(expected, EquationCopies.withNumbers(s));
        readable(expected);
    }

    /** An operand as the formula shows it: a negative one in brackets, with the ASCII minus. */
    private static String shown(Trace tr, String symbol) {
        double v = tr.value(symbol, 0, 2, 0, 1);
        String text = Numbers.display(v).replace('−', '-');
        return v < 0 ? "(" + text + ")" : text;
    }

    @Test
    void everyEquationWithNumbersIsLatexHoldingItsResult() {
        for (CellType cell : CELLS) {
            Trace tr = trace(cell);
            for (Direction d : Direction.values()) {
                for (Equation eq : EquationCatalogue.of(cell, d)) {
                    Substitution s = SubstitutionBuilder.build(tr, new Cursor(d, 2, 0, 0), 1, eq, List.of(),
                            List.of());
                    String latex = EquationCopies.withNumbers(s);
                    assertNotNull(latex, eq.id());
                    readable(latex);
                    assertTrue(latex.chars().allMatch(ch -> ch < 128), eq.id() + ": " + latex);
                    String result = EquationCopies.number(Numbers.display(tr.value(eq.output(), 0, 2, 0,
                            SubstitutionBuilder.unitFor(tr, eq.output(), 0, 1))));
                    assertTrue(latex.contains("= " + result), eq.id() + ": " + latex);
                    assertTrue(!latex.contains("the four blocks"), "a line of words is left out: " + latex);
                }
            }
        }
        assertNull(EquationCopies.withNumbers(null));
    }

    @Test
    void textAndNumbersTurnIntoLatex() {
        assertEquals("\\delta h_{t}^{\\mathrm{next}}[0] = \\sum_{k} W_{hh}[k,0] \\cdot \\delta a_{t}[k]",
                EquationCopies.text("δhₜⁿᵉˣᵗ[0] = Σ_k W_hh[k,0]·δaₜ[k]"));
        assertEquals("\\tanh ^2(c_{t}[2])", EquationCopies.text("tanh²(cₜ[2])"));
        assertEquals("(-1.235 \\times 10^{-7})", EquationCopies.number("(−1.235e-7)"));
        assertEquals("-0.5000", EquationCopies.number("−0.5000"));
    }

    @Test
    void eachEquationsPictureIsOfferedUnderItsResultsName() {
        assertEquals("c_t", EquationCopies.fileDetail(EquationCatalogue.byId("lstm.c")));
        assertEquals("da_o_t", EquationCopies.fileDetail(EquationCatalogue.byId("lstm.da_o")));
        assertEquals("dh_t-1_next", EquationCopies.fileDetail(EquationCatalogue.byId("lstm.dh_prev")));
        for (CellType cell : CELLS) {
            Set<String> names = new HashSet<>();
            for (Equation eq : all(cell)) {
                String name = EquationCopies.fileDetail(eq);
                assertTrue(name.matches("[A-Za-z0-9_+-]+"), eq.id() + ": " + name);
                assertTrue(names.add(name), "two equations of " + cell + " named " + name);
            }
        }
    }
}
