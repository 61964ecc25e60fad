package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;

/** The debugger's view model, driven without any JavaFX toolkit: set-up, stepping, breakpoints, edits, undo. */
class DebuggerViewModelTest {

    static DebuggerViewModel started() {
        DebuggerViewModel vm = new DebuggerViewModel(I18n.bundle(Locale.ENGLISH), DebuggerWorker.direct());
        assertTrue(vm.setupCommands().applySetup());
        vm.pulse(1);
        return vm;
    }

    @Test
    void theDefaultSetupIsAnLstmOnASineTracedAndStoppedAtTheFirstEquation() {
        DebuggerViewModel vm = started();
        Trace tr = vm.trace();
        assertNotNull(tr);
        assertEquals(CellType.LSTM, tr.cell());
        assertEquals(20, tr.steps());
        assertEquals(new Cursor(Direction.FORWARD, 0, 0, 0), vm.cursor());
        assertTrue(vm.substitutionProperty().get().text().startsWith("iₜ[0] = σ(a_i[0])"));
        assertTrue(vm.statusProperty().get().startsWith("Traced 20 timesteps"));
        assertTrue(vm.statusProperty().get().contains(", loss \u22120."),
                "the default's loss is negative, written with the minus sign −: " + vm.statusProperty().get());
    }

    @Test
    void stepIntoOverAndBack() {
        DebuggerViewModel vm = started();
        Stepper s = vm.stepper();
        s.stepInto();
        assertEquals(new Cursor(Direction.FORWARD, 0, 0, 1), vm.cursor());
        assertEquals("t = 1, layer 0, forget gate", vm.statusProperty().get());
        s.stepOver();
        assertEquals(new Cursor(Direction.FORWARD, 1, 0, 1), vm.cursor());
        s.stepBack();
        s.stepBack();
        assertEquals(new Cursor(Direction.FORWARD, 0, 0, 5), vm.cursor(), "back across a timestep boundary");
        s.stepBackOver();
        assertEquals(new Cursor(Direction.FORWARD, 0, 0, 0), vm.cursor(), "before t = 1 is the first position");
        assertNull(s.jumpTo("5"));
        assertEquals(4, vm.cursor().t());
        assertEquals("Must be between 1 and 20", s.jumpTo("21"));
        assertEquals("\"x\" is not a whole number", s.jumpTo("x"));
        assertEquals(4, vm.cursor().t(), "a bad jump changes nothing");
        s.restart();
        assertEquals(new Cursor(Direction.FORWARD, 0, 0, 0), vm.cursor());
    }

    @Test
    void continueStopsAtTheFirstPlaceWhereTheBreakpointHoldsAndSaysWhich() {
        DebuggerViewModel vm = started();
        Stepper s = vm.stepper();
        assertNull(s.addBreakpoint("t == 99"));
        assertNull(s.addBreakpoint("f[0] < 0.5"));
        s.continueRun();
        vm.pulse(2);
        Cursor c = vm.cursor();
        assertEquals(1, c.equation(), "stops at the forget gate, where f is computed");
        Trace tr = vm.trace();
        assertTrue(tr.value("f", 0, c.t(), 0, 0) < 0.5);
        for (int t = 0; t < c.t(); t++) {
            assertTrue(tr.value("f", 0, t, 0, 0) >= 0.5, "no earlier timestep holds");
        }
        assertEquals(1, s.hitBreakpointProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Breakpoint 2 holds: f[0] < 0.5"),
                vm.statusProperty().get());
        s.removeBreakpoint(1);
        s.continueRun();
        vm.pulse(3);
        assertTrue(s.navigator().isLast(vm.cursor()), "with no breakpoint holding, Continue runs to the end");
        assertTrue(vm.statusProperty().get().startsWith("No breakpoint holds up to the end"));
    }

    @Test
    void theSameConditionTwiceIsRefusedNamingTheBreakpointThatHasIt() {
        Stepper s = started().stepper();
        assertNull(s.addBreakpoint("t == 99"));
        assertNull(s.addBreakpoint("f[0] < 0.5"));
        assertEquals("f[0]<0.5 is already breakpoint 2", s.addBreakpoint(" f[0]<0.5 "));
        assertEquals("(t == 99) is already breakpoint 1", s.addBreakpoint("(t == 99)"));
        assertEquals(2, s.breakpoints().size(), "nothing added");
        assertNull(s.addBreakpoint("f[0] < 0.25"), "another threshold is another condition");
        assertNull(s.addBreakpoint("f[1] < 0.5"), "another unit too");
        assertEquals(4, s.breakpoints().size());
        s.removeBreakpoint(1);
        assertNull(s.addBreakpoint("f[0] < 0.5"), "once removed, it can be added again");
        Stepper zh = new DebuggerViewModel(I18n.bundle(Locale.SIMPLIFIED_CHINESE), DebuggerWorker.direct()).stepper();
        assertNull(zh.addBreakpoint("t == 3"));
        assertEquals("t==3 已经是断点 1", zh.addBreakpoint("t==3"));
    }

    @Test
    void aTimestepBreakpointStopsAtTheStartOfThatStepAndContinueBackFindsItAgain() {
        DebuggerViewModel vm = started();
        Stepper s = vm.stepper();
        s.addBreakpoint("t == 7");
        s.continueRun();
        vm.pulse(2);
        assertEquals(new Cursor(Direction.FORWARD, 6, 0, 0), vm.cursor());
        s.jumpTo("12");
        s.continueBack();
        vm.pulse(3);
        assertEquals(new Cursor(Direction.FORWARD, 6, 0, 0), vm.cursor());
    }

    @Test
    void continueAtASpeedAnimatesAndPauseStopsIt() {
        DebuggerViewModel vm = started();
        Stepper s = vm.stepper();
        s.speedProperty().set(10);
        s.continueRun();
        vm.pulse(1_000_000_000L);
        assertTrue(s.runningProperty().get());
        vm.pulse(1_500_000_000L);  // half a second at 10 per second: five more equations
        assertEquals(6, s.navigator().index(vm.cursor()));
        s.pause();
        vm.pulse(9_000_000_000L);
        assertFalse(s.runningProperty().get());
        assertEquals(6, s.navigator().index(vm.cursor()));
    }

    @Test
    void badBreakpointsAndWatchesGetAMessageAndAddNothing() {
        DebuggerViewModel vm = started();
        assertEquals("The expression ends too early", vm.stepper().addBreakpoint("f[0] <"));
        assertEquals(0, vm.stepper().breakpoints().size());
        assertEquals("Unexpected \"$\" at position 3", vm.addWatch("c $"));
        assertEquals(0, vm.watches().size());
        assertNotNull(vm.addWatch("nope(c)"), "an unknown function is a mistake too");
        assertNotNull(vm.stepper().addBreakpoint("abs(f, c) > 1"), "abs takes one argument");
        assertEquals(0, vm.watches().size());
        assertEquals(0, vm.stepper().breakpoints().size());
    }

    @Test
    void watchesShowTheValueAtTheCursorOrThatItIsNotComputedYet() {
        DebuggerViewModel vm = started();
        assertNull(vm.addWatch("c[0]"));
        vm.pulse(2);
        assertTrue(vm.watches().get(0).pending(), "c is computed by the fifth equation");
        vm.stepper().jumpTo("3");
        for (int k = 0; k < 4; k++) {
            vm.stepper().stepInto();
        }
        WatchRow row = vm.watches().get(0);
        assertFalse(row.pending());
        assertEquals(Numbers.display(vm.trace().value("c", 0, 2, 0, 0)), row.value());
        assertEquals(20, row.series().length);
        assertEquals(vm.trace().value("c", 0, 7, 0, 0), row.series()[7], 0);
    }

    /**
     * A watch's sparkline gets the steps computed at the cursor only: not the cursor's own step before the equation
     * that computes it, nor a later one; in backward mode a gradient from the last step down to the cursor's.
     */
    @Test
    void aWatchsSparklineDrawsOnlyTheStepsComputedAtTheCursor() {
        DebuggerViewModel vm = started();
        vm.addWatch("c[0]");
        vm.addWatch("dc[0]");
        vm.pulse(2);
        vm.stepper().jumpTo("3");  // the input gate of t = 3: c_3 is still to come
        WatchRow c = vm.watches().get(0);
        assertTrue(c.pending());
        assertEquals(List.of(0, 2), List.of(c.from(), c.to()), "t = 1 and 2");
        assertEquals(List.of(0, 0), List.of(vm.watches().get(1).from(), vm.watches().get(1).to()), "no gradient");
        for (int k = 0; k < 4; k++) {
            vm.stepper().stepInto();
        }
        c = vm.watches().get(0);
        assertFalse(c.pending());
        assertEquals(List.of(0, 3), List.of(c.from(), c.to()), "c_3 is computed now");

        vm.moves().setBackward(true);  // at δh of t = T: δc_T is still to come
        int steps = vm.trace().steps();
        assertEquals(steps - 1, vm.cursor().t());
        assertEquals(List.of(0, steps), List.of(vm.watches().get(0).from(), vm.watches().get(0).to()));
        WatchRow dc = vm.watches().get(1);
        assertTrue(dc.pending());
        assertEquals(List.of(steps, steps), List.of(dc.from(), dc.to()), "no gradient yet");
        vm.moves().goToEquation(vm.equations().indexOf(EquationCatalogue.byId("lstm.dc")));
        dc = vm.watches().get(1);
        assertFalse(dc.pending());
        assertEquals(List.of(steps - 1, steps), List.of(dc.from(), dc.to()), "δc_T alone");
    }

    @Test
    void aWatchSeriesFollowsTheLayerOfTheCursor() {
        DebuggerViewModel vm = new DebuggerViewModel(I18n.bundle(Locale.ENGLISH), DebuggerWorker.direct());
        vm.form().text(SetupForm.LAYERS).set("2");
        assertTrue(vm.setupCommands().applySetup());
        vm.pulse(1);
        vm.addWatch("h[1]");
        vm.pulse(2);
        assertEquals(vm.trace().value("h", 0, 9, 0, 1), vm.watches().get(0).series()[9], 0);
        for (int k = 0; k < 6; k++) {
            vm.stepper().stepInto();  // into layer 1 of t = 1
        }
        assertEquals(1, vm.cursor().layer());
        vm.pulse(3);
        assertEquals(vm.trace().value("h", 1, 9, 0, 1), vm.watches().get(0).series()[9], 0);
    }

    @Test
    void editingAWeightRetracesAndUndoRedoRestore() {
        DebuggerViewModel vm = started();
        vm.stepper().stepInto();  // forget gate
        Trace before = vm.trace();
        double f = before.value("f", 0, 0, 0, 0);
        assertNull(vm.editWeight(0, "b_if", 0, 0, "5"));
        vm.pulse(2);
        Trace after = vm.trace();
        assertNotEquals(f, after.value("f", 0, 0, 0, 0));
        assertEquals(5, after.weights(0, "b_if").get(0, 0));
        assertEquals(new Cursor(Direction.FORWARD, 0, 0, 1), vm.cursor(), "an edit keeps the cursor");
        assertTrue(vm.canUndoProperty().get());
        vm.undo();
        vm.pulse(3);
        assertEquals(f, vm.trace().value("f", 0, 0, 0, 0), 0);
        assertTrue(vm.canRedoProperty().get());
        vm.redo();
        vm.pulse(4);
        assertEquals(5, vm.trace().weights(0, "b_if").get(0, 0));
    }

    @Test
    void badEditsSayWhyAndChangeNothing() {
        DebuggerViewModel vm = started();
        Trace before = vm.trace();
        assertEquals("\"abc\" is not a number (NaN and infinity are not allowed either)",
                vm.editWeight(0, "W_if", 0, 0, "abc"));
        assertNotNull(vm.editWeight(0, "W_if", 0, 0, "NaN"));
        assertNotNull(vm.editInput(0, 0, "Infinity"));
        assertEquals("W_if has rows 0 to 3 and columns 0 to 0", vm.editWeight(0, "W_if", 4, 0, "1"));
        assertEquals("W_iz is not a weight of this cell", vm.editWeight(0, "W_iz", 0, 0, "1"));
        vm.pulse(2);
        assertSame(before, vm.trace());
        assertFalse(vm.canUndoProperty().get());
    }

    @Test
    void editingTheInputTurnsThePresetIntoATable() {
        DebuggerViewModel vm = started();
        assertNull(vm.editInput(3, 0, "0.25"));
        vm.pulse(2);
        assertEquals(0.25, vm.trace().value("x", 0, 3, 0, 0));
        assertEquals(InputPreset.TABLE, vm.form().inputProperty().get());
    }

    @Test
    void switchingTheCellTypeRetracesWithTheNewCellAndKeepsTheTimestep() {
        DebuggerViewModel vm = started();
        vm.stepper().jumpTo("4");
        vm.form().cellProperty().set(CellType.GRU);
        assertTrue(vm.setupCommands().applySetup());
        vm.pulse(2);
        assertEquals(CellType.GRU, vm.trace().cell());
        assertEquals("gru.r", vm.equations().get(0).id());
        assertEquals(3, vm.cursor().t());
    }

    @Test
    void aBadSetupFieldGetsAMessageAndChangesNothing() {
        DebuggerViewModel vm = started();
        Trace before = vm.trace();
        vm.form().text(SetupForm.HIDDEN_SIZE).set("four");
        vm.form().text(SetupForm.LAYERS).set("9");
        assertFalse(vm.setupCommands().applySetup());
        assertEquals("\"four\" is not a whole number", vm.form().error(SetupForm.HIDDEN_SIZE).get());
        assertEquals("Must be between 1 and 4", vm.form().error(SetupForm.LAYERS).get());
        vm.pulse(2);
        assertSame(before, vm.trace());
        vm.form().text(SetupForm.HIDDEN_SIZE).set("4");
        vm.form().text(SetupForm.LAYERS).set("1");
        vm.form().cellProperty().set(CellType.GRU);
        vm.form().weightsProperty().set(WeightPreset.COUNTER);
        assertFalse(vm.setupCommands().applySetup());
        assertEquals(CellType.LSTM, vm.form().cellProperty().get(), "the form returns to what is shown");
        assertTrue(vm.form().error(SetupForm.WEIGHTS).get().contains("does not exist for GRU"));
    }

    @Test
    void backwardModeStartsAtTheLastStepAndStopsWhereTheCellGradientIsSmall() {
        DebuggerViewModel vm = new DebuggerViewModel(I18n.bundle(Locale.ENGLISH), DebuggerWorker.direct());
        vm.form().text(SetupForm.STEPS).set("60");
        assertTrue(vm.setupCommands().applySetup());
        vm.pulse(1);
        Stepper s = vm.stepper();
        s.setDirection(Direction.BACKWARD);
        assertEquals(new Cursor(Direction.BACKWARD, 59, 0, 0), vm.cursor());
        assertEquals("lstm.dh", vm.equations().get(0).id());
        s.stepOver();
        assertEquals(58, vm.cursor().t());
        s.addBreakpoint("norm(dc) < 1e-3");
        s.continueRun();
        vm.pulse(2);
        Cursor c = vm.cursor();
        assertEquals(0, s.hitBreakpointProperty().get());
        assertEquals("lstm.dc", vm.equations().get(c.equation()).id());
        assertTrue(norm(vm.trace().vector("dc", 0, c.t(), 0)) < 1e-3);
        assertTrue(norm(vm.trace().vector("dc", 0, c.t() + 1, 0)) >= 1e-3, "the timestep after it did not hold");
    }

    static double norm(double[] v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        return Math.sqrt(n);
    }

    @Test
    void theHandBuiltLstmLatchKeepsTheFirstInputAndTheCounterCounts() {
        DebuggerViewModel vm = new DebuggerViewModel(I18n.bundle(Locale.ENGLISH), DebuggerWorker.direct());
        vm.form().weightsProperty().set(WeightPreset.LATCH);
        vm.form().text(SetupForm.STEPS).set("200");
        assertTrue(vm.setupCommands().applySetup());
        vm.pulse(1);
        Trace tr = vm.trace();
        assertEquals(2, tr.hiddenSize());
        assertEquals("2", vm.form().text(SetupForm.HIDDEN_SIZE).get(), "the form shows the size the preset needs");
        double first = tr.value("c", 0, 0, 0, 0);
        double sigma5 = 1 / (1 + Math.exp(-5));
        assertEquals(sigma5 * Math.tanh(tr.value("x", 0, 0, 0, 0)), first, 1e-12,
                "c_0 = σ(5)·tanh(x_1), as documented");
        assertEquals(first, tr.value("c", 0, 199, 0, 0), 1e-3, "c_0 still holds the first input at t = 200");

        vm.form().weightsProperty().set(WeightPreset.COUNTER);
        assertTrue(vm.setupCommands().applySetup());
        vm.pulse(2);
        tr = vm.trace();
        assertEquals(InputPreset.COUNTING, vm.form().inputProperty().get());
        int pulses = 0;
        for (int t = 0; t < tr.steps(); t++) {
            pulses += (int) tr.value("x", 0, t, 0, 0);
        }
        assertEquals(pulses, Math.round(tr.value("c", 0, tr.steps() - 1, 0, 0)), "c counts the pulses");
    }

    @Test
    void aCompanionCellRunsTheSameInput() {
        DebuggerViewModel vm = started();
        vm.beside().add(CellType.RNN_TANH);
        vm.pulse(2);
        Companion c = vm.companions().get(0);
        Trace tr = c.resultProperty().get().trace();
        assertEquals(CellType.RNN_TANH, tr.cell());
        assertEquals(vm.trace().value("x", 0, 5, 0, 0), tr.value("x", 0, 5, 0, 0));
        vm.beside().remove(CellType.RNN_TANH);
        assertTrue(vm.companions().isEmpty());
    }

    @Test
    void onlyComputedValuesAreVisible() {
        DebuggerViewModel vm = started();
        assertNotNull(vm.visible("i", 0));
        assertNull(vm.visible("f", 0));
        assertNull(vm.visible("dh", 0), "gradients belong to backward mode");
        vm.stepper().setDirection(Direction.BACKWARD);
        assertNotNull(vm.visible("f", 0));
        assertNotNull(vm.visible("dh", 0));
        assertNull(vm.visible("dc", 0));
    }
}
