package org.lstmlab.ui;

import java.lang.ref.WeakReference;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.common.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A window that was shut down and left the stage can be collected: no timer, thread or listener of the toolkit
 * keeps it (each test JVM opens dozens of windows; one that stayed held its tabs' data sets, and the training runs
 * of later tests were refused for want of memory).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ClosedWindowIsCollectedUiTest {
    private Stage stage;
    private WeakReference<MainWindow> ref;

    @Start
    void start(Stage s) {
        stage = s;
        MainWindow window = MainWindow.create(Locale.ENGLISH, Settings.inMemory());
        stage.setScene(new Scene(window.root(), 1024, 768));
        stage.show();
        ref = new WeakReference<>(window);
    }

    @Test
    void aShutDownWindowIsGarbage(FxRobot robot) {
        UiWait.until("the first trace", () -> ref.get().debugger().viewModel().trace() != null);
        robot.interact(() -> {
            ref.get().shutdown();
            stage.setScene(new Scene(new Pane(), 100, 100));
        });
        UiWait.until("the window collected", () -> {
            System.gc();
            return ref.get() == null;
        });
    }
}
