package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.TestWindows;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lesson clicked through as a student would: open it in the Learn tab, the panel docks beside the debugger,
 * "Show me" sets the debugger up, and the number the debugger shows is the one the lesson checks the answer against.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LearnUiTest {
    private MainWindow window;
    /** The lesson progress's folder before this test took a new one, given back after it. */
    private String home;

    /** Stops the window's timers and workers, so that it can be collected. */
    @AfterEach
    void closeWindow() throws Exception {
        org.testfx.util.WaitForAsyncUtils.asyncFx(window::shutdown).get();
        TestWindows.restoreLessonProgress(home);
    }

    @Start
    void start(Stage stage) {
        home = TestWindows.newLessonProgress();
        window = MainWindow.create(I18n.bundle(Locale.ENGLISH));
        stage.setScene(new Scene(window.root(), 1250, 780));
        stage.show();
    }

    @Test
    void showMeSetsTheDebuggerToTheNumbersTheLessonChecks(FxRobot robot) throws Exception {
        robot.clickOn("Learn");
        robot.clickOn("#openLesson");
        LearnViewModel vm = window.learnView().viewModel();
        UiWait.until("the lesson's first step", () -> vm.stepProperty().get() == 0 && !vm.busyProperty().get());
        SplitPane split = robot.lookup("#mainSplit").queryAs(SplitPane.class);
        assertEquals(2, split.getItems().size(), "the lesson docks beside the tabs");
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("Debugger", tabs.getSelectionModel().getSelectedItem().getText());

        robot.clickOn("#lessonNext");
        UiWait.until("the lesson's second step", () -> vm.stepProperty().get() == 1 && !vm.busyProperty().get());
        robot.clickOn("#showMe");
        DebuggerViewModel debugger = window.debugger().viewModel();
        UiWait.until("the lesson's trace (H = 2, T = 5) in the debugger", () -> {
            Trace tr = debugger.trace();
            return tr != null && tr.hiddenSize() == 2 && tr.steps() == 5 && !debugger.busyProperty().get();
        });
        double shown = debugger.trace().value("i", 0, 0, 0, 0);
        UiWait.until("the input gate's equation highlighted",
                () -> "lstm.i".equals(debugger.highlights().equationProperty().get()));

        robot.clickOn("#answerField").write(String.format(Locale.ROOT, "%.4f", shown));
        robot.clickOn("#checkAnswer");
        UiWait.until("the answer to be checked", () -> vm.exerciseProperty().get().right() != null);
        assertEquals(Boolean.TRUE, vm.exerciseProperty().get().right(), "the debugger's i_1[0] is the lesson's answer");
        assertTrue(robot.lookup("#explanation").tryQuery().isPresent());

        robot.interact(() -> debugger.stepper().setDirection(org.lstmlab.engine.trace.Direction.BACKWARD));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#eq-lstm-dW_hh").tryQuery().isPresent(),
                "backward mode shows that the weight gradients are sums over time");

        robot.clickOn("#closeLesson");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, split.getItems().size());

        // a teacher resets the lesson before the class: it is still the one chosen, and the reset can be undone
        robot.clickOn("Learn");
        javafx.scene.control.Button reset = robot.lookup("#forgetLesson").queryButton();
        assertTrue(!reset.isDisabled(), "the lesson closed is still chosen, and it has progress to reset");
        robot.clickOn(reset);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("\u201cOne LSTM step by hand\u201d starts afresh: from step 1, no exercise solved.",
                robot.lookup("#lessonForgotten").queryLabeled().getText());
        assertTrue(robot.lookup("#lessonForgotten").query().isVisible() && reset.isDisabled());
        assertEquals(0, vm.lessons().get(0).solved());
        robot.clickOn("#undoForget");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.lessons().get(0).solved(), "the undo gives the exercise back");
        assertTrue(!robot.lookup("#undoForget").query().isVisible() && !reset.isDisabled());
    }
}
