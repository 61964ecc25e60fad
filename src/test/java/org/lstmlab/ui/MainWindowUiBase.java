package org.lstmlab.ui;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The UI tests of the whole main window: {@link TestWindows} opens it in TestFX's stage before each test, in English
 * at 1024 × 768 unless the test says otherwise, and closes it after.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
public abstract class MainWindowUiBase {
    protected MainWindow window;
    /** The lesson progress's folder before this test took a new one, given back after it. */
    private String home;

    /** The window's language; English unless a test looks at another. */
    protected Locale language() {
        return Locale.ENGLISH;
    }

    /**
     * Whether lesson progress starts empty, in a folder of its own for this test: every lesson then opens at its
     * first step, and where this test leaves a lesson is not where the next tests find it.
     */
    protected boolean newLessonProgress() {
        return false;
    }

    /** Opens the window in TestFX's stage (a {@code @Start} method is not found in a superclass). */
    @BeforeEach
    protected final void openWindow() throws Exception {
        if (newLessonProgress()) {
            home = TestWindows.newLessonProgress();
        }
        FxToolkit.setupStage(stage -> window = TestWindows.show(stage, language(), 1024, 768));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    protected final void closeWindow() throws Exception {
        TestWindows.close(window);
        if (newLessonProgress()) {
            TestWindows.restoreLessonProgress(home);
        }
    }

    /**
     * Lays the window out {@code rounds} times, waiting for the FX thread after each: until layouts that set sizes
     * after a layout (presenter mode's fitting, a zoomed lesson) have settled.
     */
    protected final void settle(org.testfx.api.FxRobot robot, int rounds) {
        for (int k = 0; k < rounds; k++) {
            robot.interact(() -> {
                window.root().applyCss();
                window.root().layout();
            });
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** How many pixels the lesson dock's text and exercise are taller than the dock shows (0 or less: they fit). */
    private double dockOverflow(org.testfx.api.FxRobot robot) {
        settle(robot, 2);
        javafx.scene.control.ScrollPane dock = robot.lookup(".lesson-scroll")
                .queryAs(javafx.scene.control.ScrollPane.class);
        return UiWait.onFx(() -> dock.getContent().getLayoutBounds().getHeight()
                - dock.getViewportBounds().getHeight());
    }

    /**
     * {@link #dockOverflow} once the step has settled: a step's formulas and pictures are laid out after its text, and
     * on a loaded machine a first measure can catch the dock half built. Returns as soon as the step fits, else what
     * is left over after waiting as long as every wait of the UI tests.
     */
    protected final double settledDockOverflow(org.testfx.api.FxRobot robot) {
        double[] over = {dockOverflow(robot)};
        if (over[0] > 0.5) {
            try {
                UiWait.until("the step to fit the dock", () -> (over[0] = dockOverflow(robot)) <= 0.5);
            } catch (AssertionError tooTall) {
                return over[0];   // it does not fit: the caller says how far over it is
            }
        }
        return over[0];
    }

    /**
     * Zooms the window to each of {@code zooms} (in percent), outside and then in presenter mode, lets it settle, and
     * gathers what {@code check} finds wrong there; {@code check} runs on the FX thread and is told where it is
     * ("zh_CN at 150 %, presenting").
     */
    protected final java.util.List<String> atEachZoomAndMode(org.testfx.api.FxRobot robot, Locale language,
            int[] zooms, java.util.function.Function<String, java.util.List<String>> check) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (int zoom : zooms) {
            for (boolean presenting : new boolean[] {false, true}) {
                robot.interact(() -> {
                    window.setZoom(zoom);
                    window.setPresenting(presenting);
                });
                settle(robot, 3);
                String where = language + " at " + zoom + " %" + (presenting ? ", presenting" : "");
                problems.addAll(UiWait.onFx(() -> check.apply(where)));
            }
        }
        return problems;
    }
}
