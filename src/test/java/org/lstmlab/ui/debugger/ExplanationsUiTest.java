package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Hovering a gate of the diagram, an equation row or a heatmap explains it in words with its current value (never
 * LaTeX); a heatmap shows the value under the pointer, its axes and its colour bar.
 */
class ExplanationsUiTest extends DebuggerUiBase {

    /** The texts of the explanation tooltip showing now, if one is. */
    private static Optional<List<String>> shownExplanation() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Tooltip t && t.isShowing() && t.getGraphic() instanceof VBox)
                .map(w -> ((VBox) ((Tooltip) w).getGraphic()).getChildren().stream()
                        .map(n -> ((Label) n).getText()).toList())
                .findFirst()).get();
    }

    private List<String> hover(FxRobot robot, String query) throws Exception {
        robot.moveTo(robot.lookup(".debugger").queryAs(Node.class));
        Node target = DebuggerWindow.in(robot).lookup(query).query();
        robot.moveTo(target);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shownExplanation().isPresent());
        List<String> texts = shownExplanation().orElseThrow();
        for (String t : texts) {
            assertFalse(t == null || t.isBlank(), texts.toString());
            assertFalse(t.contains("\\"), "no LaTeX: " + t);
        }
        return texts;
    }

    private void stepToTheCellState(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null);
        robot.interact(() -> {
            for (int k = 0; k < 4; k++) {
                vm.stepper().stepInto();
            }
        });
        DebuggerWindow.waitFor(() -> vm.cursor().equation() == 4);
    }

    @Test
    void aGateOfTheDiagramSaysWhatItDoesAndWhatItsValueMeans(FxRobot robot) throws Exception {
        stepToTheCellState(robot);
        List<String> tip = hover(robot, "#node-f");
        double f = vm.visible("f", 0)[0];
        assertTrue(tip.get(0).contains("forget gate"), tip.toString());
        assertTrue(tip.get(1).contains("old memory"), tip.toString());
        assertTrue(tip.get(2).startsWith("f \u2248 " + Numbers.format(f) + ":"), "the value now: " + tip);
        assertTrue(tip.get(3).contains("f_t[j] = \u03c3(a_f[j])"), "where it comes from: " + tip);
    }

    @Test
    void anEquationRowExplainsItsResultNeverItsLatex(FxRobot robot) throws Exception {
        stepToTheCellState(robot);
        List<String> tip = hover(robot, "#eq-lstm-c");
        assertTrue(tip.get(0).startsWith("cell state"), tip.toString());
        assertTrue(tip.get(2).startsWith("c \u2248 " + Numbers.format(vm.visible("c", 0)[0])), tip.toString());
        assertTrue(tip.get(3).contains("c_t[j] = f_t[j]\u00b7c_{t\u22121}[j] + i_t[j]\u00b7g_t[j]"), tip.toString());
        List<String> later = hover(robot, "#eq-lstm-h");
        assertTrue(later.get(2).startsWith("Not computed yet"), "h comes after the cursor: " + later);
    }

    @Test
    void aHeatmapShowsTheValueUnderThePointerItsAxesAndItsScale(FxRobot robot) throws Exception {
        stepToTheCellState(robot);
        robot.interact(() -> vm.stepper().jumpTo("20"));
        DebuggerWindow.waitFor(() -> vm.cursor().t() == 19);
        Label title = DebuggerWindow.in(robot).lookup("#heatmap-title-0-f").queryAs(Label.class);
        String range = title.getText();
        Node map = DebuggerWindow.in(robot).lookup("#heatmap-0-f").query();
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof Tooltip)
                .forEach(w -> ((Tooltip) w).hide()));  // an earlier test's tooltip may still stand in the way
        robot.moveTo(map).moveBy(2, 2);  // about the middle: unit H/2, the middle timestep
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> title.getText().startsWith("f[unit "));
        var trace = vm.trace();
        int units = trace.vector("f", 0, 0, 0).length;
        String text = title.getText();
        int unit = Integer.parseInt(text.substring("f[unit ".length(), text.indexOf(']')));
        int t = Integer.parseInt(text.substring(text.indexOf("t = ") + 4, text.indexOf(':')).strip());
        assertTrue(unit >= 0 && unit < units && t >= 1 && t <= 20, text);
        assertTrue(text.endsWith(Numbers.format(trace.vector("f", 0, t - 1, 0)[unit])), "the value there: " + text);
        robot.moveTo(robot.lookup("#viewTabs").queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> title.getText().equals(range));

        VBox box = (VBox) map.getParent();
        List<String> labels = box.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
        assertTrue(labels.contains("t=1") && labels.contains("t=20"), "the time axis: " + labels);
        assertTrue(labels.contains("0") && labels.contains("1.0000"), "a gate's colour bar runs 0 to 1: " + labels);
        assertEquals(1, box.lookupAll(".heatmap-bar").size());
        List<String> tip = hover(robot, "#heatmap-title-0-f");
        assertTrue(tip.get(2).contains("Over every timestep and unit of layer 0"), tip.toString());
    }
}
