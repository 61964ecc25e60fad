package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.testfx.api.FxRobot;

/** Clicks and keys through the debugger's main paths in the real main window, headless. */
class DebuggerViewUiTest extends DebuggerUiBase {
    static void waitFor(Callable<Boolean> condition) throws Exception {
        DebuggerWindow.waitFor(condition);
    }

    private static org.testfx.service.query.NodeQuery in(FxRobot robot) {
        return DebuggerWindow.in(robot);
    }

    private String position(FxRobot robot) {
        return in(robot).lookup(".position-label").queryAs(Label.class).getText();
    }

    @Test
    void stepIntoOverAndBackWithTheKeysOfAnIde(FxRobot robot) throws Exception {
        waitFor(() -> vm.trace() != null);
        assertTrue(position(robot).contains("t = 1 of 20, layer 0: input gate"), position(robot));
        robot.push(KeyCode.F11);
        waitFor(() -> position(robot).contains("forget gate"));
        robot.push(KeyCode.F10);
        waitFor(() -> position(robot).contains("t = 2 of 20"));
        assertEquals(new Cursor(Direction.FORWARD, 1, 0, 1), vm.cursor());
        robot.push(KeyCode.SHIFT, KeyCode.F11);
        waitFor(() -> position(robot).contains("input gate"));
        robot.clickOn("#stepIntoButton");
        robot.clickOn("#stepIntoButton");
        waitFor(() -> position(robot).contains("candidate"));
        DebuggerWindow.retype(robot, "#jumpField", "5").push(KeyCode.ENTER);
        waitFor(() -> position(robot).contains("t = 5 of 20"));
        assertTrue(in(robot).lookup("#eq-lstm-g").query().getPseudoClassStates().contains(EquationPanel.CURRENT));
    }

    /**
     * The current equation is marked by one bar behind its row, which follows the cursor: over the current row
     * (as wide, one pixel taller above and below), on that row alone, and a step changes no row's size (the rows
     * under it stay where they are). The row under the pointer gets the lighter hover bar, under the current one's.
     */
    @Test
    void theCurrentEquationsBarFollowsTheCursorAndNoRowMoves(FxRobot robot) throws Exception {
        waitFor(() -> vm.trace() != null);
        java.util.Map<String, javafx.geometry.Bounds> before = org.lstmlab.ui.UiWait.onFx(() -> rowBounds(robot));
        for (KeyCode[] keys : new KeyCode[][] {{KeyCode.F11}, {KeyCode.F11}, {KeyCode.F11}, {KeyCode.F11},
                {KeyCode.F11}, {KeyCode.F11}, {KeyCode.SHIFT, KeyCode.F11}, {KeyCode.F10}}) {
            Cursor was = vm.cursor();
            robot.push(keys);
            waitFor(() -> !vm.cursor().equals(was));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            String problem = org.lstmlab.ui.UiWait.onFx(() -> {
                var rows = robot.lookup(".debugger .equation-row").queryAll().stream()
                        .filter(n -> !n.getStyleClass().contains("equation-sum")).toList();
                var current = rows.stream().filter(n -> n.getPseudoClassStates().contains(EquationPanel.CURRENT))
                        .toList();
                String id = "eq-" + vm.equations().get(vm.cursor().equation()).id().replace('.', '-');
                if (current.size() != 1 || !id.equals(current.get(0).getId())) {
                    return "current rows " + current + " for " + id;
                }
                javafx.scene.Node bar = robot.lookup(".debugger .equation-current").query();
                javafx.geometry.Bounds b = bar.localToScene(bar.getLayoutBounds());
                javafx.geometry.Bounds r = current.get(0).localToScene(current.get(0).getLayoutBounds());
                if (!bar.isVisible() || Math.abs(b.getMinX() - r.getMinX()) > 1e-9
                        || Math.abs(b.getMinY() - (r.getMinY() - 1)) > 1e-9
                        || Math.abs(b.getWidth() - r.getWidth()) > 1e-9
                        || Math.abs(b.getHeight() - (r.getHeight() + 2)) > 1e-9) {
                    return "bar " + b + " over row " + r;
                }
                return rowBounds(robot).equals(before) ? "" : "rows moved: " + rowBounds(robot) + " from " + before;
            });
            assertEquals("", problem, "at " + vm.cursor());
        }
        robot.moveTo("#eq-lstm-f");
        waitFor(() -> org.lstmlab.ui.UiWait.onFx(() -> {
            javafx.scene.Node hover = robot.lookup(".debugger .equation-hover").query();
            javafx.scene.Node row = robot.lookup("#eq-lstm-f").query();
            return hover.isVisible() && hover.getBoundsInParent().equals(row.getBoundsInParent());
        }));
        robot.moveTo("#stepIntoButton");
        waitFor(() -> org.lstmlab.ui.UiWait.onFx(() -> !robot.lookup(".debugger .equation-hover").query()
                .isVisible()));
    }

    /** Each equation row's place and size, by its id. */
    private static java.util.Map<String, javafx.geometry.Bounds> rowBounds(FxRobot robot) {
        var bounds = new java.util.TreeMap<String, javafx.geometry.Bounds>();
        robot.lookup(".debugger .equation-row").queryAll().forEach(n -> bounds.put(n.getId(), n.getBoundsInParent()));
        return bounds;
    }

    /**
     * The substitution reuses one pool of lines and tokens for every equation: after steps forward and back through
     * equations of different lengths, the shown lines and tokens are exactly the substitution's, in order, with
     * each token's kind as its style class, and no more lines than the longest substitution needs stay in the scene.
     */
    @Test
    void theSubstitutionShowsExactlyTheCurrentEquationsTokensAfterReuse(FxRobot robot) throws Exception {
        waitFor(() -> vm.trace() != null);
        int most = 0;
        for (KeyCode[] keys : new KeyCode[][] {{KeyCode.F11}, {KeyCode.F11}, {KeyCode.F11}, {KeyCode.F11},
                {KeyCode.F11}, {KeyCode.F11}, {KeyCode.SHIFT, KeyCode.F11}, {KeyCode.SHIFT, KeyCode.F11},
                {KeyCode.F10}}) {
            Cursor before = vm.cursor();
            robot.push(keys);
            waitFor(() -> !vm.cursor().equals(before));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            most = Math.max(most, org.lstmlab.ui.UiWait.onFx(() -> vm.substitutionProperty().get().lines().size()));
            String problem = org.lstmlab.ui.UiWait.onFx(() -> shownDiffers(robot));
            assertEquals("", problem, "at " + vm.cursor());
        }
        int lines = most;
        assertTrue(org.lstmlab.ui.UiWait.onFx(() -> robot.lookup("#substitution").queryParent()
                .getChildrenUnmodifiable().size() <= lines), "no line beyond the longest substitution's");
    }

    /** "" when the shown lines and tokens of the substitution are exactly the view model's, else what differs. */
    private String shownDiffers(FxRobot robot) {
        var rows = vm.substitutionProperty().get().lines();
        var shown = robot.lookup("#substitution").queryParent().getChildrenUnmodifiable().stream()
                .filter(javafx.scene.Node::isVisible).map(javafx.scene.text.TextFlow.class::cast).toList();
        if (shown.size() != rows.size()) {
            return shown.size() + " lines shown for " + rows.size();
        }
        for (int k = 0; k < rows.size(); k++) {
            var texts = shown.get(k).getChildren().stream().filter(javafx.scene.Node::isVisible)
                    .map(javafx.scene.text.Text.class::cast).toList();
            var tokens = rows.get(k);
            if (texts.size() != tokens.size()) {
                return "line " + k + ": " + texts.size() + " tokens shown for " + tokens.size();
            }
            for (int j = 0; j < tokens.size(); j++) {
                String kind = "token-" + tokens.get(j).kind().name().toLowerCase(java.util.Locale.ROOT);
                if (!texts.get(j).getText().equals(tokens.get(j).text())
                        || !texts.get(j).getStyleClass().contains(kind)) {
                    return "line " + k + " token " + j + ": " + texts.get(j).getText() + " "
                            + texts.get(j).getStyleClass() + " for " + tokens.get(j);
                }
            }
        }
        return "";
    }

    @Test
    void aBreakpointStopsContinueAndTheStatusSaysWhich(FxRobot robot) throws Exception {
        waitFor(() -> vm.trace() != null);
        robot.clickOn("#breakpointField").write("f[0] < 0.5").push(KeyCode.ENTER);
        waitFor(() -> vm.stepper().breakpoints().size() == 1);
        robot.push(KeyCode.F5);
        waitFor(() -> vm.statusProperty().get().startsWith("Breakpoint 1 holds: f[0] < 0.5"));
        int t = vm.cursor().t();
        assertTrue(vm.trace().value("f", 0, t, 0, 0) < 0.5);
        assertTrue(position(robot).contains("forget gate"));
    }

    @Test
    void aBadTimestepOrUnitGetsAMessageNextToItsFieldAndChangesNothing(FxRobot robot) throws Exception {
        waitFor(() -> vm.trace() != null);
        DebuggerWindow.retype(robot, "#jumpField", "99").push(KeyCode.ENTER);
        waitFor(() -> "Must be between 1 and 20".equals(robot.lookup("#jumpError").queryAs(Label.class).getText()));
        assertEquals(0, vm.cursor().t());
        DebuggerWindow.retype(robot, "#unitField", "x").push(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#unitError").queryAs(Label.class).getText().contains("is not a whole number"));
        assertEquals(0, vm.unitProperty().get());
        DebuggerWindow.retype(robot, "#unitField", "3").push(KeyCode.ENTER);
        waitFor(() -> vm.unitProperty().get() == 3);
        assertTrue(robot.lookup("#substitution").query().getAccessibleText().startsWith("iₜ[3]"));
    }

    @Test
    void aBadBreakpointGetsAMessageNextToTheField(FxRobot robot) throws Exception {
        waitFor(() -> vm.trace() != null);
        robot.clickOn("#breakpointField").write("f[0] <<").push(KeyCode.ENTER);
        waitFor(() -> !in(robot).lookup("#breakpointError").queryAs(Label.class).getText().isEmpty());
        assertEquals(0, vm.stepper().breakpoints().size());
    }

    @Test
    void editingAWeightChangesTheValueAndUndoRestoresIt(FxRobot robot) throws Exception {
        waitFor(() -> vm.trace() != null);
        robot.push(KeyCode.F11);
        double before = vm.trace().value("f", 0, 0, 0, 0);
        DebuggerWindow.openEditor(robot);
        DebuggerWindow.retype(robot, "#weightName", "b_if");
        DebuggerWindow.retype(robot, "#weightValue", "abc");
        robot.clickOn("#applyWeightButton");
        waitFor(() -> in(robot).lookup("#weightError").queryAs(Label.class).getText().contains("is not a number"));
        assertEquals(before, vm.trace().value("f", 0, 0, 0, 0), "bad input changes nothing");
        DebuggerWindow.retype(robot, "#weightValue", "6");
        robot.clickOn("#applyWeightButton");
        waitFor(() -> vm.trace().weights(0, "b_if").get(0, 0) == 6);
        assertNotEquals(before, vm.trace().value("f", 0, 0, 0, 0));
        assertTrue(in(robot).lookup("#substitution").query().getAccessibleText().contains(
                Numbers.format(vm.trace().value("f", 0, 0, 0, 0))), "the equation shows the new value");
        robot.clickOn("#undoButton");
        waitFor(() -> vm.trace().value("f", 0, 0, 0, 0) == before);
    }

    @Test
    void anInputValueIsEditedInTheTableAndABadOneIsRefused(FxRobot robot) throws Exception {
        waitFor(() -> vm.trace() != null);
        DebuggerWindow.openEditor(robot);
        DebuggerWindow.editInputCell(robot, 0, 1, "oops");
        waitFor(() -> robot.lookup("#inputError").queryAs(Label.class).getText().contains("\"oops\" is not a number"));
        assertEquals(Math.sin(2 * Math.PI / 20), vm.trace().value("x", 0, 0, 0, 0), 1e-15);
        DebuggerWindow.editInputCell(robot, 0, 1, "0.75");
        waitFor(() -> vm.trace().value("x", 0, 0, 0, 0) == 0.75);
        assertEquals("", robot.lookup("#inputError").queryAs(Label.class).getText());
    }

    @Test
    void switchingTheCellTypeRedrawsTheEquationsAndDiagram(FxRobot robot) throws Exception {
        waitFor(() -> vm.trace() != null);
        @SuppressWarnings("unchecked")
        ComboBox<CellType> box = in(robot).lookup("#cellBox").queryAs(ComboBox.class);
        robot.interact(() -> box.setValue(CellType.GRU));
        waitFor(() -> vm.trace().cell() == CellType.GRU);
        waitFor(() -> in(robot).lookup("#eq-gru-r").tryQuery().isPresent());
        assertTrue(in(robot).lookup("#node-z").tryQuery().isPresent(), "the GRU diagram is drawn");
        assertFalse(in(robot).lookup("#eq-lstm-f").tryQuery().isPresent());
    }

    @Test
    void theTrainTabOpensAModelAndTheWindowSwitchesToTheDebugger(FxRobot robot) throws Exception {
        waitFor(() -> vm.trace() != null);
        robot.clickOn("Train");
        org.lstmlab.engine.nn.Batch batch = OpenModelTest.batch();
        robot.interact(() -> window.debuggerLauncher().openModel(OpenModelTest.model(), batch.input(), batch, 2,
                () -> "epoch 3, sample 2", java.util.List.of()));
        waitFor(() -> vm.trace().cell() == CellType.GRU && vm.trace().layers() == 2);
        assertEquals("Debugger", robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedItem().getText());
        assertEquals("epoch 3, sample 2", robot.lookup(".debugger-title").queryAs(Label.class).getText());
        waitFor(() -> in(robot).lookup("#story").queryAs(Label.class).getText().startsWith("target 0, prediction"));
    }

    /** The Gradients plot's veil as placed now: its width. */
    private static double veiled(FxRobot robot) throws Exception {
        return org.lstmlab.ui.UiWait.onFx(() -> in(robot).lookup("#gradient-plot").queryAs(GradientPlot.class)
                .veilBox()[2]);
    }

    /**
     * Backward mode brings the Gradients tab to the front, veiled where the backward pass has not reached: the veil
     * draws back as the cursor steps back in time, and is gone at t = 1.
     */
    @Test
    void backwardModeAndACellBesideIt(FxRobot robot) throws Exception {
        waitFor(() -> vm.trace() != null);
        robot.push(KeyCode.CONTROL, KeyCode.B);
        waitFor(() -> position(robot).startsWith("Backward  t = 20 of 20"));
        assertTrue(in(robot).lookup("#gradient-plot").query().isVisible());
        waitFor(() -> veiled(robot) > 0);
        double atLast = veiled(robot);
        robot.push(KeyCode.F10);
        waitFor(() -> position(robot).contains("t = 19 of 20"));
        waitFor(() -> veiled(robot) < atLast);
        DebuggerWindow.retype(robot, "#jumpField", "1").push(KeyCode.ENTER);
        waitFor(() -> position(robot).contains("t = 1 of 20") && veiled(robot) == 0);
        DebuggerWindow.retype(robot, "#jumpField", "19").push(KeyCode.ENTER);
        waitFor(() -> position(robot).contains("t = 19 of 20") && veiled(robot) > 0);
        robot.clickOn("#besideRnn");
        waitFor(() -> in(robot).lookup("#companion-rnn_tanh").tryQuery().isPresent()
                && vm.companions().get(0).resultProperty().get() != null);
        waitFor(() -> in(robot).lookup("#gradient-plot").queryAs(GradientPlot.class).curves().size() == 3);
    }

    @Test
    void aLessonsHighlightsShowOnTheEquationTheDiagramAndTheHeatmap(FxRobot robot) throws Exception {
        waitFor(() -> vm.trace() != null && in(robot).lookup("#heatmap-0-f").tryQuery().isPresent());
        robot.interact(() -> {
            vm.highlights().showEquation("lstm.c");
            vm.highlights().showPart("f");
            vm.highlights().showHeatmap(0, "f");
        });
        String mark = "lesson-highlight";
        waitFor(() -> in(robot).lookup("#eq-lstm-c").query().getStyleClass().contains(mark));
        assertFalse(in(robot).lookup("#eq-lstm-f").query().getStyleClass().contains(mark));
        assertTrue(in(robot).lookup("#node-f").query().getStyleClass().contains(mark));
        assertTrue(in(robot).lookup("#heatmap-0-f").query().getParent().getStyleClass().contains(mark));
        assertFalse(in(robot).lookup("#heatmap-0-c").query().getParent().getStyleClass().contains(mark));
        robot.interact(() -> {
            vm.highlights().showEquation(null);
            vm.highlights().showPart(null);
            vm.highlights().showHeatmap(0, null);
        });
        waitFor(() -> !in(robot).lookup("#eq-lstm-c").query().getStyleClass().contains(mark));
        assertFalse(in(robot).lookup("#node-f").query().getStyleClass().contains(mark));
        assertFalse(in(robot).lookup("#heatmap-0-f").query().getParent().getStyleClass().contains(mark));
    }
}
