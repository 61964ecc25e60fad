package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * At 1024 × 768 a long checkup (a three-layer run's two signs, about twelve lines) squeezed the Train tab's charts
 * to about 85 px each, their histograms' range labels cut off at the window's bottom. Now the charts keep their room
 * and the tab scrolls down to them.
 */
class TrainChartsUnderCheckupUiTest extends MainWindowUiBase {
    private static final String[] CHARTS = {"#lossChart", "#accuracyChart", "#gradChart"};
    /** Each chart at least this high on the screen: two rows of the grid's least height, less the gap. */
    private static final double LEAST = 140;

    @Test
    void theChartsKeepTheirRoomUnderALongCheckupAndTheTabScrollsToThem(FxRobot robot) {
        robot.interact(() -> window.selectTab("train"));
        Label checkup = robot.lookup("#checkupLabel").queryAs(Label.class);
        String sign = "⚠ In layer 2 (layers 0 to 2, from the input up), 82.5 % of the gate values are saturated (a "
                + "sigmoid within 0.0025 of 0 or 1, a tanh within 0.005 of ±1): they pass on almost none of the "
                + "gradient. Layer by layer: 4.7 %, 47.3 %, 82.5 %. Weights that grew too large push the gates to "
                + "their limits, often after a learning rate that is too large: lower it and train again.";
        robot.interact(() -> {
            checkup.textProperty().unbind();  // the text a failed run's checkup shows; only its length counts here
            checkup.setText("Checkup: 2 warning signs\n" + sign + "\n" + sign);
        });
        settle(robot, 3);
        ScrollPane tab = robot.lookup(".training-scroll").queryAs(ScrollPane.class);
        List<String> small = UiWait.onFx(() -> {
            List<String> p = new ArrayList<>();
            for (String id : CHARTS) {
                Node n = tab.getContent().lookup(id);
                double h = n.localToScene(n.getLayoutBounds()).getHeight();
                if (h < LEAST) {
                    p.add(id + " " + Math.round(h) + " px");
                }
            }
            return p;
        });
        assertTrue(small.isEmpty(), "charts squeezed under the checkup: " + small);
        robot.interact(() -> tab.setVvalue(tab.getVmax()));
        settle(robot, 2);
        for (String id : new String[] {"#gradChart", ".histogram"}) {
            Bounds b = UiWait.onFx(() -> {
                Node n = tab.getContent().lookup(id);
                return n.localToScene(n.getLayoutBounds());
            });
            Bounds shown = UiWait.onFx(() -> tab.localToScene(tab.getLayoutBounds()));
            assertTrue(b.getMaxY() <= shown.getMaxY() + 0.5, id + " ends at " + b.getMaxY()
                    + ", below the tab's bottom at " + shown.getMaxY() + " when scrolled to the end");
        }
    }
}
