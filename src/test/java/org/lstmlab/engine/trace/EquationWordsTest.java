package org.lstmlab.engine.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;

/** The equations' LaTeX is drawn as is in both languages: it holds no English prose inside \text{...}. */
class EquationWordsTest {
    private static final Pattern TEXT = Pattern.compile("\\\\text\\{([^}]*)\\}");

    @Test
    void noEquationHasEnglishWordsInItsLatex() {
        for (CellType cell : CellType.values()) {
            for (Direction d : Direction.values()) {
                for (Equation eq : EquationCatalogue.of(cell, d)) {
                    Matcher m = TEXT.matcher(eq.latex());
                    while (m.find()) {
                        assertFalse(m.group(1).trim().matches(".*[A-Za-z]{2,}\\s+[A-Za-z]{2,}.*"),
                                eq.id() + ": words in \\text{" + m.group(1) + "}");
                    }
                }
            }
        }
        assertTrue(EquationCatalogue.weightGradients(CellType.GRU_RESET_BEFORE).stream()
                .anyMatch(eq -> eq.id().endsWith(".dW_hh") && eq.latex().contains("r_t \\odot h_{t-1}")),
                "the reset-before GRU's δW_hh still says which rows use r_t ⊙ h_{t-1}");
    }
}
