package org.lstmlab.ui;

import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.testfx.api.FxRobot;

/** The UI tests' way to dock a lesson: the first one, opened from the Learn tab, its "Show me" pressed. */
final class FirstLesson {
    private FirstLesson() {
    }

    /**
     * Opens the first lesson as a user does and presses "Show me"; returns the debugger once it shows the lesson's
     * LSTM (H = 2, T = 5) at its first equation.
     */
    static DebuggerViewModel showMe(FxRobot robot, MainWindow window) {
        robot.clickOn("Learn");
        robot.clickOn("#openLesson");
        var learn = window.learnView().viewModel();
        UiWait.until("the lesson's first step", () -> learn.stepProperty().get() == 0 && !learn.busyProperty().get());
        robot.clickOn("#showMe");
        DebuggerViewModel debugger = window.debugger().viewModel();
        UiWait.until("the lesson's LSTM (H = 2, T = 5) at its first equation", () -> debugger.trace() != null
                && debugger.trace().hiddenSize() == 2 && !debugger.busyProperty().get()
                && debugger.cursor() != null && debugger.cursor().equation() == 0);
        return debugger;
    }
}
