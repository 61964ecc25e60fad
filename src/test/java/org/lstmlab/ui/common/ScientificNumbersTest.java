package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Scientific notation as a reader expects it, in running text and in a formula; everything else untouched. */
class ScientificNumbersTest {
    private static final String NB = "\u00a0";

    @Test
    void textGetsATimesSignAndASuperscriptExponentThatDoNotBreak() {
        assertEquals("is 4.77" + NB + "×" + NB + "10⁻⁸ times the largest", ScientificNumbers.text(
                "is 4.77e-08 times the largest"));
        assertEquals("try 1" + NB + "×" + NB + "10⁻⁵ or 0.0001.", ScientificNumbers.text("try 1e-05 or 0.0001."),
                "a full stop after the number ends the sentence");
        assertEquals("3.2" + NB + "×" + NB + "10¹² and 2" + NB + "×" + NB + "10¹⁰", ScientificNumbers.text(
                "3.2e+12 and 2e10"));
        assertEquals("传到 t = 1 的梯度只有最大梯度的 5.3" + NB + "×" + NB + "10⁻¹¹ 倍",
                ScientificNumbers.text("传到 t = 1 的梯度只有最大梯度的 5.3e-11 倍"));
        for (String kept : new String[] {"the epoch e and 2e", "x1e-3", "1.5e3.2", "v2.1e-3", "0.25, 1e"}) {
            assertEquals(kept, ScientificNumbers.text(kept));
        }
    }

    @Test
    void aFormulaGetsLatexAndEveryExponentIsAWholeNumber() {
        assertEquals("\\|\\delta h_1\\| = 4.67 \\times 10^{-6}",
                ScientificNumbers.latex("\\|\\delta h_1\\| = 4.67e-6"));
        assertEquals("x = 4.77 \\times 10^{-8}", ScientificNumbers.latex("x = 4.77e-08"));
        assertEquals("x = e^{a} + 2e", ScientificNumbers.latex("x = e^{a} + 2e"));
        assertEquals("⁻¹²", ScientificNumbers.superscript(-12));
        assertEquals("⁰", ScientificNumbers.superscript(0));
    }
}
