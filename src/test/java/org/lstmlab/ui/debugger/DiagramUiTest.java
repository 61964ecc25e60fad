package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.testfx.api.FxRobot;

/**
 * The diagram: its parts named as mathematics (not {@code c_{t-1}} as text), readable on a dark fill, a title that
 * says which layer, unit and timestep it shows, and why its gates stand in another order than the equations.
 */
class DiagramUiTest extends DebuggerUiBase {
    private static Node diagram(FxRobot robot) {
        return DebuggerWindow.in(robot).lookup("#diagramScroll .cell-diagram").query();
    }

    /** The colour of the ink of an image: its most opaque pixel. */
    static Color ink(Image image) {
        PixelReader r = image.getPixelReader();
        Color best = Color.TRANSPARENT;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = r.getColor(x, y);
                if (c.getOpacity() > best.getOpacity()) {
                    best = c;
                }
            }
        }
        return best;
    }

    @Test
    void thePartsAreNamedAsMathematicsNotAsTexSource(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null && DebuggerWindow.in(robot).lookup("#node-c_prev")
                .tryQuery().isPresent());
        Node d = diagram(robot);
        for (Node n : d.lookupAll(".text")) {
            String s = ((Text) n).getText();
            assertFalse(s.contains("_") || s.contains("σ") || s.contains("\\"), "TeX source shown as text: " + s);
        }
        ImageView cPrev = (ImageView) d.lookup("#node-c_prev .node-label");
        assertEquals("c_{t-1}", cPrev.getAccessibleText());
        assertTrue(cPrev.getImage().getWidth() > 10, "rendered by JLaTeXMath");
        Set<Node> names = d.lookupAll(".node-label");
        assertEquals(14, names.size(), "every part of the LSTM has its name drawn");
        assertTrue(names.stream().allMatch(n -> n instanceof ImageView));
    }

    @Test
    void theTitleSaysWhichLayerUnitAndTimestepAndWhyTheGatesStandInAnotherOrder(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null);
        Label title = DebuggerWindow.in(robot).lookup("#diagram-title").queryAs(Label.class);
        DebuggerWindow.waitFor(() -> title.getText().equals("LSTM: layer 0, unit 0, t = 1"));
        robot.interact(() -> {
            vm.moves().followUnit(2);
            vm.moves().jumpTo(5);
        });
        DebuggerWindow.waitFor(() -> title.getText().equals("LSTM: layer 0, unit 2, t = 5"));
        Label order = DebuggerWindow.in(robot).lookup("#diagram-order").queryAs(Label.class);
        assertTrue(order.isVisible());
        assertTrue(order.getText().contains("i, f, g, o"));
        robot.interact(() -> vm.moves().setBackward(true));
        DebuggerWindow.waitFor(() -> title.getText().startsWith("LSTM: layer 0, unit 2, t = 20")
                && title.getText().contains("gradients"));
        robot.interact(() -> vm.setupCommands().chooseCell(CellType.GRU));
        DebuggerWindow.waitFor(() -> vm.trace().cell() == CellType.GRU && !order.isVisible());
    }

    @Test
    void theNameOfTheRnnBoxTurnsWhiteOnItsDarkFill(FxRobot robot) throws Exception {
        DebuggerWindow.waitFor(() -> vm.trace() != null);
        robot.interact(() -> {
            vm.setupCommands().chooseCell(CellType.RNN_TANH);
            vm.setupCommands().chooseWeights(WeightPreset.LATCH);
        });
        DebuggerWindow.waitFor(() -> vm.trace().cell() == CellType.RNN_TANH && vm.trace().hiddenSize() == 1
                && DebuggerWindow.in(robot).lookup("#node-a").tryQuery().isPresent());
        // the latch saturates h at the sign of x_1: from t = 2 on, |h| is near 1 and the box is nearly opaque
        robot.interact(() -> vm.moves().jumpTo(6));
        DebuggerWindow.waitFor(() -> vm.cursor().t() == 5);
        assertTrue(Math.abs(vm.trace().value("h", 0, 5, 0, 0)) > 0.9, "saturated");
        ImageView name = (ImageView) diagram(robot).lookup("#node-a .node-label");
        DebuggerWindow.waitFor(() -> ink(name.getImage()).getBrightness() > 0.9);
        org.lstmlab.engine.trace.Trace latched = vm.trace();
        robot.interact(() -> vm.setupCommands().chooseWeights(WeightPreset.RANDOM_TORCH));
        DebuggerWindow.waitFor(() -> vm.trace() != latched);
        int calm = -1;
        for (int t = 0; t < vm.trace().steps() && calm < 0; t++) {
            if (Math.abs(vm.trace().value("h", 0, t, 0, 0)) < 0.25) {
                calm = t;
            }
        }
        assertTrue(calm >= 0, "random weights leave unit 0 small somewhere");
        int at = calm + 1;
        robot.interact(() -> vm.moves().jumpTo(at));
        DebuggerWindow.waitFor(() -> vm.cursor().t() == at - 1);
        DebuggerWindow.waitFor(() -> ink(name.getImage()).getBrightness() < 0.2);
    }
}
