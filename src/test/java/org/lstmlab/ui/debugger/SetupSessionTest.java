package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;

/**
 * The Cell box always names what is computed, a choice a loaded model cannot run is refused with the reason and
 * random weights are offered, and undo covers every change: value edits, the first edit of the input table, set-up
 * changes and opened models.
 */
class SetupSessionTest {

    static SequenceModel lstm() {
        return OpenModelTest.model(CellType.LSTM, 1);
    }

    /** The view model with an LSTM model opened from the Train tab, traced. */
    static DebuggerViewModel withModel() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        Batch batch = OpenModelTest.batch();
        vm.openModel(lstm(), batch.input(), batch, 1, () -> "adding, epoch 3, sample 2", List.of());
        vm.pulse(2);
        return vm;
    }

    private static void assertBoxesNameWhatIsComputed(DebuggerViewModel vm) {
        Trace tr = vm.trace();
        assertEquals(tr.cell(), vm.form().cellProperty().get(), "the Cell box names the computed cell");
        assertEquals(Integer.toString(tr.hiddenSize()), vm.form().text(SetupForm.HIDDEN_SIZE).get());
        assertEquals(Integer.toString(tr.layers()), vm.form().text(SetupForm.LAYERS).get());
        assertEquals(vm.setupProperty().get().weights(), vm.form().weightsProperty().get());
        assertEquals(vm.workspace().loss(), vm.form().lossProperty().get());
    }

    @Test
    void aCellTheLoadedModelCannotRunIsRefusedWithTheReasonAndRandomWeightsAreOffered() {
        DebuggerViewModel vm = withModel();
        Trace before = vm.trace();
        assertEquals(CellType.LSTM, before.cell());
        assertFalse(vm.setupCommands().chooseCell(CellType.GRU));
        vm.pulse(3);
        assertSame(before, vm.trace(), "nothing is recomputed");
        assertBoxesNameWhatIsComputed(vm);
        String why = vm.refusalProperty().get();
        assertTrue(why.contains("adding, epoch 3, sample 2") && why.contains("LSTM") && why.contains("GRU"), why);
        assertTrue(vm.randomOfferedProperty().get());

        assertTrue(vm.setupCommands().useRandomWeights());
        vm.pulse(4);
        assertEquals(CellType.GRU, vm.trace().cell());
        assertEquals(WeightPreset.RANDOM_TORCH, vm.form().weightsProperty().get());
        assertEquals(InputPreset.TABLE, vm.form().inputProperty().get(), "the model's sample stays, as a table");
        assertEquals(before.value("x", 0, 4, 0, 1), vm.trace().value("x", 0, 4, 0, 1));
        assertEquals("", vm.refusalProperty().get());
        assertFalse(vm.randomOfferedProperty().get());
        assertBoxesNameWhatIsComputed(vm);
    }

    @Test
    void leavingAModelForRandomWeightsComputesTheCellTheBoxShows() {
        DebuggerViewModel vm = withModel();
        assertFalse(vm.setupCommands().chooseCell(CellType.GRU));
        assertTrue(vm.setupCommands().chooseWeights(WeightPreset.RANDOM_TORCH));
        vm.pulse(3);
        assertEquals(CellType.LSTM, vm.trace().cell(), "the box said LSTM all along");
        assertEquals(LossKind.LAST_STEP_SUM, vm.workspace().loss(), "the model's loss left with the model");
        assertBoxesNameWhatIsComputed(vm);
        assertTrue(vm.setupCommands().chooseCell(CellType.GRU));
        vm.pulse(4);
        assertEquals(CellType.GRU, vm.trace().cell());
        assertBoxesNameWhatIsComputed(vm);
    }

    @Test
    void sizesAndTheInputOfALoadedModelAreRefusedToo() {
        DebuggerViewModel vm = withModel();
        assertFalse(vm.setupCommands().setField(SetupForm.HIDDEN_SIZE, "9"));
        assertEquals("5", vm.form().text(SetupForm.HIDDEN_SIZE).get());
        assertTrue(vm.refusalProperty().get().startsWith("Hidden H is fixed by the model"),
                vm.refusalProperty().get());
        assertFalse(vm.setupCommands().chooseInput(InputPreset.SINE));
        assertEquals(InputPreset.SAMPLE, vm.form().inputProperty().get());
        assertTrue(vm.refusalProperty().get().contains("runs on its own sample"));
        assertTrue(vm.setupCommands().setField(SetupForm.SEED, "99"),
                "the seed does not matter to a model: nothing to refuse");
        assertEquals("", vm.refusalProperty().get());
    }

    @Test
    void theModelsOwnLossNeedsAModelAndALossChangeKeepsTheEdits() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        assertFalse(vm.setupCommands().chooseLoss(LossKind.MODEL_HEAD));
        assertEquals(LossKind.LAST_STEP_SUM, vm.form().lossProperty().get());
        assertTrue(vm.refusalProperty().get().contains("needs a trained model"));
        assertFalse(vm.randomOfferedProperty().get());
        assertNull(vm.editWeight(0, "b_if", 1, 0, "3"));
        assertTrue(vm.setupCommands().chooseLoss(LossKind.EVERY_STEP_SUM));
        vm.pulse(2);
        assertEquals(LossKind.EVERY_STEP_SUM, vm.workspace().loss());
        assertEquals(3, vm.trace().weights(0, "b_if").get(1, 0), "the edit survives a change of the loss");
    }

    @Test
    void theFirstEditOfTheInputTableIsUndoneWithItsSwitchToTheTable() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        double x = vm.trace().value("x", 0, 2, 0, 0);
        assertNull(vm.editInput(2, 0, "0.9"));
        vm.pulse(2);
        assertEquals(InputPreset.TABLE, vm.form().inputProperty().get());
        assertTrue(vm.canUndoProperty().get(), "the first edit can be undone");
        assertFalse(vm.canRedoProperty().get());
        vm.undo();
        vm.pulse(3);
        assertEquals(x, vm.trace().value("x", 0, 2, 0, 0));
        assertEquals(InputPreset.SINE, vm.form().inputProperty().get());
        assertTrue(vm.canRedoProperty().get());
        vm.redo();
        vm.pulse(4);
        assertEquals(0.9, vm.trace().value("x", 0, 2, 0, 0));
        assertEquals(InputPreset.TABLE, vm.form().inputProperty().get());
        assertNull(vm.editInput(3, 0, "0.1"));
        vm.pulse(5);
        assertEquals(InputPreset.TABLE, vm.form().inputProperty().get());
        vm.undo();
        vm.undo();
        vm.pulse(6);
        assertEquals(x, vm.trace().value("x", 0, 2, 0, 0));
        assertEquals(InputPreset.SINE, vm.form().inputProperty().get());
    }

    @Test
    void setUpChangesAreUndoneWithTheNumbersTheyReplaced() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        assertNull(vm.editWeight(0, "b_if", 0, 0, "5"));
        vm.pulse(2);
        double[] weights = vm.trace().weights(0, "W_hf").row(1);
        assertTrue(vm.setupCommands().setField(SetupForm.HIDDEN_SIZE, "8"));
        assertTrue(vm.setupCommands().chooseCell(CellType.GRU));
        vm.pulse(3);
        assertEquals(CellType.GRU, vm.trace().cell());
        assertEquals(8, vm.trace().hiddenSize());
        vm.undo();
        vm.pulse(4);
        assertEquals(CellType.LSTM, vm.trace().cell());
        assertEquals(8, vm.trace().hiddenSize());
        assertBoxesNameWhatIsComputed(vm);
        vm.undo();
        vm.pulse(5);
        assertEquals(4, vm.trace().hiddenSize());
        assertArrayEquals(weights, vm.trace().weights(0, "W_hf").row(1), "the very numbers from before");
        assertEquals(5, vm.trace().weights(0, "b_if").get(0, 0), "with the edit made before the set-up change");
        assertBoxesNameWhatIsComputed(vm);
        vm.undo();
        vm.pulse(6);
        assertTrue(vm.trace().weights(0, "b_if").get(0, 0) != 5);
        assertFalse(vm.canUndoProperty().get());
        vm.redo();
        vm.redo();
        vm.redo();
        vm.pulse(7);
        assertEquals(CellType.GRU, vm.trace().cell());
        assertBoxesNameWhatIsComputed(vm);
    }

    @Test
    void openingAModelCanBeUndone() {
        DebuggerViewModel vm = withModel();
        assertEquals("adding, epoch 3, sample 2", vm.titleProperty().get());
        vm.undo();
        vm.pulse(3);
        assertEquals(WeightPreset.RANDOM_TORCH, vm.form().weightsProperty().get());
        assertEquals(4, vm.trace().hiddenSize());
        assertEquals("", vm.titleProperty().get());
        assertBoxesNameWhatIsComputed(vm);
    }

    @Test
    void applyingTheSameSetUpAgainChangesNothingAndKeepsTheEdits() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        assertNull(vm.editWeight(0, "W_if", 2, 0, "1.5"));
        vm.pulse(2);
        Trace before = vm.trace();
        assertTrue(vm.setupCommands().applySetup(), "a field losing the focus applies the form again");
        assertTrue(vm.setupCommands().setField(SetupForm.WORD, "other"), "the word does not matter to a sine");
        vm.pulse(3);
        assertSame(before, vm.trace());
        assertEquals(1, depth(vm));
    }

    private static int depth(DebuggerViewModel vm) {
        int n = 0;
        while (vm.canUndoProperty().get()) {
            vm.undo();
            n++;
        }
        return n;
    }

    @Test
    void theHistoryForgetsTheOldestSetUpsBeyondItsLimit() {
        EditHistory h = new EditHistory(200);
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        Workspace a = vm.workspace();
        EditHistory.Shown one = new EditHistory.Shown(vm.setupProperty().get(), a, EditHistory.Shown.UNTITLED);
        vm.setupCommands().setField(SetupForm.HIDDEN_SIZE, "3");
        EditHistory.Shown two = new EditHistory.Shown(vm.setupProperty().get(), vm.workspace(),
                EditHistory.Shown.UNTITLED);
        assertEquals(4 * 4 * (1 + 4) + 8 * 4 + 20, a.values(), "4H(D + H) weights, 8H biases, T·D inputs");
        assertEquals(4 * 3 * (1 + 3) + 8 * 3 + 20, vm.workspace().values());
        h.done(new EditHistory.Step(null, one, two));
        h.done(new EditHistory.Step(new EditHistory.Edit("b_if", 0, 0, 0, 1, 2), null, null));
        h.done(new EditHistory.Step(null, two, one));
        assertEquals(2, h.depth(), "the first set-up change is forgotten: both together pass the limit");
    }

    @Test
    void everyLabelAddedHereIsInChineseToo() {
        java.util.ResourceBundle en = I18n.bundle(Locale.ENGLISH);
        java.util.ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        for (String key : DebuggerLabelsTest.ADDED_KEYS) {
            assertTrue(en.containsKey(key), key);
            String cn = zh.getString(key);
            assertTrue(!cn.equals(en.getString(key)) || !cn.matches(".*[A-Za-z]{4,}.*"), key + " is not translated");
            assertTrue(cn.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    key + " has no Chinese: " + cn);
        }
    }

    @Test
    void whatAHandBuiltPresetFixesIsSaidAndRandomWeightsKeepTheChoice() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        assertTrue(vm.setupCommands().setField(SetupForm.HIDDEN_SIZE, "6"));
        assertTrue(vm.setupCommands().chooseWeights(WeightPreset.LATCH));
        vm.pulse(2);
        assertEquals(2, vm.trace().hiddenSize());
        assertBoxesNameWhatIsComputed(vm);
        String why = vm.refusalProperty().get();
        assertTrue(why.contains("Hidden H = 2") && why.contains("latch"), why);
        assertTrue(vm.randomOfferedProperty().get());
        assertTrue(vm.setupCommands().useRandomWeights());
        vm.pulse(3);
        assertEquals(6, vm.trace().hiddenSize());
        assertEquals(WeightPreset.RANDOM_TORCH, vm.form().weightsProperty().get());
        assertEquals("", vm.refusalProperty().get());
    }
}
