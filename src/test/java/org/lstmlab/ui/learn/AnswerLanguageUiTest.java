package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.MainWindowUiBase;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.I18n;
import org.testfx.api.FxRobot;

/**
 * A student who checked an answer to the first lesson's exercise, then typed another, and asked for a hint, keeps
 * all of it through View ▸ Language: the verdict in the new language, the hint, and the number being typed.
 * Before, the reopened lesson showed the exercise as if it had never been answered.
 */
class AnswerLanguageUiTest extends MainWindowUiBase {
    private static final ResourceBundle EN = I18n.bundle(Locale.ENGLISH);
    private static final ResourceBundle ZH = I18n.bundle(Locale.SIMPLIFIED_CHINESE);

    @Override
    protected boolean newLessonProgress() {
        return true;
    }

    private static String text(FxRobot robot, String id) {
        return UiWait.onFx(() -> robot.lookup(id).tryQuery().map(n -> n instanceof TextField f ? f.getText()
                : n instanceof TextFlow flow ? ExerciseVerdictUiTest.words(flow) : ((Label) n).getText())
                .orElse(null));
    }

    /** Types {@code number} into the answer field, over what it held, as a student does. */
    private static void type(FxRobot robot, String number) {
        TextField field = robot.lookup("#answerField").queryAs(TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        robot.write(number);
        UiWait.until("typed " + number, () -> number.equals(field.getText()));
    }

    private static void press(FxRobot robot, String button) {
        robot.interact(() -> robot.lookup(button).queryAs(Button.class).fire());
    }

    @Test
    void theAnswerAndItsVerdictOutliveTheLanguageSwitch(FxRobot robot) {
        LearnViewModel en = window.learnView().viewModel();
        robot.clickOn("Learn");
        robot.clickOn("#openLesson");
        UiWait.until("the first step", () -> en.stepProperty().get() == 0 && !en.busyProperty().get());
        robot.clickOn("#lessonNext");
        UiWait.until("the exercise", () -> en.stepProperty().get() == 1 && !en.busyProperty().get()
                && robot.lookup("#answerField").tryQuery().isPresent());
        type(robot, "0.9");
        press(robot, "#checkAnswer");
        UiWait.until("the verdict", () -> EN.getString("learn.wrong").equals(text(robot, "#feedback")));
        press(robot, "#hint");
        UiWait.until("a hint", () -> en.exerciseProperty().get().hints().size() == 1);
        type(robot, "0.55");

        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        LearnViewModel zh = window.learnView().viewModel();
        UiWait.until("the lesson again, in Chinese, answered", () -> zh != en && zh.stepProperty().get() == 1
                && !zh.busyProperty().get() && ZH.getString("learn.wrong").equals(text(robot, "#feedback")),
                () -> text(robot, "#feedback"));
        assertEquals("0.55", text(robot, "#answerField"), "the number being typed stays");
        assertEquals(1, zh.exerciseProperty().get().hints().size(), "so does the hint");
        assertTrue(zh.exerciseProperty().get().hints().get(0).chars().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff),
                "in Chinese: " + zh.exerciseProperty().get().hints());
        assertEquals(Boolean.FALSE, zh.exerciseProperty().get().right());
    }
}
