package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.lessons.Lessons;
import org.lstmlab.ui.learn.LearnViewModel;
import org.testfx.api.FxRobot;

/**
 * The lesson dock shows the lesson's sources: "Sources (5)" beside the step's position opens gru-gates' five
 * references, as its file writes them, in place of its last step, and "← Back to step 4" finds that step as it was
 * left, scrolled; in Chinese under 参考文献, and from "参考文献 →", in Next's place on the last step. A lesson citing
 * nothing offers no link.
 */
class LessonSourcesUiTest extends MainWindowUiBase {
    @TempDir
    Path dir;

    @Override
    protected boolean newLessonProgress() {
        return true;
    }

    private static boolean shows(Node n) {
        return UiWait.onFx(() -> {
            for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return n.getScene() != null;
        });
    }

    /** The references the dock lists, each line's text after its number. */
    private static List<String> listed(FxRobot robot) {
        Pane list = robot.lookup("#lessonSourceList").queryAs(Pane.class);
        return UiWait.onFx(() -> list.getChildren().stream()
                .map(row -> ((Label) ((Pane) row).getChildren().get(1)).getText()).toList());
    }

    /** Opens the sources with "Sources →", in Next's place on the last step. */
    private void openSourcesAtTheEnd(FxRobot robot, String label) {
        Labeled end = robot.lookup("#lessonSourcesNext").queryAs(Labeled.class);
        UiWait.until("the button " + label, () -> shows(end) && label.equals(end.getText()));
        assertFalse(shows(robot.lookup("#lessonNext").query()), "Next has nowhere to go on the last step");
        assertEquals(label, UiWait.onFx(() -> Drawn.text(end)), "the button is cut short");
        robot.clickOn(end);
        UiWait.until("the sources", () -> shows(robot.lookup("#lessonSourcesPane").query()));
    }

    private void openSources(FxRobot robot, String link) {
        Hyperlink sources = robot.lookup("#lessonSources").queryAs(Hyperlink.class);
        UiWait.until("the link " + link, () -> shows(sources) && link.equals(sources.getText()));
        assertEquals(link, UiWait.onFx(() -> Drawn.text(sources)), "the link is cut short");
        Labeled position = robot.lookup("#lessonPosition").queryAs(Labeled.class);
        assertTrue(UiWait.onFx(() -> sources.getHeight() <= position.getHeight() + 0.5),
                "the link is taller than the step's position: the step loses room");
        robot.clickOn(sources);
        UiWait.until("the sources", () -> shows(robot.lookup("#lessonSourcesPane").query()));
    }

    @Test
    void theLastStepsSourcesShowAndTheStudentGoesBackToTheStep(FxRobot robot) {
        LearnViewModel vm = window.learnView().viewModel();
        LessonAt.open(robot, window, "gru-gates", 0);
        int last = UiWait.onFx(() -> vm.lessonProperty().get().steps().size() - 1);
        LessonAt.open(robot, window, "gru-gates", last);
        List<String> refs = UiWait.onFx(() -> vm.lessonProperty().get().references());
        assertEquals(5, refs.size());
        ScrollPane step = robot.lookup(".lesson-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> step.setVvalue(step.getVmax()));   // the student had scrolled down
        double scrolled = UiWait.onFx(step::getVvalue);

        assertEquals("Sources \u2192", robot.lookup("#lessonSourcesNext").queryAs(Labeled.class).getText());
        assertTrue(shows(robot.lookup("#lessonSourcesNext").query()), "the lesson ends on its sources");
        openSources(robot, "Sources (5)");
        assertFalse(shows(step), "the sources show in place of the step");
        assertEquals("Sources", robot.lookup("#lessonSourcesHeading").queryAs(Labeled.class).getText());
        assertEquals(refs, listed(robot));
        assertEquals(last, vm.stepProperty().get());

        Labeled back = robot.lookup("#lessonSourcesBack").queryAs(Labeled.class);
        assertEquals("\u2190 Back to step " + (last + 1), back.getText());
        robot.clickOn(back);
        UiWait.until("the step again", () -> shows(step) && !shows(robot.lookup("#lessonSourcesPane").query()));
        assertEquals(last, vm.stepProperty().get());
        assertEquals(scrolled, UiWait.onFx(step::getVvalue), 1e-9, "the step is where the student left it");

        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        LearnViewModel zh = window.learnView().viewModel();
        UiWait.until("the lesson in Chinese", () -> zh.lessonProperty().get() != null && !zh.busyProperty().get());
        openSources(robot, "参考文献（5）");
        robot.clickOn("#lessonSourcesBack");
        UiWait.until("the step again", () -> !shows(robot.lookup("#lessonSourcesPane").query()));
        openSourcesAtTheEnd(robot, "参考文献 →");
        assertEquals("参考文献", robot.lookup("#lessonSourcesHeading").queryAs(Labeled.class).getText());
        assertEquals(refs, listed(robot), "the references as the file writes them, in Latin letters");
    }

    @Test
    void aLessonCitingNothingOffersNoSources(FxRobot robot) throws Exception {
        Path file = dir.resolve("example.yaml");
        Files.write(file, Lessons.example("gru-update-gate.yaml"));
        LearnViewModel vm = window.learnView().viewModel();
        LessonAt.open(robot, window, "forget-gate", 0);
        assertTrue(shows(robot.lookup("#lessonSources").query()));
        assertTrue(shows(robot.lookup("#lessonNext").query()));
        assertFalse(shows(robot.lookup("#lessonSourcesNext").query()), "Next, not Sources, on the first step");
        robot.interact(() -> vm.openFile(file));
        UiWait.until("the teacher's lesson", () -> !vm.busyProperty().get() && vm.lessonProperty().get() != null
                && vm.lessonProperty().get().id().equals("gru-update-gate"));
        assertFalse(shows(robot.lookup("#lessonSources").query()), "no link to sources it does not have");
    }
}
