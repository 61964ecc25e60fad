package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.lstmlab.ui.learn.LearnViewModel;
import org.testfx.api.FxRobot;

/**
 * The debugger beside a docked lesson at 1024 × 768, at 100 % and 150 %, in English and in Chinese, after the
 * lesson's "Show me" (the tutorial's LSTM with a tanh input gate, whose names are the longest). Before: at 100 % the
 * debugger's status "Traced 20 timesteps, loss −0.0825. Step with F11 (equation) or F10 (timestep)." took two lines;
 * at 150 % the status bar's "The side panel is folded so that the equations fit at this zoom; the Side panel button
 * brings it back" took two, the equation pane's header (where the cursor stands) was scrolled half out of view to
 * show the current equation, and that equation's name read "input gate computed with t…".
 */
class DebuggerBesideLessonUiTest extends MainWindowUiBase {
    @Override
    protected boolean newLessonProgress() {
        return true;
    }

    /**
     * The share of its room a status text may take on one line: the test's fonts are narrower than a desktop's (the
     * old "Traced…" line took 518 of 519 px here, and two lines on a screen).
     */
    private static final double SPARE = 0.95;

    /**
     * Whether {@code l} draws {@code text} on one line, with {@link #SPARE} of the room its row leaves it (null), or
     * what it needs and has.
     */
    private static String oneLine(Label l, String text) {
        Text drawn = (Text) l.lookup(".text");
        Text one = new Text(text);
        one.setFont(drawn.getFont());
        javafx.scene.layout.Pane row = (javafx.scene.layout.Pane) l.getParent();
        double room = row.getWidth() - row.snappedLeftInset() - row.snappedRightInset();
        double spacing = row instanceof javafx.scene.layout.HBox h ? h.getSpacing() : 0;
        for (Node n : row.getChildren()) {
            if (n != l && n.isManaged() && n.isVisible() && n.getLayoutBounds().getWidth() > 0) {
                room -= n.getLayoutBounds().getWidth() + spacing;
            }
        }
        double width = one.getLayoutBounds().getWidth();
        boolean shown = text.equals(l.getText());
        return (!shown || drawn.getLayoutBounds().getHeight() < 1.5 * one.getLayoutBounds().getHeight())
                && width <= SPARE * room
                ? null : Math.round(width) + " px on one line, " + Math.round(room) + " px of room";
    }

    /** What is wrong at this zoom: a status text on two lines, the header out of view, a name cut short. */
    private List<String> check(FxRobot robot, String where, boolean traced) {
        List<String> problems = new ArrayList<>();
        // the status bar: why the side panel is folded (beside the lesson, or at this zoom), whatever it says now
        Label bar = robot.lookup("#statusMessage").queryAs(Label.class);
        Label debugger = robot.lookup("#debugger-status").queryAs(Label.class);
        List<Label> labels = new ArrayList<>(List.of(bar, bar));
        List<String> texts = new ArrayList<>(List.of(window.i18n().getString("status.sidePanelFolded"),
                window.i18n().getString("status.sidePanelFolded.zoom")));
        if (traced) {
            labels.add(debugger);
            texts.add(debugger.getText());
        }
        for (int k = 0; k < labels.size(); k++) {
            String wraps = oneLine(labels.get(k), texts.get(k));
            if (wraps != null) {
                problems.add(where + ": " + labels.get(k).getId() + " wraps (" + wraps + "): " + texts.get(k));
            }
        }
        Node header = robot.lookup("#equationHeader").query();
        Node area = robot.lookup("#equationArea").query();
        for (Node p = header.getParent(); p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("viewport")) {   // scrolling with the equations: what the pane shows
                area = p;
                break;
            }
        }
        Label position = robot.from(header).lookup(".position-label").queryAs(Label.class);
        Bounds shown = area.localToScene(area.getLayoutBounds());
        Bounds top = header.localToScene(header.getLayoutBounds());
        if (top.getMinY() < shown.getMinY() - 0.5 || top.getMaxY() > shown.getMaxY() + 0.5
                || position.getText().isEmpty() || Drawn.text(position).isEmpty()) {
            problems.add(where + ": the header lies at " + top + ", the pane at " + shown);
        }
        for (Node n : robot.lookup("#equationPane .equation-name").queryAll()) {
            Label name = (Label) n;
            if (!name.getText().equals(Drawn.text(name))) {
                problems.add(where + ": the equation's name reads \"" + Drawn.text(name) + "\"");
            }
        }
        return problems;
    }

    /** The checks at 100 % and 150 %; {@code traced}: at 100 % only, while the status says what was traced. */
    private List<String> atEachZoom(FxRobot robot, Locale language, boolean traced) {
        List<String> problems = new ArrayList<>();
        for (int zoom : traced ? new int[] {100} : new int[] {100, 150}) {
            robot.interact(() -> window.setZoom(zoom));
            settle(robot, 3);
            String where = language + " at " + zoom + " %" + (traced ? ", traced" : "");
            problems.addAll(UiWait.onFx(() -> check(robot, where, traced)));
        }
        robot.interact(() -> window.setZoom(100));
        return problems;
    }

    /** The debugger's status says what it traced, with the keys that step. */
    private void waitForTracedStatus() {
        DebuggerViewModel vm = window.debugger().viewModel();
        UiWait.until("the trace's status", () -> !vm.busyProperty().get()
                && vm.statusProperty().get().contains("F10"), () -> vm.statusProperty().get());
    }

    @Test
    void statusTextsTakeOneLineAndTheHeaderAndNamesShowWhole(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        LearnViewModel lesson = window.learnView().viewModel();
        robot.interact(() -> lesson.open("tanh-input-gate"));
        UiWait.until("the lesson", () -> lesson.lessonProperty().get() != null && !lesson.busyProperty().get()
                && robot.lookup("#closeLesson").tryQuery().isPresent());
        waitForTracedStatus();   // the window's first trace, the lesson docked beside it
        problems.addAll(atEachZoom(robot, Locale.ENGLISH, true));
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        waitForTracedStatus();
        problems.addAll(atEachZoom(robot, Locale.SIMPLIFIED_CHINESE, true));

        LearnViewModel chinese = window.learnView().viewModel();   // the views are built anew in Chinese
        UiWait.until("the lesson in Chinese", () -> chinese.lessonProperty().get() != null
                && !chinese.busyProperty().get());
        robot.interact(chinese::showMe);
        DebuggerViewModel vm = window.debugger().viewModel();
        UiWait.until("Show me's stop", () -> !chinese.busyProperty().get() && !vm.busyProperty().get()
                && !vm.stepper().runningProperty().get() && !vm.statusProperty().get().contains("F10"),
                () -> vm.statusProperty().get());
        problems.addAll(atEachZoom(robot, Locale.SIMPLIFIED_CHINESE, false));
        robot.interact(() -> window.setLanguage(Locale.ENGLISH));
        UiWait.until("the lesson in English", () -> window.learnView().viewModel().lessonProperty().get() != null
                && window.debugger().viewModel().cursor() != null);
        problems.addAll(atEachZoom(robot, Locale.ENGLISH, false));
        assertEquals(List.of(), problems);
    }
}
