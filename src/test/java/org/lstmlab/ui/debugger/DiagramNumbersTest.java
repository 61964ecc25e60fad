package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;

/**
 * The diagram's numbers beside a lesson at 1024 × 768, where the diagrams shrink to 0.6: at least 10 px on the
 * screen, so larger in the drawing's own pixels, and where neighbours would meet, shorter, then left out, the less
 * important first. (A monospaced digit is about 0.6 of the font's size wide.)
 */
class DiagramNumbersTest {
    private static final double ADVANCE = 0.6;

    /** Every part of the layout with a value: the squashed-cell lesson's gradients, long and negative. */
    private static Map<String, Double> gradients(DiagramLayout layout) {
        Map<String, Double> v = new LinkedHashMap<>();
        double[] some = {-2.769e-12, 1.257e-16, -2.283e-20, -4.5e-13, 3.1e-9, -8.8e-7, -0.2791};
        int k = 0;
        for (DiagramLayout.Node n : layout.nodes) {
            v.put(n.id(), n.symbol() == null ? null : some[k++ % some.length]);
        }
        return v;
    }

    /** Whether any two written numbers' boxes meet. */
    private static boolean anyMeet(DiagramLayout layout, Map<String, String> texts, double font) {
        for (DiagramLayout.Node a : layout.nodes) {
            for (DiagramLayout.Node b : layout.nodes) {
                String ta = texts.get(a.id());
                String tb = texts.get(b.id());
                if (a != b && !ta.isEmpty() && !tb.isEmpty()) {
                    double[] p = DiagramNumbers.box(DiagramLayout.anchor(a, font), ta, font, ADVANCE);
                    double[] q = DiagramNumbers.box(DiagramLayout.anchor(b, font), tb, font, ADVANCE);
                    if (p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3]) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Half a unit of a written number's last digit: how far rounding may have moved it. */
    private static double halfLastDigit(String t) {
        int e = t.indexOf('e');
        String mantissa = e < 0 ? t : t.substring(0, e);
        int dot = mantissa.indexOf('.');
        int decimals = dot < 0 ? 0 : mantissa.length() - dot - 1;
        return 0.5 * Math.pow(10, (e < 0 ? 0 : Integer.parseInt(t.substring(e + 1))) - decimals) * (1 + 1e-9);
    }

    @Test
    void theNumbersAreNeverSmallerThanTenPixelsOnTheScreen() {
        assertEquals(DiagramFit.STYLE_NUMBER, DiagramFit.number(1), 1e-12, "the style sheet's size at full size");
        assertEquals(DiagramFit.STYLE_NUMBER, DiagramFit.number(10.0 / 11), 1e-12);
        assertEquals(10 / 0.6, DiagramFit.number(0.6), 1e-12, "beside a lesson: 16.7 px of the drawing's own");
        for (double s = DiagramFit.SMALLEST; s <= 1; s += 0.01) {
            assertTrue(DiagramFit.number(s) * s >= DiagramFit.NUMBER - 1e-9, "at " + s);
        }
    }

    @Test
    void atFullSizeEveryNumberIsWrittenInFull() {
        for (CellType cell : CellType.values()) {
            DiagramLayout layout = DiagramLayout.of(cell);
            Map<String, Double> values = gradients(layout);
            Map<String, String> texts = DiagramNumbers.texts(layout, values, DiagramFit.STYLE_NUMBER, ADVANCE);
            for (DiagramLayout.Node n : layout.nodes) {
                Double v = values.get(n.id());
                assertEquals(v == null ? "" : Numbers.format(v), texts.get(n.id()), cell + " " + n.id());
            }
        }
    }

    /**
     * Shrunk to 0.6, the LSTM's gates are 80 px apart in the drawing and their gradients 10 characters of 10 px:
     * they are written shorter, and none meets another; the outputs keep their four digits.
     */
    @Test
    void shrunkTheNeighboursAreWrittenShorterAndNeverMeet() {
        double font = DiagramFit.number(0.6);
        for (CellType cell : CellType.values()) {
            DiagramLayout layout = DiagramLayout.of(cell);
            Map<String, Double> values = gradients(layout);
            Map<String, String> full = new LinkedHashMap<>();
            values.forEach((id, v) -> full.put(id, v == null ? "" : Numbers.format(v)));
            Map<String, String> texts = DiagramNumbers.texts(layout, values, font, ADVANCE);
            assertFalse(anyMeet(layout, texts, font), cell + ": " + texts);
            for (DiagramLayout.Node n : layout.nodes) {
                Double v = values.get(n.id());
                String t = texts.get(n.id());
                assertFalse(v != null && t.isEmpty(), cell + ": at 0.6 two digits fewer are enough, "
                        + n.id() + " is written: " + texts);
                if (v != null) {
                    assertEquals(v, Double.parseDouble(t), halfLastDigit(t), "the same number, rounded: " + t);
                }
            }
            if (cell.hasCellState()) {
                assertTrue(anyMeet(layout, full, font), "in full the gates' gradients would meet: " + full);
                assertEquals(full.get("h"), texts.get("h"), "the output keeps its digits");
                assertTrue(texts.get("c").length() >= full.get("c").length() - 1, "c_t at most one fewer, clear of "
                        + "the line down to tanh: " + texts);
                assertTrue(texts.get("i").length() < full.get("i").length(), texts.toString());
            }
        }
    }

    /** Where even the shortest forms meet, the less important number is left out, never the more important. */
    @Test
    void whereEvenTheShortestMeetTheLessImportantIsLeftOut() {
        double font = 25;  // larger, even c_t's shortest form (1e-16) comes onto the line down to tanh
        DiagramLayout layout = DiagramLayout.of(CellType.LSTM);
        Map<String, Double> values = gradients(layout);
        Map<String, String> texts = DiagramNumbers.texts(layout, values, font, ADVANCE);
        assertFalse(anyMeet(layout, texts, font), texts.toString());
        assertTrue(texts.values().stream().anyMatch(String::isEmpty), "some are left out: " + texts);
        assertFalse(texts.get("h").isEmpty() || texts.get("c").isEmpty(), "the outputs stay: " + texts);
        assertTrue(java.util.stream.Stream.of("f", "i", "g", "o").anyMatch(g -> !texts.get(g).isEmpty()),
                "a gate at least: " + texts);
        for (DiagramLayout.Node n : layout.nodes) {
            if (values.get(n.id()) != null && texts.get(n.id()).isEmpty()) {
                assertTrue(DiagramNumbers.rank(n) <= 3, n.id() + " is left out before an output: " + texts);
            }
        }
    }
}
