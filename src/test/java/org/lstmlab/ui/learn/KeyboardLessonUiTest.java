package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.TestWindows;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A lesson used from the keyboard alone, at 1024 × 768: Enter on a lesson in the list opens it (before, the list
 * swallowed Enter and only a mouse double-click or Tab to Start did), and after a typed answer is checked with Enter
 * or a hint is asked for, the focus stays in the exercise and the typed number stays in its field (before, the
 * exercise was laid out anew: the field came back empty and the focus fell back to the tabs).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class KeyboardLessonUiTest {
    private MainWindow window;
    /** The lesson progress's folder before this test took a new one, given back after it. */
    private String home;
    private Scene scene;

    @Start
    void start(Stage stage) {
        home = TestWindows.newLessonProgress();
        window = MainWindow.create(Locale.ENGLISH, Settings.inMemory());
        scene = new Scene(window.root(), 1024, 768);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        TestWindows.close(window);
        TestWindows.restoreLessonProgress(home);
    }

    private String focused() {
        return UiWait.onFx(() -> {
            Node n = scene.getFocusOwner();
            return n == null ? "" : String.valueOf(n.getId());
        });
    }

    @Test
    void aLessonFromTheKeyboard(FxRobot robot) {
        LearnViewModel vm = window.learnView().viewModel();
        robot.interact(() -> robot.lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().selectLast());
        robot.interact(() -> robot.lookup("#lessonList").query().requestFocus());
        robot.push(KeyCode.DOWN);
        String second = UiWait.onFx(() -> robot.lookup("#lessonList").queryAs(ListView.class).getItems().get(1)
                instanceof LearnViewModel.LessonItem item ? item.id() : "");
        robot.push(KeyCode.ENTER);
        UiWait.until("Enter opens the lesson chosen in the list", () -> vm.lessonProperty().get() != null
                && vm.stepProperty().get() == 0 && !vm.busyProperty().get());
        assertEquals(second, vm.lessonProperty().get().id());
        UiWait.until("its first step asks for a number", () -> robot.lookup("#answerField").tryQuery().isPresent());

        robot.interact(() -> robot.lookup("#answerField").query().requestFocus());
        robot.write("0.1");
        robot.push(KeyCode.ENTER);
        UiWait.until("the verdict", () -> vm.exerciseProperty().get().right() != null && !vm.busyProperty().get());
        assertEquals(Boolean.FALSE, vm.exerciseProperty().get().right());
        assertEquals("answerField", focused(), "the focus stays in the answer's field");
        assertEquals("0.1", UiWait.onFx(() -> robot.lookup("#answerField").queryAs(TextField.class).getText()),
                "the wrong number stays there to be corrected");

        robot.interact(() -> robot.lookup("#hint").query().requestFocus());
        robot.push(KeyCode.SPACE);
        UiWait.until("the hint", () -> !vm.exerciseProperty().get().hints().isEmpty());
        assertEquals("answerField", focused(), "the lesson's only hint shown: the focus goes to the answer");
        assertEquals("0.1", UiWait.onFx(() -> robot.lookup("#answerField").queryAs(TextField.class).getText()));
    }
}
