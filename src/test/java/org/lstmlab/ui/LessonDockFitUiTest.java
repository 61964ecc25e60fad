package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.lstmlab.ui.learn.LearnViewModel;
import org.testfx.api.FxRobot;

/**
 * At 1024 × 768, beside the debugger, each step of every built-in lesson shows its text and its exercise in the
 * lesson dock without scrolling, before the student answers, in English and in Chinese. Each lesson is walked
 * whole, "Show me" on each step, in English, then back in Chinese (about 90 s for the fourteen). Three steps did
 * not fit: vanishing-gradient's step with two tables (322 px too tall in English, 169 px in Chinese) is now three
 * steps, its last step (46 px) no longer repeats the trained LSTM's numbers, and gru-gates' first step (52 px in
 * English) says the same in fewer words.
 */
class LessonDockFitUiTest extends MainWindowUiBase {
    @Override
    protected boolean newLessonProgress() {
        return true;
    }

    /** "Show me", and the step's overflow once it has done its work; a step that does not fit is listed. */
    private void measure(FxRobot robot, LearnViewModel vm, String lesson, String lang, List<String> tooTall) {
        robot.interact(vm::showMe);
        UiWait.until("the step's work", () -> !vm.busyProperty().get());
        double over = settledDockOverflow(robot);
        if (over > 0.5) {
            tooTall.add(lesson + " step " + (vm.stepProperty().get() + 1) + " " + lang + ": " + Math.round(over)
                    + " px too tall");
        }
    }

    static List<String> lessons() {
        return org.lstmlab.engine.lessons.Lessons.ids();
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("lessons")
    void everyStepFitsTheDockBeforeTheAnswerInEnglishAndChinese(String lesson, FxRobot robot) {
        LearnViewModel vm = window.learnView().viewModel();
        robot.interact(() -> vm.open(lesson));
        UiWait.until("the lesson's first step", () -> vm.stepProperty().get() == 0 && !vm.busyProperty().get());
        int steps = UiWait.onFx(() -> vm.lessonProperty().get().steps().size());
        List<String> tooTall = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            if (s > 0) {
                robot.interact(vm::next);
                int at = s;
                UiWait.until("step " + (s + 1), () -> vm.stepProperty().get() == at && !vm.busyProperty().get());
            }
            measure(robot, vm, lesson, "en", tooTall);
        }
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        LearnViewModel chinese = window.learnView().viewModel();   // the views are built anew in Chinese
        UiWait.until("the last step in Chinese", () -> !chinese.busyProperty().get()
                && chinese.stepProperty().get() == steps - 1
                && java.util.regex.Pattern.compile("\\p{IsHan}").matcher(chinese.textProperty().get()).find());
        for (int s = steps - 1; s >= 0; s--) {
            if (s < steps - 1) {
                robot.interact(chinese::back);
                int at = s;
                UiWait.until("step " + (s + 1), () -> chinese.stepProperty().get() == at
                        && !chinese.busyProperty().get());
            }
            measure(robot, chinese, lesson, "zh", tooTall);
        }
        assertEquals(List.of(), tooTall, "steps taller than the lesson dock at 1024 × 768");
    }
}
