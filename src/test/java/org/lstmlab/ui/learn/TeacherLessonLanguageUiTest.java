package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.TestWindows;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A teacher's lesson file, open at its second step, when View ▸ Language switches to Chinese: the same lesson comes
 * back in Chinese at the same step. Before, the window reopened it by its id among the built-in lessons, and a file
 * of the teacher's own was closed with "no built-in lesson" (and one that reused a built-in id was replaced by the
 * built-in lesson).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TeacherLessonLanguageUiTest {
    @TempDir
    Path dir;
    private MainWindow window;
    /** The lesson progress's folder before this test took a new one, given back after it. */
    private String home;

    @Start
    void start(Stage stage) {
        home = TestWindows.newLessonProgress();
        window = MainWindow.create(Locale.ENGLISH, Settings.inMemory());
        stage.setScene(new Scene(window.root(), 1024, 768));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        TestWindows.close(window);
        TestWindows.restoreLessonProgress(home);
    }

    private Path teacherLesson() throws IOException {
        Path file = dir.resolve("我的一课.yaml");
        Files.writeString(file, """
                id: our-lesson
                title: {en: Our own lesson, zh: 我们自己的一课}
                steps:
                  - text: {en: first, zh: 第一步}
                  - text: {en: second, zh: 第二步}
                """, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theTeachersLessonStaysOpenInTheNewLanguage(FxRobot robot) throws IOException {
        Path file = teacherLesson();
        LearnViewModel en = window.learnView().viewModel();
        robot.interact(() -> en.openFile(file));
        UiWait.until("the teacher's lesson", () -> en.stepProperty().get() == 0 && !en.busyProperty().get());
        robot.interact(en::next);
        UiWait.until("its second step", () -> en.stepProperty().get() == 1 && !en.busyProperty().get());

        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        LearnViewModel zh = window.learnView().viewModel();
        UiWait.until("the lesson again, in Chinese", () -> !zh.busyProperty().get() && zh.stepProperty().get() >= 0
                || !zh.errorProperty().get().isEmpty(), () -> zh.errorProperty().get());
        assertEquals("", zh.errorProperty().get());
        assertEquals("我们自己的一课", zh.titleProperty().get());
        assertEquals(1, zh.stepProperty().get());
        assertEquals("第二步", zh.textProperty().get().strip());
    }

    /**
     * A number typed where a placeholder belongs: the lesson plays, and the pane shows the note above the step's
     * text, on the next step too, and again in Chinese after View ▸ Language.
     */
    @Test
    void aTypedNumberIsANoteOnEveryStepInEitherLanguage(FxRobot robot) throws IOException {
        Path file = dir.resolve("typed.yaml");
        Files.writeString(file, """
                id: typed
                title: {en: Typed, zh: 手写}
                steps:
                  - text: {en: "z is 0.350.", zh: "z 是 0.350。"}
                  - text: {en: second, zh: 第二步}
                """, StandardCharsets.UTF_8);
        LearnViewModel en = window.learnView().viewModel();
        robot.interact(() -> en.openFile(file));
        UiWait.until("the teacher's lesson", () -> en.stepProperty().get() == 0 && !en.busyProperty().get());
        Label notes = robot.lookup("#lessonNotes").queryAs(Label.class);
        assertTrue(notes.isVisible());
        assertTrue(notes.getText().endsWith("\n\u2022 typed.yaml:4: step 1 (steps[0].text): the number 0.350 is "
                + "typed into the en and zh texts"), notes.getText());
        robot.interact(en::next);
        UiWait.until("its second step", () -> en.stepProperty().get() == 1 && !en.busyProperty().get());
        assertTrue(robot.lookup("#lessonNotes").queryAs(Label.class).isVisible(), "the note stays");

        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        LearnViewModel zh = window.learnView().viewModel();
        UiWait.until("the lesson again, in Chinese", () -> !zh.busyProperty().get() && zh.stepProperty().get() == 1);
        Label again = robot.lookup("#lessonNotes").queryAs(Label.class);
        assertTrue(again.isVisible());
        assertTrue(again.getText().endsWith("\n\u2022 typed.yaml 第 4 行，第 1 步（steps[0].text）：英文（en）和中文（zh）文字里"
                + "直接写了数字 0.350"), again.getText());
        robot.interact(zh::close);
        assertFalse(again.isVisible(), "closed, the lesson has none");
    }
}
