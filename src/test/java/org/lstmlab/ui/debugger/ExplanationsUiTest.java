package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.UiWait;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Hovering a gate of the diagram, an equation row or a heatmap explains it in words with its current value (never
 * LaTeX); a heatmap shows the value under the pointer, its axes and its colour bar.
 */
class ExplanationsUiTest extends DebuggerUiBase {

    /** The texts of the explanation tooltip showing now, if one is. */
    private static Optional<List<String>> shownExplanation() throws Exception {
        return UiWait.onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Tooltip t && t.isShowing() && t.getGraphic() instanceof VBox)
                .map(w -> ((VBox) ((Tooltip) w).getGraphic()).getChildren().stream()
                        .map(n -> ((Label) n).getText()).toList())
                .findFirst());
    }

    /**
     * Shows the node's explanation as hovering does. The tooltip is shown directly: under headless Monocle a robot's
     * move does not always make the toolkit's hover timer fire (the pointer may already be there, or an earlier
     * popup may take the move), which made this test fail at random while the app worked.
     */
    static List<String> hover(FxRobot robot, String query) throws Exception {
        Node target = DebuggerWindow.in(robot).lookup(query).query();
        robot.interact(() -> {
            List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof Tooltip)
                    .forEach(w -> ((Tooltip) w).hide());
            Tooltip tip = (Tooltip) target.getProperties().get("javafx.scene.control.Tooltip");
            assertTrue(tip != null, query + " has a tooltip");
            Bounds b = target.localToScreen(target.getBoundsInLocal());
            tip.show(target, b.getCenterX(), b.getMaxY() + 4);
        });
        UiWait.until("shownExplanation().isPresent()", () -> shownExplanation().isPresent());
        List<String> texts = shownExplanation().orElseThrow();
        for (String t : texts) {
            assertFalse(t == null || t.isBlank(), texts.toString());
            assertFalse(t.contains("\\"), "no LaTeX: " + t);
        }
        return texts;
    }

    /** A pointer move over {@code node} at its local ({@code x}, {@code y}), delivered to the node. */
    static void pointerAt(FxRobot robot, Node node, double x, double y, EventType<MouseEvent> type) {
        robot.interact(() -> {
            Point2D screen = node.localToScreen(x, y);
            Point2D scene = node.localToScene(x, y);
            Event.fireEvent(node, new MouseEvent(type, x, y, screen.getX(), screen.getY(), MouseButton.NONE, 0,
                    false, false, false, false, false, false, false, false, false, false,
                    new PickResult(node, scene.getX(), scene.getY())));
        });
    }

    @Test
    void aGateOfTheDiagramSaysWhatItDoesAndWhatItsValueMeans(FxRobot robot) throws Exception {
        stepToTheCellState(robot);
        List<String> tip = hover(robot, "#node-f");
        double f = vm.visible("f", 0)[0];
        assertTrue(tip.get(0).contains("forget gate"), tip.toString());
        assertTrue(tip.get(1).contains("old memory"), tip.toString());
        assertTrue(tip.get(2).startsWith("f \u2248 " + Numbers.display(f) + ":"), "the value now: " + tip);
        assertTrue(tip.get(3).contains("f\u209c[j] = \u03c3(a_f[j])"), "where it comes from: " + tip);
    }

    @Test
    void anEquationRowExplainsItsResultNeverItsLatex(FxRobot robot) throws Exception {
        stepToTheCellState(robot);
        List<String> tip = hover(robot, "#eq-lstm-c");
        assertTrue(tip.get(0).startsWith("cell state"), tip.toString());
        assertTrue(tip.get(2).startsWith("c \u2248 " + Numbers.display(vm.visible("c", 0)[0])), tip.toString());
        assertTrue(tip.get(3).contains("c\u209c[j] = f\u209c[j]\u00b7c\u209c\u208b\u2081[j] "
                + "+ i\u209c[j]\u00b7g\u209c[j]"), tip.toString());
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
        Bounds mb = map.getBoundsInLocal();
        pointerAt(robot, map, mb.getWidth() / 2 + 2, mb.getHeight() / 2 + 2, MouseEvent.MOUSE_MOVED);  // the middle
        UiWait.until("title.getText().startsWith('f[unit ')", () -> title.getText().startsWith("f[unit "));
        var trace = vm.trace();
        int units = trace.vector("f", 0, 0, 0).length;
        String text = title.getText();
        int unit = Integer.parseInt(text.substring("f[unit ".length(), text.indexOf(']')));
        int t = Integer.parseInt(text.substring(text.indexOf("t = ") + 4, text.indexOf(':')).strip());
        assertTrue(unit >= 0 && unit < units && t >= 1 && t <= 20, text);
        assertTrue(text.endsWith(Numbers.display(trace.vector("f", 0, t - 1, 0)[unit])), "the value there: " + text);
        pointerAt(robot, map, -5, -5, MouseEvent.MOUSE_EXITED);
        UiWait.until("title.getText().equals(range)", () -> title.getText().equals(range));

        VBox box = (VBox) map.getParent();
        List<String> labels = box.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
        assertTrue(labels.contains("t=1") && labels.contains("t=20"), "the time axis: " + labels);
        assertTrue(labels.contains("0") && labels.contains("1.0000"), "a gate's colour bar runs 0 to 1: " + labels);
        assertEquals(1, box.lookupAll(".heatmap-bar").size());
        List<String> tip = hover(robot, "#heatmap-title-0-f");
        assertTrue(tip.get(2).contains("Over every timestep and unit of layer 0"), tip.toString());
    }
}
