package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.common.LatexView;
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
        TestWindows.close(window);
    }

    private Node equationName(FxRobot robot) {
        return robot.from(robot.lookup(".debugger")).lookup(".equation-name").query();
    }

    private double size(FxRobot robot, Node node) throws Exception {
        return UiWait.onFx(() -> Measure.screenFontSize(node));
    }

    @Test
    void zoomingTo200PercentDoublesTheEquationPanelsTextAndCtrl0ResetsIt(FxRobot robot) throws Exception {
        UiWait.until("robot.from(robot.lookup('.debugger')) .lookup('.equation-name').tryQuery().isPresent()",
                () -> robot.from(robot.lookup(".debugger")).lookup(".equation-name").tryQuery().isPresent());
        Node name = equationName(robot);
        double before = size(robot, name);
        double width = UiWait.onFx(() -> name.localToScene(name.getBoundsInLocal()).getWidth());

        for (int k = 0; k < 5; k++) {  // 100 → 110 → 125 → 150 → 175 → 200
            robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        }
        UiWait.until("window.zoom() == 200", () -> window.zoom() == 200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2 * before, size(robot, name), 0.01, "the equation's name is twice as high");
        double grown = UiWait.onFx(() -> name.localToScene(name.getBoundsInLocal()).getWidth());
        assertEquals(2 * width, grown, 1.0, "and twice as wide");
        assertEquals(200, settings.zoom(), "remembered");

        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        UiWait.until("window.zoom() == 175", () -> window.zoom() == 175);
        robot.push(KeyCode.CONTROL, KeyCode.ADD);  // the keypad's +
        UiWait.until("window.zoom() == 200", () -> window.zoom() == 200);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        UiWait.until("window.zoom() == 100", () -> window.zoom() == 100);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, size(robot, name), 0.01);
        assertEquals(100, settings.zoom());
    }

    /**
     * The equations are bitmaps: above 100 % they are drawn again at the zoom (times the screen's output scale)
     * instead of being stretched, so their pixels follow the zoom while their place in the layout stays the same.
     */
    @Test
    void theEquationsAreDrawnAtTheZoomSoTheyStaySharp(FxRobot robot) throws Exception {
        UiWait.until("an equation is shown", () -> robot.from(robot.lookup(".debugger"))
                .lookup(".equation-row .latex").tryQuery().isPresent());
        LatexView math = robot.from(robot.lookup(".debugger")).lookup(".equation-row .latex").query();
        double screen = UiWait.onFx(() -> math.getScene().getWindow().getOutputScaleX());
        double width = UiWait.onFx(math::getFitWidth);
        assertEquals(screen * width, UiWait.onFx(() -> math.getImage().getWidth()), 2 * screen,
                "at 100 % one bitmap pixel per screen pixel");

        WaitForAsyncUtils.asyncFx(() -> window.setZoom(200)).get();
        UiWait.until("drawn again at 200 %", () -> math.density() == 2 * screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2 * screen * width, UiWait.onFx(() -> math.getImage().getWidth()), 4 * screen,
                "twice the pixels in each direction");
        assertEquals(width, UiWait.onFx(math::getFitWidth), 1e-9, "the same place in the layout");
        assertEquals(2 * width, UiWait.onFx(() -> math.localToScene(math.getBoundsInLocal()).getWidth()), 1.0,
                "shown twice as wide");

        WaitForAsyncUtils.asyncFx(() -> window.setZoom(300)).get();
        UiWait.until("drawn again at 300 %", () -> math.density() == 3 * screen);
        assertEquals(3 * screen * width, UiWait.onFx(() -> math.getImage().getWidth()), 6 * screen);
    }

    @Test
    void ctrlAndTheMouseWheelZoomAndAPlainWheelDoesNot(FxRobot robot) throws Exception {
        robot.moveTo(robot.lookup("#mainTabs").queryAs(Node.class));
        robot.scroll(1, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(100, window.zoom(), "a wheel without Ctrl scrolls, it does not zoom");
        robot.press(KeyCode.CONTROL).scroll(1, VerticalDirection.UP).release(KeyCode.CONTROL);
        UiWait.until("window.zoom() != 100", () -> window.zoom() != 100);
        int first = window.zoom();
        assertTrue(first == 90 || first == 110, "one step: " + first);
        robot.press(KeyCode.CONTROL).scroll(1, VerticalDirection.DOWN).release(KeyCode.CONTROL);
        UiWait.until("window.zoom() == 100", () -> window.zoom() == 100);
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
        MainWindow second = UiWait.onFx(() -> MainWindow.create(Locale.ENGLISH, settings));
        try {
            assertEquals(150, second.zoom());
        } finally {
            WaitForAsyncUtils.asyncFx(second::shutdown).get();
        }
    }
}
