package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.EquationCatalogue;

/** Which wires the diagram lights for each equation (the values' places: {@link ValuePlacementTest}). */
class DiagramLayoutTest {
    /**
     * Backward mode lit no wire at all: each backward equation now lights the wires of the forward equation its
     * gradient goes back along, or none where its work stays inside a box or spreads over every gate's inputs.
     */
    @Test
    void backwardEquationsLightTheWiresTheirGradientGoesBackAlong() {
        assertEquals("lstm.h", DiagramLayout.wiresOf(CellType.LSTM, "lstm.dc"));
        assertEquals("lstm.h", DiagramLayout.wiresOf(CellType.LSTM, "lstm.da_o"));
        assertEquals("lstm.c", DiagramLayout.wiresOf(CellType.LSTM, "lstm.da_f"));
        assertEquals("lstm.c", DiagramLayout.wiresOf(CellType.LSTM, "lstm.dc_prev"));
        assertEquals("gru.h", DiagramLayout.wiresOf(CellType.GRU, "gru.dz"));
        assertEquals("gru.n", DiagramLayout.wiresOf(CellType.GRU, "gru.dr"));
        assertEquals("", DiagramLayout.wiresOf(CellType.GRU, "gru.da_z"), "inside the z box");
        assertEquals("", DiagramLayout.wiresOf(CellType.LSTM, "lstm.dh_prev"), "every gate's inputs");
        assertEquals("lstm.f", DiagramLayout.wiresOf(CellType.LSTM, "lstm.f"), "forward: its own wires");
        for (CellType cell : CellType.values()) {
            DiagramLayout d = DiagramLayout.of(cell);
            int lit = 0;
            for (Equation e : EquationCatalogue.backward(cell)) {
                String w = DiagramLayout.wiresOf(cell, e.id());
                assertTrue(w.isEmpty() || d.wires.stream().anyMatch(x -> x.equation().equals(w)),
                        cell + " " + e.id() + " lights " + w + ", which has no wire in the drawing");
                lit += w.isEmpty() ? 0 : 1;
            }
            assertTrue(lit >= (cell.hasCellState() ? 6 : 1), cell + ": " + lit + " backward equations light wires");
        }
    }
}
