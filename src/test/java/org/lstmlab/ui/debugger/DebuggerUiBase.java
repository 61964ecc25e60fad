package org.lstmlab.ui.debugger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The debugger's UI tests: the real main window in a stage, headless, closed after each test. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
abstract class DebuggerUiBase {
    protected MainWindow window;
    protected DebuggerViewModel vm;

    /** The window's size; 1280 × 800 unless a test looks at a smaller screen. */
    protected double[] size() {
        return new double[] {1280, 800};
    }

    /** Opens the window in TestFX's stage (a {@code @Start} method is not found in a superclass). */
    @BeforeEach
    void open() throws Exception {
        FxToolkit.setupStage(stage -> {
            double[] s = size();
            window = DebuggerWindow.show(stage, s[0], s[1]);
            vm = window.debugger().viewModel();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Steps to the cell state of t = 1 (the default cell's c and g are negative there, for unit 0). */
    protected void stepToTheCellState(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null);
        robot.interact(() -> {
            for (int k = 0; k < 4; k++) {
                vm.stepper().stepInto();
            }
        });
        DebuggerWindow.waitFor(() -> vm.cursor().equation() == 4);
    }

    @AfterEach
    void stop() {
        window.shutdown();
    }
}
