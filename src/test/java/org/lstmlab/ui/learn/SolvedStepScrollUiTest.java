package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.MainWindowUiBase;
import org.lstmlab.ui.UiWait;
import org.testfx.api.FxRobot;

/**
 * A step solved before opens at the top of its prose, like any other step, at 1024 × 768. Before, the note "You
 * solved this one before" counted as a verdict and the lesson pane scrolled down to it, so a teacher who had tried the
 * lesson out before class found the first paragraph of every such step scrolled out of sight.
 */
class SolvedStepScrollUiTest extends MainWindowUiBase {
    @Override
    protected boolean newLessonProgress() {
        return true;
    }

    @Test
    void aStepSolvedBeforeOpensAtTheTopAndAVerdictStillScrollsDown(FxRobot robot) {
        LearnViewModel vm = window.learnView().viewModel();
        robot.interact(() -> vm.open("squashed-cell"));
        UiWait.until("the lesson's first step", () -> vm.stepProperty().get() == 0 && !vm.busyProperty().get());
        ScrollPane scroll = robot.lookup(".lesson-scroll").queryAs(ScrollPane.class);

        robot.interact(() -> vm.choose(1));   // the right prediction: the step counts as solved
        UiWait.until("the explanation", () -> !vm.busyProperty().get() && vm.exerciseProperty().get().explanation()
                != null);
        UiWait.until("the pane scrolled down to the verdict", () -> scroll.getVvalue() == 1);

        robot.interact(vm::next);
        UiWait.until("the second step", () -> vm.stepProperty().get() == 1 && !vm.busyProperty().get());
        robot.interact(vm::back);
        UiWait.until("the first step again", () -> vm.stepProperty().get() == 0 && !vm.busyProperty().get());
        settle(robot, 2);
        assertEquals(window.i18n().getString("learn.solvedBefore"), UiWait.onFx(() ->
                vm.exerciseProperty().get().feedback()), "the step says it was solved before");
        assertTrue(UiWait.onFx(() -> scroll.getContent().getLayoutBounds().getHeight()
                > scroll.getViewportBounds().getHeight()), "the step is taller than the pane, so it scrolls");
        assertEquals(0, UiWait.onFx(scroll::getVvalue), 1e-9, "its prose starts at the top");
    }
}
