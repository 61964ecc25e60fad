package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmlab.engine.lessons.Exercise;
import org.lstmlab.engine.lessons.Lessons;
import org.lstmlab.ui.MainWindowUiBase;
import org.lstmlab.ui.UiWait;
import org.testfx.api.FxRobot;

/**
 * At 1024 × 768, beside the debugger, the feedback an answer brings (the verdict, why a choice is wrong, the
 * explanation) is in the lesson dock's view without the student scrolling, on every step of every built-in lesson,
 * in English and in Chinese: the dock scrolls to it, and it is no taller than the dock. Each step is answered wrong
 * (each wrong choice in turn, a wrong number, or the wrong prediction that says the most) and then right, as a
 * student who tries again does (5 to 8 minutes for the fourteen lessons, most of it their training runs). After the
 * answer, eight steps make the dock scroll by 240 px or more in English (short-range's first by 428 px): the dock
 * scrolls down to the feedback, and the tallest (438 px) still fits the 592 px it shows.
 */
class LessonFeedbackInViewUiTest extends MainWindowUiBase {
    @Override
    protected boolean newLessonProgress() {
        return true;
    }

    static Stream<Arguments> lessons() {
        return Lessons.ids().stream().flatMap(id -> Stream.of(Arguments.of(id, "en"), Arguments.of(id, "zh")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lessons")
    void theFeedbackOfEveryAnswerIsInViewWithoutScrolling(String lesson, String lang, FxRobot robot) {
        if (lang.equals("zh")) {
            robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        }
        LearnViewModel vm = window.learnView().viewModel();
        robot.interact(() -> vm.open(lesson));
        UiWait.until("the lesson's first step", () -> vm.stepProperty().get() == 0 && !vm.busyProperty().get());
        List<Exercise> exercises = UiWait.onFx(() -> vm.lessonProperty().get().steps().stream()
                .map(s -> s.exercise()).toList());
        List<String> cut = new ArrayList<>();
        for (int s = 0; s < exercises.size(); s++) {
            if (s > 0) {
                robot.interact(vm::next);
                int at = s;
                UiWait.until("step " + (s + 1), () -> vm.stepProperty().get() == at && !vm.busyProperty().get());
            }
            robot.interact(vm::showMe);
            UiWait.until("the step's work", () -> !vm.busyProperty().get());
            Exercise ex = exercises.get(s);
            if (ex == null) {
                continue;
            }
            for (int answer : answers(ex, lang)) {
                robot.interact(() -> {
                    String key = vm.numericKey();
                    if (key == null) {
                        vm.choose(answer < 0 ? ex.correct() : answer);
                    } else {
                        vm.checkNumber(answer < 0 ? key : String.valueOf(Math.abs(Double.parseDouble(key)) * 3 + 7));
                    }
                });
                UiWait.until("the verdict", () -> !vm.busyProperty().get() && vm.exerciseProperty().get().right()
                        != null);
                String problem = settledFeedbackProblem(robot);
                if (!problem.isEmpty()) {
                    String what = answer < 0 ? "the right answer" : ex.kind() == Exercise.Kind.NUMERIC
                            ? "a wrong number" : "choice " + (answer + 1);
                    cut.add(lesson + " step " + (s + 1) + " " + lang + ", " + what + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), cut, "feedback the student has to scroll to at 1024 × 768");
    }

    /**
     * Zoomed to 150 %, the verdict and the explanation of a wrong prediction are taller than the dock: the dock puts
     * the verdict at its top, where the student starts reading, and not the explanation's end at its bottom (which
     * hid the verdict above the view).
     */
    @Test
    void feedbackTallerThanTheDockShowsItsVerdictFirst(FxRobot robot) {
        robot.interact(() -> window.setZoom(150));
        LearnViewModel vm = window.learnView().viewModel();
        robot.interact(() -> vm.open("short-range"));
        UiWait.until("the lesson's first step", () -> vm.stepProperty().get() == 0 && !vm.busyProperty().get());
        robot.interact(vm::showMe);
        UiWait.until("the step's work", () -> !vm.busyProperty().get());
        robot.interact(() -> vm.choose(0));   // wrong: the verdict, why, and the explanation
        UiWait.until("the explanation", () -> !vm.busyProperty().get() && vm.exerciseProperty().get().explanation()
                != null);
        String[] seen = {""};
        UiWait.until("the verdict at the top of the view", () -> {
            window.root().applyCss();
            window.root().layout();
            seen[0] = feedbackProblem();
            return seen[0].startsWith("its end") && verdictTop() < 20;
        }, () -> seen[0] + ", the verdict " + verdictTop() + " px below the view's top");
    }

    /** On the FX thread: how far the verdict's top lies below the top of the dock's view. */
    private double verdictTop() {
        ScrollPane dock = (ScrollPane) window.root().lookup(".lesson-scroll");
        Node verdict = dock.getContent().lookup("#feedback");
        Node view = dock.lookup(".viewport");
        return verdict == null ? Double.NaN : verdict.localToScene(verdict.getLayoutBounds()).getMinY()
                - view.localToScene(view.getLayoutBounds()).getMinY();
    }

    /**
     * What is answered, in order: each wrong choice and then the right one (-1), a wrong number (the index of no
     * choice, 0) and then the right one, or a prediction's wrong choice with the most to say (a prediction is made
     * once, and the wrong one brings the most feedback).
     */
    private static List<Integer> answers(Exercise ex, String lang) {
        if (ex.kind() == Exercise.Kind.NUMERIC) {
            return List.of(0, -1);
        }
        List<Integer> wrong = new ArrayList<>();
        for (int k = 0; k < ex.choices().size(); k++) {
            if (k != ex.correct()) {
                wrong.add(k);
            }
        }
        if (ex.kind() == Exercise.Kind.PREDICT) {
            return List.of(wrong.stream().max((a, b) -> Integer.compare(ex.feedback(a).in(lang).length(),
                    ex.feedback(b).in(lang).length())).orElseThrow());
        }
        wrong.add(-1);
        return wrong;
    }

    /**
     * Empty once the feedback is in the dock's view, from the verdict's top to the end of what follows it; else what
     * is out of view, after waiting as long as every wait of the UI tests (the dock lays formulas out late).
     */
    private String settledFeedbackProblem(FxRobot robot) {
        String[] problem = {""};
        try {
            UiWait.until("the feedback in view", () -> {
                window.root().applyCss();
                window.root().layout();
                problem[0] = feedbackProblem();
                return problem[0].isEmpty();
            });
            settle(robot, 2);
            problem[0] = UiWait.onFx(LessonFeedbackInViewUiTest.this::feedbackProblem);
        } catch (AssertionError outOfView) {
            return problem[0];
        }
        return problem[0];
    }

    /** On the FX thread: what of the feedback lies outside the dock's view, or empty. */
    private String feedbackProblem() {
        ScrollPane dock = (ScrollPane) window.root().lookup(".lesson-scroll");
        Node verdict = dock.getContent().lookup("#feedback");
        if (verdict == null) {
            return "no verdict";
        }
        Pane box = (Pane) verdict.getParent();
        Node last = box.getChildren().get(box.getChildren().size() - 1);
        Node view = dock.lookup(".viewport");
        Bounds seen = view.localToScene(view.getLayoutBounds());
        double top = verdict.localToScene(verdict.getLayoutBounds()).getMinY() - seen.getMinY();
        double end = last.localToScene(last.getLayoutBounds()).getMaxY() - seen.getMaxY();
        String out = top < -0.5 ? "its top " + Math.round(-top) + " px above the view" : "";
        if (end > 0.5) {
            out += (out.isEmpty() ? "" : ", ") + "its end " + Math.round(end) + " px below the view";
        }
        return out;
    }
}
