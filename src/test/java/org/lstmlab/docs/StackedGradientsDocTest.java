package org.lstmlab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.engine.trace.EquationCatalogue.Definition;

/**
 * The stacked pre-activation gradients (δa_t, and the GRU's δã_t) are defined once, in
 * {@link EquationCatalogue#stackedGradients}: every equation that uses one is listed with it, and docs/notation.md,
 * docs/equations.md and docs/zh/equations.md give the catalogue's definitions and no other.
 */
class StackedGradientsDocTest {
    private static final String DA = "\\delta a_t";
    private static final String DA_TILDE = "\\delta \\tilde a_t";

    /** Each equation whose LaTeX uses δa_t or δã_t either is the simple RNN's δa_t or names a definition using it. */
    @Test
    void everyStackedGradientAnEquationUsesIsDefined() {
        for (CellType cell : CellType.values()) {
            List<Equation> all = new ArrayList<>(EquationCatalogue.of(cell, Direction.BACKWARD));
            all.addAll(EquationCatalogue.weightGradients(cell));
            boolean ownEquation = all.stream().anyMatch(e -> "da".equals(e.output()));
            for (Equation e : all) {
                for (String symbol : List.of(DA, DA_TILDE)) {
                    if (!uses(e.latex(), symbol) || ownEquation) {
                        continue;
                    }
                    Definition d = EquationCatalogue.stackedGradients(cell).stream()
                            .filter(x -> x.symbol().equals(symbol)).findFirst().orElse(null);
                    assertTrue(d != null, cell.id() + ": " + e.id() + " uses " + symbol + " which is not defined");
                    assertTrue(d.usedBy().contains(e.id()), cell.id() + ": " + e.id() + " uses " + symbol
                            + " but its definition does not list it");
                }
            }
            for (Definition d : EquationCatalogue.stackedGradients(cell)) {
                for (String id : d.usedBy()) {
                    Equation e = all.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow(
                            () -> new AssertionError(cell.id() + ": " + id + " is listed but no such equation"));
                    assertTrue(uses(e.latex(), d.symbol()), cell.id() + ": " + id + " does not use " + d.symbol());
                }
            }
        }
    }

    /** The GRU's input side leaves δa_n alone; the recurrent side multiplies it by r_t (PyTorch's reset after). */
    @Test
    void theGruHasAnInputSideAndARecurrentSide() {
        List<Definition> gru = EquationCatalogue.stackedGradients(CellType.GRU);
        assertEquals(List.of("δa_t = [δa_r; δa_z; δa_n]", "δã_t = [δa_r; δa_z; r_t ⊙ δa_n]"),
                gru.stream().map(Definition::plain).toList());
        assertTrue(EquationCatalogue.byId("gru.dx").latex().contains("\\delta a_{n,t}]"));
        assertTrue(EquationCatalogue.byId("gru.dh_prev").latex().contains("r_t \\odot \\delta a_{n,t}]"));
        assertEquals(1, EquationCatalogue.stackedGradients(CellType.GRU_RESET_BEFORE).size());
        assertTrue(EquationCatalogue.stackedGradients(CellType.RNN_TANH).isEmpty());
    }

    @Test
    void theDocsGiveTheCataloguesDefinitions() throws IOException {
        String notation = read("docs", "notation.md");
        String en = read("docs", "equations.md");
        String zh = read("docs", "zh", "equations.md");
        for (CellType cell : List.of(CellType.LSTM, CellType.GRU, CellType.GRU_RESET_BEFORE)) {
            for (Definition d : EquationCatalogue.stackedGradients(cell)) {
                assertTrue(notation.contains(d.plain()), "docs/notation.md lacks " + d.plain());
                assertTrue(en.contains("$$" + d.latex() + "$$"), "docs/equations.md lacks " + d.latex());
                assertTrue(zh.contains("$$" + d.latex() + "$$"), "docs/zh/equations.md lacks " + d.latex());
            }
        }
        for (CellType cell : List.of(CellType.LSTM, CellType.GRU)) {   // the pages' notation paragraphs
            for (Definition d : EquationCatalogue.stackedGradients(cell)) {
                assertTrue(en.contains(d.plain()), "docs/equations.md's notation lacks " + d.plain());
                assertTrue(zh.contains(d.plain()), "docs/zh/equations.md's notation lacks " + d.plain());
            }
        }
        // the wrong definition the Chinese page once gave (δa_t with r ⊙ δa_n) is nowhere
        for (String page : List.of(notation, en, zh)) {
            assertFalse(page.contains("δa_t = [δa_r; δa_z; r"), "a GRU δa_t with r_t ⊙ δa_n in it");
            assertFalse(page.contains("`[δa_{r,t}; δa_{z,t}; r_t ⊙ δa_{n,t}]`"), "an unnamed GRU stack");
        }
    }

    private static boolean uses(String latex, String symbol) {
        int i = latex.indexOf(symbol);
        while (i >= 0) {
            int end = i + symbol.length();
            if (end == latex.length() || latex.charAt(end) != ',' && latex.charAt(end) != '_') {
                return true;
            }
            i = latex.indexOf(symbol, end);
        }
        return false;
    }

    private static String read(String first, String... more) throws IOException {
        return Files.readString(Path.of(first, more), StandardCharsets.UTF_8);
    }
}
