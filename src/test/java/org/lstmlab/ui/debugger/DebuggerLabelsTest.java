package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.engine.trace.expr.ExprError;
import org.lstmlab.ui.common.I18n;

/** Every equation, choice and expression error the debugger can show has a label, and a unit formula. */
class DebuggerLabelsTest {
    /** The labels the debugger work of issues 12 and 13 added; each has a Simplified Chinese twin. */
    static final java.util.List<String> ADDED_KEYS = java.util.List.of("debugger.refused.cell",
            "debugger.refused.size", "debugger.refused.input", "debugger.refused.loss", "debugger.refused.useRandom",
            "debugger.refused.preset",
            "debugger.story.input", "debugger.story.target", "debugger.story.outcome", "debugger.story.step",
            "debugger.story.class", "debugger.edit.token", "debugger.speed.value", "debugger.speed.instant",
            "debugger.status.running", "debugger.status.paused", "debugger.edit.name", "debugger.diagram.title",
            "debugger.diagram.titleBackward", "debugger.diagram.order");

    final ResourceBundle b = I18n.bundle(Locale.ENGLISH);

    /**
     * In backward mode the diagram's numbers are gradients, and its title says so in both languages; in presenter
     * mode the diagram has no title.
     */
    @Test
    void theBackwardDiagramSaysItsNumbersAreGradients() {
        Cursor back = new Cursor(Direction.BACKWARD, 4, 0, 0);
        Cursor forward = new Cursor(Direction.FORWARD, 4, 0, 0);
        ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        assertEquals("LSTM: layer 0, unit 3, t = 5   (backward: the numbers are gradients ∂L/∂…)",
                DiagramController.title(b, CellType.LSTM, back, 3, false));
        assertEquals("LSTM: layer 0, unit 3, t = 5", DiagramController.title(b, CellType.LSTM, forward, 3, false));
        assertEquals(null, DiagramController.title(b, CellType.LSTM, back, 3, true));
        assertEquals(null, DiagramController.title(b, CellType.LSTM, forward, 3, true));
        assertTrue(DiagramController.title(zh, CellType.LSTM, back, 3, false).contains("梯度 ∂L/∂"));
    }

    @Test
    void everyEquationHasANameAndAUnitFormula() {
        for (CellType cell : CellType.values()) {
            for (Direction d : Direction.values()) {
                for (Equation e : EquationCatalogue.of(cell, d)) {
                    assertTrue(b.containsKey("debugger.eq." + e.id()), e.id());
                    assertTrue(!UnitFormulas.of(e.id()).isEmpty(), "unit formula of " + e.id());
                }
            }
            assertTrue(b.containsKey("debugger.cell." + cell.name()));
        }
    }

    @Test
    void everyChoiceAndErrorHasALabel() {
        for (InputPreset p : InputPreset.values()) {
            assertTrue(b.containsKey("debugger.input." + p.name()), p.name());
        }
        for (WeightPreset p : WeightPreset.values()) {
            assertTrue(b.containsKey("debugger.weights." + p.name()), p.name());
        }
        for (LossKind p : LossKind.values()) {
            assertTrue(b.containsKey("debugger.loss." + p.name()), p.name());
        }
        for (ExprError.Kind k : ExprError.Kind.values()) {
            assertTrue(b.containsKey("debugger.expr." + k.name().toLowerCase(Locale.ROOT)), k.name());
        }
    }

    /**
     * Open in debugger sends a validation sample ("… validation sample 17 (predicted wrong)" in the title): the
     * Input box named it a training sample beside that title.
     */
    @Test
    void theTrainTabsSampleIsNotCalledATrainingSample() {
        assertEquals("Sample from the Train tab", b.getString("debugger.input.SAMPLE"));
        String zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE).getString("debugger.input.SAMPLE");
        assertFalse(zh.contains("训练样本"), zh);
    }
}
