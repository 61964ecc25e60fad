package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;

/**
 * What the views used to parse and decide, now in the view model and driven without a toolkit: the unit and
 * timestep fields, the weight editor, clicks on equations and heatmaps, the model-file request, and the calls a
 * lesson makes (choose a set-up, jump, backward mode, a cell beside, highlights).
 */
class DebuggerViewModelApiTest {

    @Test
    void theUnitFieldIsParsedAndCheckedAgainstTheHiddenSize() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        assertEquals("\"two\" is not a whole number", vm.moves().followUnit("two"));
        assertEquals("\"two\" is not a whole number", vm.fields().unitErrorProperty().get());
        assertEquals("Must be between 0 and 3", vm.moves().followUnit("4"));
        assertEquals(0, vm.unitProperty().get());
        assertNull(vm.moves().followUnit(" 2 "));
        assertEquals(2, vm.unitProperty().get());
        assertEquals("", vm.fields().unitErrorProperty().get());
        assertEquals("2", vm.fields().unitTextProperty().get(), "the field shows the followed unit");
        vm.moves().moveUnit(1);
        vm.moves().moveUnit(1);
        assertEquals(0, vm.unitProperty().get(), "the next unit after the last is the first");
        vm.moves().moveUnit(-1);
        assertEquals(3, vm.unitProperty().get());
    }

    @Test
    void theTimestepFieldFollowsTheCursorAndABadJumpSaysWhy() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        assertEquals("1", vm.fields().jumpTextProperty().get());
        assertEquals("Must be between 1 and 20", vm.moves().jumpTo("0"));
        assertEquals("Must be between 1 and 20", vm.fields().jumpErrorProperty().get());
        assertNull(vm.moves().jumpTo(7));
        assertEquals("7", vm.fields().jumpTextProperty().get());
        assertEquals("", vm.fields().jumpErrorProperty().get());
        assertTrue(vm.fields().positionProperty().get().startsWith("Forward  t = 7 of 20, layer 0: input gate"),
                vm.fields().positionProperty().get());
    }

    @Test
    void theWeightEditorParsesItsFieldsAndAPickedWeightFillsThem() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        WeightEditor w = vm.weightEditor();
        w.nameProperty().set("W_hf");
        w.layerProperty().set("zero");
        w.valueProperty().set("1");
        assertEquals("Layer, row and column must be whole numbers", w.apply());
        assertEquals("Layer, row and column must be whole numbers", w.errorProperty().get());
        assertFalse(vm.canUndoProperty().get());

        double before = vm.trace().weights(0, "W_hf").get(2, 1);
        w.pick("W_hf", 0, 2, 1, before);
        assertEquals(1, w.picksProperty().get(), "the view opens the editor on each pick");
        assertEquals("2", w.rowProperty().get());
        assertEquals("1", w.colProperty().get());
        assertEquals(Numbers.format(before), w.valueProperty().get());
        w.valueProperty().set("0.5");
        assertNull(w.apply());
        vm.pulse(2);
        assertEquals(0.5, vm.trace().weights(0, "W_hf").get(2, 1));
        assertEquals("", w.errorProperty().get());
        w.rowProperty().set("9");
        assertEquals("W_hf has rows 0 to 3 and columns 0 to 3", w.apply());
    }

    @Test
    void clickingAnEquationOrAHeatmapMovesTheCursor() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        vm.moves().jumpTo(4);
        vm.moves().goToEquation(4);
        assertEquals(new Cursor(Direction.FORWARD, 3, 0, 4), vm.cursor());
        vm.moves().goToEquation(99);
        assertEquals(new Cursor(Direction.FORWARD, 3, 0, 4), vm.cursor(), "no such equation: nothing moves");
        vm.moves().pick(10, 3);
        assertEquals(10, vm.cursor().t());
        assertEquals(3, vm.unitProperty().get());
    }

    @Test
    void aLessonChoosesTheSetUpJumpsGoesBackwardAndPutsACellBeside() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        assertTrue(vm.setupCommands().chooseCell(CellType.GRU));
        vm.pulse(2);
        assertEquals(CellType.GRU, vm.trace().cell());
        assertTrue(vm.setupCommands().setField(SetupForm.STEPS, "30"));
        vm.pulse(3);
        assertEquals(30, vm.trace().steps());
        assertNull(vm.moves().addBreakpoint("z[0] > 0.5"));
        vm.moves().setBackward(true);
        assertTrue(vm.moves().isBackward());
        assertEquals(new Cursor(Direction.BACKWARD, 29, 0, 0), vm.cursor());
        vm.beside().set(CellType.LSTM, true);
        vm.pulse(4);
        assertTrue(vm.beside().has(CellType.LSTM));
        vm.beside().set(CellType.LSTM, false);
        assertFalse(vm.beside().has(CellType.LSTM));
    }

    @Test
    void highlightsNameOnlyWhatExists() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        vm.highlights().showEquation("lstm.f");
        vm.highlights().showPart("mulF");
        vm.highlights().showHeatmap(0, "c");
        assertEquals("lstm.f", vm.highlights().equationProperty().get());
        assertEquals("mulF", vm.highlights().partProperty().get());
        assertEquals(new Highlights.Heatmap(0, "c"), vm.highlights().heatmapProperty().get());
        assertThrows(IllegalArgumentException.class, () -> vm.highlights().showEquation("gru.z"));
        assertThrows(IllegalArgumentException.class, () -> vm.highlights().showPart("z"));
        assertThrows(IllegalArgumentException.class, () -> vm.highlights().showHeatmap(1, "c"));
        assertThrows(IllegalArgumentException.class, () -> vm.highlights().showHeatmap(0, "r"));
        vm.highlights().showEquation(null);
        vm.highlights().showPart(null);
        vm.highlights().showHeatmap(0, null);
        assertNull(vm.highlights().equationProperty().get());
        assertNull(vm.highlights().partProperty().get());
        assertNull(vm.highlights().heatmapProperty().get());
    }

    @Test
    void choosingAModelFileBeforeOneIsOpenAsksForItAndCancelGoesBack() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        vm.setupCommands().chooseWeights(WeightPreset.RANDOM_KERAS);
        vm.pulse(2);
        assertFalse(vm.setupCommands().chooseWeights(WeightPreset.FILE));
        assertEquals(WeightPreset.RANDOM_KERAS, vm.modelFileRequestProperty().get());
        vm.setupCommands().cancelModelFile();
        assertNull(vm.modelFileRequestProperty().get());
        assertEquals(WeightPreset.RANDOM_KERAS, vm.form().weightsProperty().get());
    }
}
