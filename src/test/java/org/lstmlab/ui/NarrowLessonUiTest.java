package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A classroom projector, 1024 × 768, with the first lesson docked beside the debugger: the side panel folds away
 * and the equation being stepped gets a column wide enough to show it, and its numbers, at full size (before this,
 * the column was 285 px wide and the rows were cut). In English and, after View ▸ Language, in Chinese; in
 * presenter mode and at 125 % zoom too.
 */
class NarrowLessonUiTest extends MainWindowUiBase {
    /**
     * The widest row of an LSTM's forward equations at 100 %: the candidate's, 470 px (the names' column is 190 px
     * wide in both languages, the formula is drawn by JLaTeXMath in its own fonts), plus the equation box's padding.
     */
    private static final double FULL_ROW = 486;
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n.getScene() != null && n.isVisible()).orElse(false);
    }

    /** The width the equation column shows its content in. */
    private static double column(FxRobot robot) {
        return UiWait.onFx(() -> robot.lookup("#equationPane").queryAs(ScrollPane.class).getViewportBounds()
                .getWidth());
    }

    /** The width everything the equation column draws now wants at its own size: nothing cut, wrapped or scaled. */
    private static double wanted(FxRobot robot) {
        return UiWait.onFx(() -> robot.lookup(".equation-box").query().prefWidth(-1));
    }

    private static double widestRow(FxRobot robot) {
        return UiWait.onFx(() -> robot.lookup(".debugger .equation-row").queryAll().stream()
                .filter(Node::isVisible).mapToDouble(n -> n.prefWidth(-1)).max().orElse(0));
    }

    private static double currentRow(FxRobot robot) {
        return UiWait.onFx(() -> robot.lookup(".debugger .equation-row").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(CURRENT)).mapToDouble(n -> n.prefWidth(-1))
                .findFirst().orElse(Double.NaN));
    }

    private static double numberSize(FxRobot robot) {
        return UiWait.onFx(() -> robot.lookup("#substitution .token-value").queryAllAs(Text.class).stream()
                .filter(Node::isVisible).mapToDouble(Measure::screenFontSize).min().orElse(0));
    }

    /**
     * Styles and lays the window out now, twice: what a change asked for (a step's new numbers, a zoom) is then on
     * the screen, and so is what the first layout queued (the lesson's divider is put back after a resize).
     */
    private void settle(FxRobot robot) {
        for (int k = 0; k < 2; k++) {
            robot.interact(() -> {
                window.root().applyCss();
                window.root().layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private SplitPane split(FxRobot robot) {
        return robot.lookup("#mainSplit").queryAs(SplitPane.class);
    }

    private DebuggerViewModel openFirstLessonAndShowMe(FxRobot robot) {
        return FirstLesson.showMe(robot, window);
    }

    /** Steps through one timestep's six equations, checking that each fits the column at full size. */
    private void stepThroughATimestep(FxRobot robot, DebuggerViewModel debugger, String language) {
        for (int k = 0; k < 6; k++) {
            int equation = k;
            UiWait.until("equation " + k, () -> debugger.cursor().equation() == equation);
            settle(robot);
            double column = column(robot);
            assertTrue(column >= FULL_ROW, language + ": the column is " + column + " px wide");
            assertTrue(column >= wanted(robot), language + ", equation " + k + ": the column (" + column
                    + " px) holds the equation and its numbers at full size (" + wanted(robot) + " px)");
            assertEquals(13, numberSize(robot), 0.01, "the numbers keep their size");
            robot.push(KeyCode.F11);
        }
    }

    @Test
    void theSteppedEquationHasItsFullWidthBesideTheLessonInPresenterModeAndZoomed(FxRobot robot) throws Exception {
        DebuggerViewModel debugger = openFirstLessonAndShowMe(robot);
        stepThroughATimestep(robot, debugger, "English");
        assertFalse(showing(robot, "#setupPane"), "the side panel folded away");
        assertEquals(window.i18n().getString("status.sidePanelFolded"),
                robot.lookup("#statusMessage").queryAs(Label.class).getText(), "the status bar says why");
        assertFalse(robot.lookup("#sidePanelToggle").queryAs(ToggleButton.class).isSelected());

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        UiWait.until("presenter mode", window::isPresenting);
        settle(robot);
        assertTrue(currentRow(robot) + 16 <= column(robot), "presenter mode: the current equation, enlarged, fits ("
                + currentRow(robot) + " px in " + column(robot) + ")");
        robot.push(KeyCode.ESCAPE);
        UiWait.until("presenter mode left", () -> !window.isPresenting());
        assertFalse(showing(robot, "#setupPane"), "leaving presenter mode keeps the panel folded beside the lesson");

        robot.interact(() -> window.setZoom(125));
        settle(robot);
        assertTrue(widestRow(robot) + 16 <= column(robot), "at 125 % every equation row fits ("
                + widestRow(robot) + " px in " + column(robot) + ")");
        robot.interact(() -> window.setZoom(100));

        robot.clickOn("#sidePanelToggle");
        UiWait.until("the side panel shown again", () -> showing(robot, "#setupPane"));
        robot.push(KeyCode.F11);
        settle(robot);
        assertTrue(showing(robot, "#setupPane"), "the user's choice holds while stepping");
        robot.clickOn("#sidePanelToggle");
        UiWait.until("folded again", () -> !showing(robot, "#setupPane"));

        Node divider = robot.lookup(".split-pane-divider").match(n -> n.getParent() == split(robot)).query();
        double by = UiWait.onFx(() -> (0.7 - split(robot).getDividerPositions()[0]) * split(robot).getWidth());
        robot.drag(divider, MouseButton.PRIMARY).moveBy(by / 2, 0).moveBy(by / 2, 0).release(MouseButton.PRIMARY);
        UiWait.until("the divider dragged", () -> Math.abs(split(robot).getDividerPositions()[0] - 0.7) < 0.01,
                () -> "at " + split(robot).getDividerPositions()[0]);
        double dragged = split(robot).getDividerPositions()[0];
        robot.clickOn("#closeLesson");
        UiWait.until("the lesson closed, the panel back", () -> split(robot).getItems().size() == 1
                && showing(robot, "#setupPane"));
        robot.clickOn("Learn");
        robot.clickOn("#openLesson");
        UiWait.until("the lesson docked again", () -> split(robot).getItems().size() == 2);
        settle(robot);
        assertEquals(dragged, split(robot).getDividerPositions()[0], 1e-9, "the divider stays where it was dragged");
        UiWait.until("folded again beside the lesson", () -> !showing(robot, "#setupPane"));
        assertEquals(window.i18n().getString("status.sidePanelFolded"),
                robot.lookup("#statusMessage").queryAs(Label.class).getText(), "the status bar says why again");
        robot.clickOn("#closeLesson");
        UiWait.until("the lesson closed: the status bar no longer says the panel is folded", () -> showing(robot,
                "#setupPane") && !window.i18n().getString("status.sidePanelFolded").equals(
                robot.lookup("#statusMessage").queryAs(Label.class).getText()));
        robot.clickOn("Learn");
        robot.clickOn("#openLesson");
        UiWait.until("docked once more and folded", () -> split(robot).getItems().size() == 2
                && !showing(robot, "#setupPane"));

        robot.interact(() -> debugger.setupCommands().chooseLoss(org.lstmlab.ui.debugger.LossKind.MODEL_HEAD));
        UiWait.until("a refused set-up choice shows the panel that says why", () -> showing(robot, "#setupPane")
                && !debugger.refusalProperty().get().isEmpty());
    }

    /**
     * A lesson that goes on in the Train tab: that tab has no side panel, so the status bar says the default hint
     * there, also when the dock's rule folds the panel again meanwhile; the Debugger tab says why it is folded again.
     */
    @Test
    void onlyTheDebuggerTabSaysItsSidePanelIsFolded(FxRobot robot) {
        openFirstLessonAndShowMe(robot);
        String folded = window.i18n().getString("status.sidePanelFolded");
        String hint = window.i18n().getString("status.hint");
        Label status = robot.lookup("#statusMessage").queryAs(Label.class);
        UiWait.until("folded beside the lesson, and said", () -> !showing(robot, "#setupPane")
                && folded.equals(status.getText()));
        robot.interact(() -> window.selectTab("train"));
        assertEquals(hint, UiWait.onFx(status::getText), "the Train tab has no side panel");
        double narrow = UiWait.onFx(() -> window.debugger().widthProperty().get());
        robot.interact(() -> window.dock().setDebuggerWidth(4000));
        assertFalse(UiWait.onFx(() -> window.dock().ruleFoldsProperty().get()));
        robot.interact(() -> window.dock().setDebuggerWidth(narrow));
        assertTrue(UiWait.onFx(() -> window.dock().ruleFoldsProperty().get()), "folded again on the Train tab");
        assertEquals(hint, UiWait.onFx(status::getText), "and not said there");
        robot.interact(() -> window.selectTab("debugger"));
        UiWait.until("back on the Debugger tab, the reason is said again", () -> folded.equals(status.getText()));
    }

    @Test
    void inChineseTooAfterTheLanguageSwitch(FxRobot robot) throws Exception {
        DebuggerViewModel debugger = openFirstLessonAndShowMe(robot);
        UiWait.until("the side panel folded away", () -> !showing(robot, "#setupPane"));
        robot.clickOn("#sidePanelToggle");
        UiWait.until("the side panel shown by the user", () -> showing(robot, "#setupPane"));
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        UiWait.until("the lesson docked again in Chinese", () -> split(robot).getItems().size() == 2
                && window.debugger().viewModel() == debugger
                && window.learnView().viewModel().stepProperty().get() == 0);
        settle(robot);
        assertTrue(showing(robot, "#setupPane"), "the user's choice outlives the language switch");
        assertEquals(window.i18n().getString("status.language"),
                robot.lookup("#statusMessage").queryAs(Label.class).getText());
        ToggleButton toggle = robot.lookup("#sidePanelToggle").queryAs(ToggleButton.class);
        assertEquals("侧边栏", toggle.getText());
        robot.clickOn(toggle);
        UiWait.until("folded with the Chinese button", () -> !showing(robot, "#setupPane"));
        assertTrue(UiWait.onFx(() -> robot.lookup("#eq-lstm-g .label").queryAs(Label.class).getText())
                .startsWith("候选记忆元"));
        stepThroughATimestep(robot, debugger, "Chinese");
    }
}
