package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A lesson's step without an exercise shows no exercise box, from the first step opened (before, the first lesson
 * opened in a window showed an empty framed box under its text until a step with an exercise came and went).
 */
class LessonWithoutExerciseUiTest extends MainWindowUiBase {
    @Override
    protected boolean newLessonProgress() {
        return true;  // the first lesson left at its second step would not be where the next tests expect it
    }

    private static boolean shown(FxRobot robot) {
        Node box = robot.lookup("#exerciseBox").query();
        return UiWait.onFx(() -> box.isVisible() && box.isManaged());
    }

    @Test
    void noEmptyExerciseBox(FxRobot robot) {
        LessonAt.open(robot, window, "one-step-by-hand", 0);
        assertTrue(UiWait.onFx(() -> window.learnView().viewModel().exerciseProperty().get() == null),
                "the first step asks nothing");
        assertFalse(shown(robot), "no exercise box on the first step");
        LessonAt.open(robot, window, "one-step-by-hand", 1);
        assertTrue(shown(robot), "the second step's exercise");
    }
}
