package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.Drawn;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.TestWindows;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.I18n;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lesson panel docked at 1024 × 768: a title long enough to wrap ("Exploding gradients and clipping") leaves
 * the Close button its whole label, in English and in Chinese.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LessonPanelLabelsUiTest {
    private MainWindow window;
    /** The lesson progress's folder before this test took a new one, given back after it. */
    private String home;

    @AfterEach
    void closeWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(window::shutdown).get();
        TestWindows.restoreLessonProgress(home);
    }

    @Start
    void start(Stage stage) {
        home = TestWindows.newLessonProgress();
        window = MainWindow.create(I18n.bundle(Locale.ENGLISH));
        stage.setScene(new Scene(window.root(), 1024, 768));
        stage.show();
    }

    private void assertCloseReadsWhole(FxRobot robot, String label) {
        LearnViewModel vm = window.learnView().viewModel();
        UiWait.until("the lesson docked", () -> !vm.busyProperty().get() && vm.lessonProperty().get() != null
                && robot.lookup("#closeLesson").tryQuery().isPresent());
        Labeled close = robot.lookup("#closeLesson").queryAs(Labeled.class);
        assertEquals(label, close.getText());
        assertEquals(label, UiWait.onFx(() -> Drawn.text(close)), "the Close button is cut short");
    }

    @Test
    void aLongTitleLeavesCloseItsLabel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.learnView().viewModel().open("exploding-gradient")).get();
        assertCloseReadsWhole(robot, "Close lesson");
        WaitForAsyncUtils.asyncFx(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE)).get();
        assertCloseReadsWhole(robot, "关闭课程");
    }
}
