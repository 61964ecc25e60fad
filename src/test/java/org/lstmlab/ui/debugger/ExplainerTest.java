package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.ui.common.I18n;

/**
 * Every symbol of every cell's equations (the catalogue's inputs, intermediates and outputs, forward and backward,
 * the tutorial's wrong cells included) explains itself in English and in Chinese, for any value it may take.
 */
class ExplainerTest {
    private static final ResourceBundle EN = I18n.bundle(Locale.ENGLISH);
    private static final ResourceBundle ZH = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
    private static final Double[] VALUES = {null, 0.0, 5e-6, 0.05, 0.5, 0.97, -0.3, -0.95, 2.5, 40.0, Double.NaN};

    static Set<String> symbols(CellType cell) {
        Set<String> out = new LinkedHashSet<>();
        for (Direction d : Direction.values()) {
            for (Equation e : EquationCatalogue.of(cell, d)) {
                out.addAll(e.inputs());
                out.addAll(e.intermediates());
                out.add(e.output());
            }
        }
        return out;
    }

    private static void readable(String text, String where) {
        assertFalse(text == null || text.isBlank(), where + " is empty");
        assertFalse(text.contains("\\"), where + " shows LaTeX: " + text);
        assertFalse(text.matches(".*\\{\\d\\}.*"), where + " has an unfilled placeholder: " + text);
        assertFalse(text.contains("''"), where + " shows a doubled quote: " + text);
        // h_t\u22121 unbraced read "hₜ\u22121", h_t minus 1, where h_{t\u22121} reads hₜ₋₁
        assertFalse(text.matches("(?s).*\u209c[\u2212+-]\\d.*"), where + " subtracts from a subscript: " + text);
    }

    @Test
    void everySymbolOfEveryCellIsExplainedInBothLanguages() {
        int count = 0;
        for (ResourceBundle lang : List.of(EN, ZH)) {
            Explainer ex = new Explainer(lang);
            for (CellType cell : CellType.values()) {
                for (String s : symbols(cell)) {
                    for (Double v : VALUES) {
                        Explainer.Explanation e = ex.symbol(cell, s, v);
                        String where = lang.getLocale() + " " + cell + " " + s + " = " + v;
                        readable(e.title(), where + " title");
                        readable(e.what(), where + " what");
                        readable(e.now(), where + " now");
                        readable(e.from(), where + " from");
                        count++;
                    }
                }
                for (Direction d : Direction.values()) {
                    for (Equation eq : EquationCatalogue.of(cell, d)) {
                        Explainer.Explanation e = ex.equation(cell, eq, 0.5);
                        readable(e.title(), eq.id());
                        readable(e.from(), eq.id());
                    }
                }
            }
        }
        assertTrue(count > 2000, "explained " + count);
    }

    @Test
    void theChineseTextsAreChineseAndDifferFromTheEnglish() {
        Explainer en = new Explainer(EN);
        Explainer zh = new Explainer(ZH);
        for (CellType cell : CellType.values()) {
            for (String s : symbols(cell)) {
                String a = en.symbol(cell, s, 0.5).what();
                String b = zh.symbol(cell, s, 0.5).what();
                assertTrue(b.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        cell + " " + s + ": " + b);
                assertFalse(a.equals(b));
            }
        }
    }

    @Test
    void theForgetGateSaysHowMuchMemoryItKeeps() {
        Explainer ex = new Explainer(EN);
        assertEquals("f \u2248 0.9800: this unit keeps almost all of its memory.",
                ex.symbol(CellType.LSTM, "f", 0.98).now());
        assertEquals("f \u2248 0.5500: this unit keeps about 55 % of its memory and forgets the rest.",
                ex.symbol(CellType.LSTM, "f", 0.55).now());
        assertTrue(ex.symbol(CellType.LSTM, "f", 0.02).now().contains("forgets almost all"));
        assertTrue(new Explainer(ZH).symbol(CellType.LSTM, "f", 0.98).now().contains("几乎保留了全部记忆"));
        assertTrue(ex.symbol(CellType.LSTM, "f", null).now().startsWith("Not computed yet"));
    }

    @Test
    void eachCellSaysWhatItsOwnPartsMean() {
        Explainer ex = new Explainer(EN);
        assertTrue(ex.symbol(CellType.GRU, "z", 0.95).now().contains("keeps almost all of its old state"));
        assertTrue(ex.symbol(CellType.GRU, "h", 0.1).what().contains("(1 \u2212 z\u209c)"), "the GRU's h is a blend");
        assertTrue(ex.symbol(CellType.LSTM, "h", 0.1).what().contains("o\u209c \u2299 tanh(c\u209c)"));
        assertTrue(ex.symbol(CellType.LSTM_TANH_INPUT, "i", -0.4).now().contains("subtracts the candidate"));
        assertTrue(ex.symbol(CellType.LSTM, "i", -0.4).now().contains("almost nothing new"),
                "a real input gate is never negative; a wrong value reads as shut");
        assertTrue(ex.symbol(CellType.LSTM_SQUASHED_CELL, "c", 0.5).what().contains("mistake"));
        assertTrue(ex.symbol(CellType.LSTM, "c", 2.5).now().contains("beyond"));
        assertTrue(ex.symbol(CellType.RNN_RELU, "h", 0.0).now().contains("ReLU is off"));
        assertTrue(ex.symbol(CellType.LSTM, "dc", 3e-7).now().contains("vanishing"));
        assertTrue(ex.symbol(CellType.LSTM, "W_if", 0.3).title().contains("forget gate"), "a weight names its gate");
        assertTrue(ex.symbol(CellType.GRU, "da_z", 0.3).what().contains("update gate"));
        assertTrue(ex.symbol(CellType.GRU_RESET_BEFORE, "gh_n", 0.3).what().contains("reset_after=False"));
        assertTrue(ex.symbol(CellType.LSTM, "b_hf", 0.3).what().contains("only their sum matters"));
        String bhn = ex.symbol(CellType.GRU, "b_hn", 0.3).what();
        assertTrue(bhn.contains("scales b_hn but not b_in"), "a GRU's two candidate biases differ: " + bhn);
    }

    @Test
    void whereAPartComesFromQuotesTheCataloguesFormulaWithoutNumbers() {
        Explainer ex = new Explainer(EN);
        assertEquals("Computed by the cell state equation: "
                + "c\u209c[j] = f\u209c[j]\u00b7c\u209c\u208b\u2081[j] + i\u209c[j]\u00b7g\u209c[j]",
                ex.symbol(CellType.LSTM, "c", 0.5).from());
        assertEquals("Computed by the forget gate equation: f\u209c[j] = \u03c3(a_f[j])",
                ex.symbol(CellType.LSTM, "f", 0.5).from());
        assertTrue(ex.symbol(CellType.LSTM, "a_f", 0.5).from().contains("a_f[j] = W_if[j,:]\u00b7x\u209c"),
                ex.symbol(CellType.LSTM, "a_f", 0.5).from());
        assertTrue(ex.symbol(CellType.LSTM, "x", 0.5).from().contains("set-up"));
        assertTrue(ex.symbol(CellType.GRU, "W_hn", 0.5).from().startsWith("Learned by training"));
        assertEquals("\u03b4h_{t\u22121}^next[j] = \u03a3_k W_hh[k,j]\u00b7\u03b4a_t[k]",
                Explainer.formula("\u03b4h_{t\u22121}^next[#] = \u03a3_k W_hh[k,#]\u00b7\u03b4a_t[k] = {dh_prev}"));
    }

    @Test
    void theBandsTurnAtTheirThresholds() {
        assertEquals(ValueBands.Band.HIGH, ValueBands.band(ValueBands.Kind.KEEP, 0.9));
        assertEquals(ValueBands.Band.MID, ValueBands.band(ValueBands.Kind.KEEP, 0.8999));
        assertEquals(ValueBands.Band.LOW, ValueBands.band(ValueBands.Kind.KEEP, 0.1));
        assertEquals(ValueBands.Band.NEGATIVE, ValueBands.band(ValueBands.Kind.SIGNED_GATE, -0.01));
        assertEquals(ValueBands.Band.SATURATED, ValueBands.band(ValueBands.Kind.TANH, -0.95));
        assertEquals(ValueBands.Band.NEAR_ZERO, ValueBands.band(ValueBands.Kind.TANH, 0.05));
        assertEquals(ValueBands.Band.BEYOND, ValueBands.band(ValueBands.Kind.MEMORY, -1.2));
        assertEquals(ValueBands.Band.VANISHING, ValueBands.band(ValueBands.Kind.GRADIENT, 9e-5));
        assertEquals(ValueBands.Band.ORDINARY, ValueBands.band(ValueBands.Kind.GRADIENT, 1e-4));
        assertEquals(ValueBands.Band.EXPLODING, ValueBands.band(ValueBands.Kind.GRADIENT, -11));
        assertEquals(ValueBands.Band.ZERO, ValueBands.band(ValueBands.Kind.GRADIENT, 0));
        assertEquals(ValueBands.Band.OFF, ValueBands.band(ValueBands.Kind.RELU, 0));
        assertEquals(ValueBands.Band.NAN, ValueBands.band(ValueBands.Kind.KEEP, Double.NaN));
        List<ValueBands.Kind> all = new ArrayList<>(List.of(ValueBands.Kind.values()));
        assertEquals(11, all.size());
    }

    /**
     * A part's hover tip gives its value in full, every digit, though presenter mode's drawing may write it a digit
     * or two shorter where it does not fit (−4.24e−6 or −4.2e−6 for −4.239e−6, {@link DiagramValues}).
     */
    @Test
    void theHoverTipGivesAShortenedValueInFull() {
        double value = -4.239e-6;
        for (ResourceBundle lang : List.of(EN, ZH)) {
            Explainer ex = new Explainer(lang);
            for (DiagramLayout.Node n : DiagramLayout.of(CellType.LSTM, true).nodes) {
                for (String s : new String[] {n.symbol(), n.gradient()}) {
                    if (s != null) {
                        String now = ex.symbol(CellType.LSTM, s, value).now();
                        assertTrue(now.contains(Numbers.display(value)), lang.getLocale() + " " + s + ": " + now);
                    }
                }
            }
        }
    }
}
