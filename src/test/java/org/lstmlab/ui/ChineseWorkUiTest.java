package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Work done in the Chinese window speaks Chinese: a lesson followed step by step (Show me, a wrong answer, a typed
 * answer that is not a number, a hint, the answer revealed) and a comparison of the three cells run to its end
 * (the chart's legend and axes, the checkup, the list of tasks not solved). Every text on the screen is searched for
 * English after each step ({@link ScreenText}, {@link EnglishWords}).
 */
class ChineseWorkUiTest extends ChineseWindowUiBase {
    private void look(String what) {
        look(what, UiWait.onFx(ScreenText::ofShowingWindows), List.of("abc"));  // the answer typed
    }

    @Test
    void aLessonSpeaksChineseStepByStep(FxRobot robot) {
        var learn = window.learnView().viewModel();
        robot.interact(() -> window.selectTab("learn"));
        robot.interact(() -> learn.open("one-step-by-hand"));
        UiWait.until("the lesson's first step", () -> learn.stepProperty().get() == 0 && !learn.busyProperty().get());
        int exercises = 0;
        for (int k = 0; k < 3; k++) {
            robot.interact(learn::showMe);
            UiWait.until("Show me done", () -> !learn.busyProperty().get());
            look("step " + k + " after Show me");
            if (UiWait.onFx(() -> learn.exerciseProperty().get()) != null) {
                exercises++;
                for (String answer : List.of("abc", "12345")) {
                    robot.interact(() -> learn.checkNumber(answer));
                    UiWait.until("the verdict on " + answer, () -> !learn.busyProperty().get());
                    look("step " + k + " answered " + answer);
                }
                robot.interact(learn::hint);
                look("step " + k + " with a hint");
                robot.interact(learn::reveal);
                UiWait.until("the answer revealed", () -> !learn.busyProperty().get());
                look("step " + k + " revealed");
            }
            int next = k + 1;
            robot.interact(learn::next);
            UiWait.until("the next step", () -> learn.stepProperty().get() == next && !learn.busyProperty().get());
        }
        assertTrue(exercises > 0, "an exercise was answered");
        assertNoEnglish();
    }

    @Test
    void aComparisonSpeaksChineseWhenItEnds(FxRobot robot) {
        var compare = window.compareView().viewModel();
        robot.interact(() -> window.selectTab("compare"));
        robot.interact(() -> {
            compare.lengthsProperty().set("5, 8");
            compare.epochsProperty().set(1);
            compare.samplesProperty().set(200);
            compare.start();
        });
        UiWait.until("the comparison's end", () -> !compare.runningProperty().get()
                && compare.snapshotProperty().get() != null);
        look("a comparison run");
        assertNoEnglish();
    }
}
