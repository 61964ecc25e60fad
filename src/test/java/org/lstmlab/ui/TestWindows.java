package org.lstmlab.ui;

import java.util.Locale;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lstmlab.ui.common.Settings;
import org.testfx.util.WaitForAsyncUtils;

/** The main window as the UI tests open and close it: a language, settings kept in memory, a stage of one size. */
public final class TestWindows {
    private TestWindows() {
    }

    /** Shows a new main window on {@code stage} (call from a test's {@code @Start} method, on the FX thread). */
    public static MainWindow show(Stage stage, Locale language, int width, int height) {
        MainWindow window = MainWindow.create(language, Settings.inMemory());
        stage.setScene(new Scene(window.root(), width, height));
        stage.sizeToScene();   // TestFX's one stage keeps a size a test gave it; every test starts at its own
        stage.show();
        return window;
    }

    /**
     * Keeps lesson progress in a new, empty folder from now on (call before {@link #show}): every lesson opens at its
     * first step, whatever the tests before did. Returns the folder before, or null, for
     * {@link #restoreLessonProgress} after the test, so that no test leaves the next its folder.
     */
    public static String newLessonProgress() {
        String before = System.getProperty("lstmlab.home");
        System.setProperty("lstmlab.home", System.getProperty("java.io.tmpdir") + "/lstmlab-test-" + System.nanoTime());
        return before;
    }

    /** Gives back the lesson progress's folder that {@link #newLessonProgress} returned (null: none was set). */
    public static void restoreLessonProgress(String before) {
        if (before == null) {
            System.clearProperty("lstmlab.home");
        } else {
            System.setProperty("lstmlab.home", before);
        }
    }

    /** Stops the window's background work and timers, waiting for the FX thread to do it. */
    public static void close(MainWindow window) throws Exception {
        WaitForAsyncUtils.asyncFx(window::shutdown).get();
    }
}
