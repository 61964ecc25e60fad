package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Numbers filled into a lesson's prose are negative with the minus sign −, as the prose writes it; inside a
 * formula, a code span or a code block they keep the ASCII '-' (LaTeX draws it as a minus, and code is typed).
 */
class QuotedNumbersTest {
    private static final Map<String, Double> N = Map.of("a", -1.9, "b", 0.25, "s", -4.67e-6, "big", -12345.0);

    @Test
    void proseGetsTheMinusSign() {
        assertEquals("i₁ would be \u22121.9, and 0.25 stays", QuotedNumbers.fill("i₁ would be {{a}}, and {{b}} stays",
                N));
        assertEquals("| \u22121.90 | \u221212,345 |", QuotedNumbers.fill("| {{a:.2f}} | {{big:d}} |", N));
        assertEquals("\u22124.67e-6, \u2212190 %", QuotedNumbers.fill("{{s:.2e}}, {{a:.0%}}", N),
                "the sign, not the exponent of the scientific notation");
        assertEquals("训练前是 \u22121.9。", QuotedNumbers.fill("训练前是 {{a}}。", N));
    }

    @Test
    void formulasAndCodeKeepTheAsciiMinus() {
        assertEquals("$i_1 = -1.9$ and \u22121.9", QuotedNumbers.fill("$i_1 = {{a}}$ and {{a}}", N));
        assertEquals("$$c = -1.9$$\n\u22121.9", QuotedNumbers.fill("$$c = {{a}}$$\n{{a}}", N));
        assertEquals("type `-1.9` or \u22121.9", QuotedNumbers.fill("type `{{a}}` or {{a}}", N));
        assertEquals("```\nx = -1.9\n```\n\u22121.9", QuotedNumbers.fill("```\nx = {{a}}\n```\n{{a}}", N));
        assertEquals("$10^{ -5 }$", QuotedNumbers.fill("$10^{ {{e:.0f}} }$", Map.of("e", -5.0)));
    }

    @Test
    void aFormattedNumberAloneKeepsTheAsciiMinus() {
        assertEquals("-1.9", QuotedNumbers.format(-1.9, null), "what a student is shown to type");
    }
}
