package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.lstmlab.ui.debugger.Substitution.Token;

/**
 * The pre-activation line {@code a = W·x + b + U·h + b} is filled in with numbers, and the numbers the debugger
 * adds (the two dot products) sum, with the biases, to the engine's own pre-activation.
 */
class PreActivationTest {

    static Trace trace(CellType cell, int d, int h, int layers) {
        RecurrentStack s = new RecurrentStack(cell, d, h, layers);
        Initializers.initialize(s, Initializers.Scheme.TORCH, 4);
        double[] x = InputPreset.SINE.generate(5, d, null).values();
        TraceRequest r = new Workspace(s, 5, x, java.util.Collections.nCopies(d, "x"), LossKind.LAST_STEP_SUM)
                .request();
        return TraceJob.run(r, p -> { }).trace();
    }

    @Test
    void thePartsAddUpToTheEnginesPreActivationForEveryGateOfEveryCell() {
        for (CellType cell : CellType.values()) {
            Trace tr = trace(cell, 3, 4, 2);
            for (Equation e : EquationCatalogue.of(cell, Direction.FORWARD)) {
                double[] p = PreActivation.parts(tr, e, 1, 3, 2);
                String gate = e.id().substring(e.id().indexOf('.') + 1);
                String symbol = cell.hasCellState() && List.of("i", "f", "g", "o").contains(gate)
                        || cell.isGru() && List.of("r", "z").contains(gate) ? "a_" + gate
                        : cell.isSimpleRnn() ? "a" : null;
                if (cell.isGru() && gate.equals("n")) {
                    assertEquals(tr.value("gi_n", 1, 3, 0, 2), p[0] + p[1], 1e-12);
                    assertEquals(tr.value("gh_n", 1, 3, 0, 2), p[2] + p[3], 1e-12);
                } else if (symbol != null) {
                    assertEquals(tr.value(symbol, 1, 3, 0, 2), p[0] + p[1] + p[2] + p[3], 1e-12, e.id());
                } else {
                    assertNull(p, e.id() + " has no pre-activation");
                }
            }
        }
    }

    @Test
    void theForgetGateLineShowsEveryTermOfAShortProduct() {
        Trace tr = trace(CellType.LSTM, 2, 3, 1);
        Cursor c = new Cursor(Direction.FORWARD, 2, 0, 1);
        Substitution s = SubstitutionBuilder.build(tr, c, 1, EquationCatalogue.forward(CellType.LSTM).get(1),
                List.of(), List.of());
        List<Token> wx = line(s, "W_if[1,:]·xₜ");
        assertEquals(2, wx.stream().filter(t -> t.kind() == Kind.WEIGHT).count());
        assertEquals(tr.weights(0, "W_if").get(1, 1), wx.stream().filter(t -> t.kind() == Kind.WEIGHT)
                .toList().get(1).value());
        List<Token> wh = line(s, "W_hf[1,:]·hₜ₋₁");
        assertEquals(3, wh.stream().filter(t -> t.kind() == Kind.WEIGHT).count());
        List<Token> sum = line(s, "a_f[1]");
        Token last = sum.get(sum.size() - 1);
        assertEquals(tr.value("a_f", 0, 2, 0, 1), last.value(), "the line ends in the engine's value");
        String text = s.text();
        assertTrue(text.contains("a_f[1] = " + Numbers.format(
                PreActivation.parts(tr, EquationCatalogue.forward(CellType.LSTM).get(1), 0, 2, 1)[0])), text);
    }

    @Test
    void aLongProductIsShortenedToItsFirstThreeAndLastTwoTerms() {
        Trace tr = trace(CellType.LSTM, 1, 64, 1);
        Cursor c = new Cursor(Direction.FORWARD, 3, 0, 0);
        Substitution s = SubstitutionBuilder.build(tr, c, 10, EquationCatalogue.forward(CellType.LSTM).get(0),
                List.of(), List.of());
        List<Token> wh = line(s, "W_hi[10,:]·hₜ₋₁");
        assertEquals(List.of(0, 1, 2, 62, 63), wh.stream().filter(t -> t.kind() == Kind.WEIGHT).map(Token::col)
                .toList());
        assertEquals(1, wh.stream().filter(t -> t.kind() == Kind.ELLIPSIS).count());
        assertTrue(wh.get(wh.size() - 1).text().contains("k = 0, …, 63"));
        assertEquals(" = ", wh.get(wh.size() - 3).text());
        Token total = wh.get(wh.size() - 2);
        assertEquals(PreActivation.parts(tr, EquationCatalogue.forward(CellType.LSTM).get(0), 0, 3, 10)[2],
                total.value());
    }

    @Test
    void theGruCandidateShowsItsTwoSumsEachWithItsOwnBias() {
        Trace tr = trace(CellType.GRU, 2, 3, 1);
        Cursor c = new Cursor(Direction.FORWARD, 1, 0, 2);
        Substitution s = SubstitutionBuilder.build(tr, c, 0, EquationCatalogue.forward(CellType.GRU).get(2), List.of(),
                List.of());
        List<Token> gi = line(s, "gi_n[0]");
        assertEquals(tr.value("gi_n", 0, 1, 0, 0), gi.get(gi.size() - 1).value());
        List<Token> gh = line(s, "gh_n[0]");
        assertEquals(tr.value("gh_n", 0, 1, 0, 0), gh.get(gh.size() - 1).value());
    }

    @Test
    void aOneHotInputShowsTheTermOfItsHotEntryWhichIsTheWholeSum() {
        RecurrentStack st = new RecurrentStack(CellType.LSTM, 37, 3, 1);
        Initializers.initialize(st, Initializers.Scheme.TORCH, 4);
        double[] x = new double[2 * 37];
        x[5] = 1;
        x[37 + 20] = 1;
        Trace tr = TraceJob.run(new Workspace(st, 2, x, java.util.Collections.nCopies(37, "x"),
                LossKind.LAST_STEP_SUM).request(), p -> { }).trace();
        Substitution s = SubstitutionBuilder.build(tr, new Cursor(Direction.FORWARD, 1, 0, 1), 0,
                EquationCatalogue.forward(CellType.LSTM).get(1), List.of(), List.of());
        List<Token> wx = line(s, "W_if[0,:]·xₜ");
        List<Token> weights = wx.stream().filter(t -> t.kind() == Kind.WEIGHT).toList();
        assertEquals(1, weights.size(), "only the hot entry's term");
        assertEquals(20, weights.get(0).col());
        assertEquals(tr.weights(0, "W_if").get(0, 20), wx.get(wx.size() - 2).value(), 1e-15, "it is the whole sum");
        assertEquals(2, wx.stream().filter(t -> t.kind() == Kind.ELLIPSIS).count(), "⋯ before and after it");
    }

    @Test
    void theGruThatResetsBeforeTheProductMultipliesRTimesH() {
        Trace tr = trace(CellType.GRU_RESET_BEFORE, 2, 3, 1);
        Substitution s = SubstitutionBuilder.build(tr, new Cursor(Direction.FORWARD, 2, 0, 2), 1,
                EquationCatalogue.forward(CellType.GRU_RESET_BEFORE).get(2), List.of(), List.of());
        List<Token> wh = line(s, "W_hn[1,:]·(rₜ ⊙ hₜ₋₁)");
        double[] rh = tr.vector("r_h", 0, 2, 0);
        assertEquals(rh[2], wh.stream().filter(t -> "r_h".equals(t.symbol()) && t.kind() == Kind.VALUE
                && t.unit() == 2).findFirst().orElseThrow().value());
        List<Token> gh = line(s, "gh_n[1]");
        assertEquals(tr.value("gh_n", 0, 2, 0, 1), gh.get(gh.size() - 1).value());
        assertEquals(tr.value("gh_n", 0, 2, 0, 1), gh.get(2).value() + gh.get(4).value(), 1e-12,
                "W_hn·(r ⊙ h) + b_hn is the engine's gh_n");
    }

    private static List<Token> line(Substitution s, String head) {
        return s.lines().stream().filter(l -> l.get(0).text().equals(head)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + head + " in\n" + s.text()));
    }
}
