package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;

import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.MainWindowUiBase;
import org.lstmlab.ui.UiWait;
import org.testfx.api.FxRobot;

/**
 * What the exercise says under its buttons, at 1024 × 768. A step solved before opens at the top of its prose, like
 * any other step: before, the note "You solved this one before" counted as a verdict and the lesson pane scrolled
 * down to it, so a teacher who had tried the lesson out before class found the first paragraph of every such step
 * scrolled out of sight. And "Show the answer" quotes the right choice as the lesson writes it, its formula drawn:
 * before, it read "The answer: practically nothing, less than $10^{-15}$." with the dollars and the braces.
 */
class ExerciseVerdictUiTest extends MainWindowUiBase {
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
        // a short window (a laptop at 125 %): the step is taller than the pane, which it no longer is at 768 px
        robot.interact(() -> scroll.getScene().getWindow().setHeight(560));
        settle(robot, 2);

        robot.interact(() -> vm.choose(1));   // the right prediction: the step counts as solved
        UiWait.until("the explanation", () -> !vm.busyProperty().get() && vm.exerciseProperty().get().explanation()
                != null);
        UiWait.until("the pane scrolled down to the verdict and the explanation", () -> inSight(robot, "#feedback",
                scroll) && inSight(robot, "#explanation", scroll), () -> "at " + scroll.getVvalue() + ", "
                + scroll.getContent().getLayoutBounds().getHeight() + " px of content in "
                + scroll.getViewportBounds().getHeight());

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

    @Test
    void theAnswerGivenAwayDrawsTheFormulaOfTheRightChoice(FxRobot robot) {
        LearnViewModel vm = window.learnView().viewModel();
        robot.interact(() -> vm.open("squashed-cell"));
        for (int k = 1; k <= 2; k++) {
            int step = k;
            UiWait.until("step " + (k - 1), () -> vm.stepProperty().get() == step - 1 && !vm.busyProperty().get());
            robot.interact(vm::next);
        }
        UiWait.until("the third step, a choice", () -> vm.stepProperty().get() == 2 && !vm.busyProperty().get());
        robot.interact(vm::reveal);
        UiWait.until("the answer given", () -> !vm.busyProperty().get() && vm.exerciseProperty().get().explanation()
                != null);
        settle(robot, 1);
        TextFlow feedback = robot.lookup("#feedback").queryAs(TextFlow.class);
        String said = UiWait.onFx(() -> words(feedback));
        assertTrue(said.startsWith("The answer: practically nothing, less than"), said);
        assertFalse(said.contains("$"), "no LaTeX source: " + said);
        assertTrue(UiWait.onFx(() -> feedback.getChildren().stream().anyMatch(n -> n instanceof ImageView
                || n instanceof TextFlow word && word.getChildren().get(0) instanceof ImageView)),
                "10^-15 is drawn as a formula (with the full stop after it, as one word)");
    }

    /** Whether the top of the node {@code query} finds is in the pane's visible part. */
    private static boolean inSight(FxRobot robot, String query, ScrollPane pane) {
        return robot.lookup(query).tryQuery().map(n -> {
            javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
            javafx.geometry.Bounds p = pane.localToScene(pane.getLayoutBounds());
            return b.getMinY() >= p.getMinY() && b.getMinY() + 10 <= p.getMaxY();
        }).orElse(false);
    }

    /** The words of a flow of prose, its formulas left out, without the line break that ends it. */
    static String words(TextFlow flow) {
        return flow.getChildren().stream().filter(n -> n instanceof Text).map(n -> ((Text) n).getText())
                .collect(Collectors.joining()).strip();
    }
}
