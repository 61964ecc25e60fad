package org.lstmlab.ui;

import static org.lstmlab.ui.TourScene.fx;
import static org.lstmlab.ui.TourScene.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import org.lstmlab.ui.learn.LearnViewModel;

/**
 * The Learn tab's pictures of {@link ScreenshotTour}: a teacher's lesson that fails ({@code learnerror}), the list
 * after "Reset progress" ({@code learnreset}), its Example lessons menu ({@code learnexamples}), and a lesson's step
 * docked beside the debugger after "Show me" ({@code lesson}, {@code lessonpresenter}), before and after an answer
 * ({@code predict}).
 */
final class TourLearn {
    private TourLearn() {
    }

    /** A teacher's lesson that fails while it runs: the error line. */
    static void error(TourScene s) throws Exception {
        Path bad = Files.createTempFile("lesson-", ".yaml");
        Files.writeString(bad, String.join("\n", "id: t", "title: {en: T, zh: 题}",
                "steps:", "  - text: {en: \"a\", zh: \"甲\"}", "    actions:",
                "      - set-weight: {name: W_if, row: 9, value: 1}", ""));
        fx(() -> s.window().selectTab("learn"));
        Thread.sleep(1000);
        fx(() -> s.window().learnView().viewModel().openFile(bad));
        Thread.sleep(2500);
        s.shot(s.prefix() + "learn-error-" + s.size() + ".png");
    }

    /**
     * The lesson list after "Reset progress": the first lesson, taken one step on and closed again, is reset with
     * the button, and its message shows with Undo beside it.
     */
    static void reset(TourScene s) throws Exception {
        LearnViewModel learn = s.window().learnView().viewModel();
        String id = System.getProperty("tour.lesson", "one-step-by-hand");
        fx(() -> s.window().selectTab("learn"));
        Thread.sleep(1000);
        fx(() -> learn.open(id));
        waitUntil(() -> learn.stepProperty().get() == 0 && !learn.busyProperty().get(), 60);
        fx(learn::next);  // past its first step: progress to reset
        waitUntil(() -> learn.stepProperty().get() == 1 && !learn.busyProperty().get(), 600);
        fx(learn::close);  // the lesson docked beside the debugger: back to the list
        fx(() -> s.window().selectTab("learn"));
        Thread.sleep(1000);
        fx(() -> {
            @SuppressWarnings("unchecked")
            ListView<LearnViewModel.LessonItem> list = (ListView<LearnViewModel.LessonItem>) s.scene()
                    .lookup("#lessonList");
            list.getItems().stream().filter(i -> i.id().equals(id)).findFirst()
                    .ifPresent(i -> list.getSelectionModel().select(i));
            ((Button) s.scene().lookup("#forgetLesson")).fire();
        });
        waitUntil(() -> !learn.forgottenProperty().get().isEmpty(), 60);
        Thread.sleep(1500);
        s.shot(s.prefix() + "learn-reset-" + s.size() + ".png");
    }

    /** The Learn tab with its Example lessons menu open (what a teacher copies to start a lesson), then File's. */
    static void examples(TourScene s) throws Exception {
        fx(() -> s.window().selectTab("learn"));
        Thread.sleep(1000);
        fx(() -> ((javafx.scene.control.MenuButton) s.scene().lookup("#exampleLessons")).show());
        Thread.sleep(1500);
        s.capture(s.prefix() + "learn-examples-" + s.size() + ".png");   // the screen: the menu is a popup
        fx(() -> ((javafx.scene.control.MenuButton) s.scene().lookup("#exampleLessons")).hide());
        fx(() -> ((javafx.scene.control.MenuBar) s.scene().lookup(".menu-bar")).getMenus().get(0).show());
        Thread.sleep(800);
        TourScene.pointAt(TourScreen.popupItem("exampleLessonsMenu"));   // File ▸ Example lessons, the same items
        Thread.sleep(1500);
        s.capture(s.prefix() + "menu-examples-" + s.size() + ".png");
    }

    /** A lesson's step docked beside the debugger after "Show me"; for {@code predict}, then after an answer. */
    static void lesson(TourScene s) throws Exception {
        var learn = s.window().learnView().viewModel();  // a lesson's step docked beside the debugger,
        String id = System.getProperty("tour.lesson", "one-step-by-hand");  // after "Show me"
        fx(() -> s.window().selectTab("learn"));
        Thread.sleep(1000);
        fx(() -> learn.open(id));
        waitUntil(() -> learn.stepProperty().get() == 0 && !learn.busyProperty().get(), 60);
        for (int k = 1; k < Integer.getInteger("tour.step", 1); k++) {
            int next = k;
            fx(learn::next);  // a step left behind performs its prediction's run
            waitUntil(() -> learn.stepProperty().get() == next && !learn.busyProperty().get(), 600);
        }
        fx(learn::showMe);
        Thread.sleep(3000);
        String name = !s.is("predict") && !System.getProperties().containsKey("tour.lesson")
                ? "lesson-" : "lesson-" + id + "-" + Integer.getInteger("tour.step", 1) + "-";
        if (s.is("lessonpresenter")) {
            fx(() -> s.window().setPresenting(true));
            Thread.sleep(1500);
            s.shot(s.prefix() + "lessonpresenter-" + s.size() + ".png");
            return;
        }
        if (s.is("lesson")) {
            s.shot(s.prefix() + name + s.size() + ".png");
            return;
        }
        s.shot(s.prefix() + name + "before-" + s.size() + ".png");
        // the answer: choice tour.choice (from 1), or the number tour.answer; then what it shows
        String number = System.getProperty("tour.answer");
        fx(() -> {
            if (number != null) {
                learn.checkNumber(number);
            } else {
                learn.choose(Integer.getInteger("tour.choice", 1) - 1);
            }
        });
        waitUntil(() -> learn.exerciseProperty().get() != null  // a verdict: a wrong choice has
                && learn.exerciseProperty().get().right() != null && !learn.busyProperty().get(),
                600);  // no explanation yet, only why it is wrong
        Thread.sleep(3000);
        s.shot(s.prefix() + name + "after-" + s.size() + ".png");
    }
}
