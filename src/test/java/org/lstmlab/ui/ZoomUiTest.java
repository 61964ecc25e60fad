package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.common.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Ctrl + / Ctrl − / Ctrl 0 and Ctrl + wheel scale every view together, and the zoom is remembered. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ZoomUiTest {
    private MainWindow window;
    private final Settings settings = Settings.inMemory();

    @Start
    void start(Stage stage) {
        window = MainWindow.create(Locale.ENGLISH, settings);
        stage.setScene(new Scene(window.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(window::shutdown).get();
    }

    private Node equationName(FxRobot robot) {
        return robot.from(robot.lookup(".debugger")).lookup(".equation-name").query();
    }

    private double size(FxRobot robot, Node node) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Measure.screenFontSize(node)).get();
    }

    @Test
    void zoomingTo200PercentDoublesTheEquationPanelsTextAndCtrl0ResetsIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.from(robot.lookup(".debugger"))
                .lookup(".equation-name").tryQuery().isPresent());
        Node name = equationName(robot);
        double before = size(robot, name);
        double width = WaitForAsyncUtils.asyncFx(() -> name.localToScene(name.getBoundsInLocal()).getWidth()).get();

        for (int k = 0; k < 5; k++) {  // 100 → 110 → 125 → 150 → 175 → 200
            robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.zoom() == 200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2 * before, size(robot, name), 0.01, "the equation's name is twice as high");
        double grown = WaitForAsyncUtils.asyncFx(() -> name.localToScene(name.getBoundsInLocal()).getWidth()).get();
        assertEquals(2 * width, grown, 1.0, "and twice as wide");
        assertEquals(200, settings.zoom(), "remembered");

        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.zoom() == 175);
        robot.push(KeyCode.CONTROL, KeyCode.ADD);  // the keypad's +
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.zoom() == 200);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.zoom() == 100);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, size(robot, name), 0.01);
        assertEquals(100, settings.zoom());
    }

    @Test
    void ctrlAndTheMouseWheelZoomAndAPlainWheelDoesNot(FxRobot robot) throws Exception {
        robot.moveTo(robot.lookup("#mainTabs").queryAs(Node.class));
        robot.scroll(1, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(100, window.zoom(), "a wheel without Ctrl scrolls, it does not zoom");
        robot.press(KeyCode.CONTROL).scroll(1, VerticalDirection.UP).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.zoom() != 100);
        int first = window.zoom();
        assertTrue(first == 90 || first == 110, "one step: " + first);
        robot.press(KeyCode.CONTROL).scroll(1, VerticalDirection.DOWN).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.zoom() == 100);
    }

    @Test
    void theZoomIsClampedAndAWindowStartsAtTheRememberedZoom() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (int k = 0; k < 20; k++) {
                window.zoomBy(1);
            }
        }).get();
        assertEquals(300, window.zoom());
        WaitForAsyncUtils.asyncFx(() -> {
            for (int k = 0; k < 20; k++) {
                window.zoomBy(-1);
            }
        }).get();
        assertEquals(75, window.zoom());
        settings.setZoom(150);
        MainWindow second = WaitForAsyncUtils.asyncFx(() -> MainWindow.create(Locale.ENGLISH, settings)).get();
        try {
            assertEquals(150, second.zoom());
        } finally {
            WaitForAsyncUtils.asyncFx(second::shutdown).get();
        }
    }
}
