package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Window;
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

    /** The context menu on show, or null. */
    private static ContextMenu menu() {
        return Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> (ContextMenu) w).findFirst().orElse(null);
    }

    private static String clipboard() {
        return UiWait.onFx(() -> Clipboard.getSystemClipboard().getString());
    }

    /**
     * "Copy all" puts the references on the clipboard numbered as shown, one a line, and says "Copied"; Ctrl+C does
     * too while they show; a reference's menu copies it alone. Back and the button both show whole, side by side.
     */
    @Test
    void theStudentCopiesTheSources(FxRobot robot) {
        LearnViewModel vm = window.learnView().viewModel();
        LessonAt.open(robot, window, "gru-gates", 0);
        List<String> refs = UiWait.onFx(() -> vm.lessonProperty().get().references());
        StringBuilder numbered = new StringBuilder();
        for (int k = 0; k < refs.size(); k++) {
            numbered.append(k == 0 ? "" : "\n").append(k + 1).append(". ").append(refs.get(k));
        }
        String all = numbered.toString();
        openSources(robot, "Sources (5)");
        Labeled copy = robot.lookup("#lessonSourcesCopy").queryAs(Labeled.class);
        Labeled back = robot.lookup("#lessonSourcesBack").queryAs(Labeled.class);
        assertTrue(shows(copy));
        assertEquals("Copy all", UiWait.onFx(() -> Drawn.text(copy)), "the button is cut short");
        assertEquals("\u2190 Back to step 1", UiWait.onFx(() -> Drawn.text(back)), "Back is cut short");
        assertFalse(UiWait.onFx(() -> copy.localToScene(copy.getLayoutBounds())
                .intersects(back.localToScene(back.getLayoutBounds()))), "Copy all lies over Back");
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.clickOn(copy);
        UiWait.until("the sources on the clipboard", () -> all.equals(clipboard()));
        UiWait.until("the button says so", () -> "Copied".equals(UiWait.onFx(copy::getText)));

        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        Label olah = UiWait.onFx(() -> (Label) ((Pane) robot.lookup("#lessonSourceList").queryAs(Pane.class)
                .getChildren().get(2)).getChildren().get(1));
        robot.interact(() -> {   // Monocle's mouse sends no context menu request: the one a right-click sends
            var at = olah.localToScreen(olah.getLayoutBounds());
            Event.fireEvent(olah, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 5,
                    at.getMinX() + 10, at.getMinY() + 5, false, null));
        });
        UiWait.until("the reference's menu", () -> menu() != null);
        ContextMenu menu = UiWait.onFx(LessonSourcesUiTest::menu);
        assertEquals(List.of("Copy", "Copy all"), UiWait.onFx(() -> menu.getItems().stream()
                .map(MenuItem::getText).toList()));
        robot.clickOn(UiWait.onFx(() -> menu.getSkin().getNode().lookup(".menu-item")));
        UiWait.until("one reference on the clipboard", () -> refs.get(2).equals(clipboard()));
        assertEquals("Copied", UiWait.onFx(copy::getText), "as it was");

        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.clickOn(back);
        UiWait.until("the step again", () -> !shows(robot.lookup("#lessonSourcesPane").query()));
        robot.push(KeyCode.SHORTCUT, KeyCode.C);
        assertEquals(null, clipboard(), "Ctrl+C copies the sources only while they show");
        openSources(robot, "Sources (5)");
        assertEquals("Copy all", UiWait.onFx(copy::getText), "opened again: nothing copied yet");
        robot.push(KeyCode.SHORTCUT, KeyCode.C);
        UiWait.until("Ctrl+C: the sources on the clipboard", () -> all.equals(clipboard()));

        robot.clickOn(back);
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        LearnViewModel zh = window.learnView().viewModel();
        UiWait.until("the lesson in Chinese", () -> zh.lessonProperty().get() != null && !zh.busyProperty().get());
        openSources(robot, "参考文献（5）");
        Labeled copyZh = robot.lookup("#lessonSourcesCopy").queryAs(Labeled.class);
        assertEquals("全部复制", UiWait.onFx(() -> Drawn.text(copyZh)), "the button is cut short");
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.clickOn(copyZh);
        UiWait.until("the sources on the clipboard", () -> all.equals(clipboard()));
        UiWait.until("已复制", () -> "已复制".equals(UiWait.onFx(copyZh::getText)));
    }
}
