package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Continue at a speed a class can follow: 0.5 to 50 equations a second on the slider (its right end jumps), with
 * the status line following the cursor while it runs and saying where it stopped after Pause. Time is given to the
 * view model as frame times, so the test does not depend on the machine's speed.
 */
class ContinueSpeedTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void theSliderRunsFromHalfAnEquationToFiftyASecondThenJumps() {
        assertEquals(0.5, Stepper.speedAt(0), 1e-12);
        assertEquals(5, Stepper.speedAt(0.5), 1e-12, "the middle is the geometric mean");
        assertEquals(50, Stepper.speedAt(1), 1e-12);
        assertEquals(DebuggerViewModel.INSTANT, Stepper.speedAt(Stepper.SLIDER_MAX));
        for (double p = 0; p <= 1; p += 0.125) {
            assertEquals(p, Stepper.positionOf(Stepper.speedAt(p)), 1e-12);
        }
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        Stepper s = vm.stepper();
        assertEquals("at once", s.speedTextProperty().get());
        s.speedPositionProperty().set(0);
        assertEquals(0.5, s.speedProperty().get(), 1e-12);
        assertEquals("0.5 equations/s", s.speedTextProperty().get());
        s.speedProperty().set(50);
        assertEquals(1, s.speedPositionProperty().get(), 1e-12);
        assertEquals("50 equations/s", s.speedTextProperty().get());
    }

    @Test
    void fasterAndSlowerMoveTheSliderATenthAndTheStatusLineSaysTheSpeed() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        Stepper s = vm.stepper();
        s.changeSpeed(-1);
        assertEquals(50, s.speedProperty().get(), 1e-9, "from 'at once' a tenth slower is the fastest run");
        assertEquals("Speed of Continue: 50 equations/s", vm.statusProperty().get());
        s.changeSpeed(-1);
        assertEquals(Stepper.speedAt(0.9), s.speedProperty().get(), 1e-9);
        s.speedPositionProperty().set(0.04);
        s.changeSpeed(-1);
        s.changeSpeed(-1);
        assertEquals(0.5, s.speedProperty().get(), 1e-9, "the slowest stays the slowest");
        assertEquals("Speed of Continue: 0.5 equations/s", vm.statusProperty().get());
        for (int k = 0; k < 12; k++) {
            s.changeSpeed(1);
        }
        assertEquals(DebuggerViewModel.INSTANT, s.speedProperty().get(), 1e-9, "the right end jumps");
        assertEquals("Speed of Continue: at once", vm.statusProperty().get());
    }

    @Test
    void atHalfAnEquationASecondTheCursorMovesOnceEveryTwoSecondsAndTheStatusFollowsIt() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        Stepper s = vm.stepper();
        s.speedPositionProperty().set(0);
        s.continueRun();
        long t0 = 10 * SECOND;
        vm.pulse(t0);
        assertTrue(s.runningProperty().get());
        int first = s.navigator().index(vm.cursor());
        assertEquals(1, first, "the first frame takes the first step");
        assertEquals("Continuing at 0.5 equations/s: t = 1, layer 0, forget gate", vm.statusProperty().get());
        vm.pulse(t0 + SECOND);
        vm.pulse(t0 + 19 * SECOND / 10);
        assertEquals(1, s.navigator().index(vm.cursor()), "1.9 s later: still there");
        vm.pulse(t0 + 2 * SECOND);
        assertEquals(2, s.navigator().index(vm.cursor()));
        assertEquals("Continuing at 0.5 equations/s: t = 1, layer 0, candidate", vm.statusProperty().get());
        vm.pulse(t0 + 6 * SECOND);
        assertEquals(4, s.navigator().index(vm.cursor()));
        s.pause();
        assertFalse(s.runningProperty().get());
        assertEquals("Paused at t = 1, layer 0, cell state", vm.statusProperty().get());
        vm.pulse(t0 + 60 * SECOND);
        assertEquals(4, s.navigator().index(vm.cursor()), "paused means paused");
    }

    @Test
    void atFiftyASecondAFrameTakesSeveralEquationsAndArrivesAtTheBreakpoint() {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        Stepper s = vm.stepper();
        s.addBreakpoint("t == 3");
        s.speedProperty().set(50);
        s.continueRun();
        vm.pulse(SECOND);
        vm.pulse(SECOND + SECOND / 10);
        assertEquals(6, s.navigator().index(vm.cursor()), "1 + 50 × 0.1 equations");
        vm.pulse(3 * SECOND);
        assertFalse(s.runningProperty().get());
        assertEquals(new Cursor(org.lstmlab.engine.trace.Direction.FORWARD, 2, 0, 0), vm.cursor());
        assertTrue(vm.statusProperty().get().startsWith("Breakpoint 1 holds: t == 3"));
    }
}
