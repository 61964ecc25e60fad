package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.animation.ParallelTransition;
import javafx.animation.PathTransition;
import javafx.scene.Group;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.util.Duration;

/**
 * The wires of a {@link CellDiagram} and the dots that run along the current equation's: forward from its inputs
 * to its result, backward the other way. One dot and one transition per wire and direction, made on first use.
 */
final class WirePulses {
    private final DiagramLayout layout;
    /** Where the dots are drawn. */
    private final Group content;
    private final Map<DiagramLayout.Wire, double[]> paths = new HashMap<>();
    private final Map<DiagramLayout.Wire, Circle> pulses = new HashMap<>();
    private final Map<DiagramLayout.Wire, PathTransition> forwardRuns = new HashMap<>();
    private final Map<DiagramLayout.Wire, PathTransition> backwardRuns = new HashMap<>();
    private ParallelTransition running;

    WirePulses(DiagramLayout layout, Group content) {
        this.layout = layout;
        this.content = content;
        for (DiagramLayout.Wire w : layout.wires) {
            paths.put(w, layout.path(w));
        }
    }

    /** The wire's corners, as x, y pairs from its start to its end. */
    double[] path(DiagramLayout.Wire w) {
        return paths.get(w);
    }

    /** Stops the dots running and hides them. */
    void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
        pulses.values().forEach(d -> d.setVisible(false));
    }

    /** Runs a dot along each wire of {@code equation}, backward when {@code reverse}; stops those running first. */
    void run(String equation, boolean reverse) {
        stop();
        ParallelTransition all = new ParallelTransition();
        for (DiagramLayout.Wire w : layout.wires) {
            if (w.equation().equals(equation)) {
                all.getChildren().add(pulse(w, reverse));
            }
        }
        if (!all.getChildren().isEmpty()) {
            running = all;
            all.setOnFinished(ev -> pulses.values().forEach(d -> d.setVisible(false)));
            all.play();
        }
    }

    /** The dot running along a wire: one dot and one transition per wire and direction, made on first use. */
    private PathTransition pulse(DiagramLayout.Wire w, boolean reverse) {
        Circle dot = pulses.computeIfAbsent(w, k -> {
            Circle c = new Circle(4);
            c.getStyleClass().add("pulse");
            c.setVisible(false);
            content.getChildren().add(c);
            return c;
        });
        dot.setVisible(true);
        return (reverse ? backwardRuns : forwardRuns).computeIfAbsent(w, k -> {
            List<Double> pts = new ArrayList<>();
            for (double p : paths.get(w)) {
                pts.add(p);
            }
            if (reverse) {
                List<Double> r = new ArrayList<>();
                for (int i = pts.size() - 2; i >= 0; i -= 2) {
                    r.add(pts.get(i));
                    r.add(pts.get(i + 1));
                }
                pts = r;
            }
            Polyline path = new Polyline();
            path.getPoints().setAll(pts);
            return new PathTransition(Duration.millis(350), path, dot);
        });
    }
}
