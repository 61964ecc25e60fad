package org.lstmlab.ui.debugger;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import org.lstmlab.ui.common.Palette;

/**
 * A small line of a watch's value over time, with the cursor's timestep marked. The line is drawn again only when
 * the series changes; a step just moves the marker.
 */
final class Sparkline extends Pane {
    private static final double W = 130;
    private static final double H = 22;
    private final Canvas canvas = new Canvas(W, H);
    private final Line marker = new Line(0, 0, 0, H);
    private double[] drawn;

    Sparkline() {
        marker.setStroke(Palette.of(Palette.Role.EMPHASIS));
        getChildren().addAll(canvas, marker);
        setPrefSize(W, H);
        setMinSize(W, H);
    }

    void draw(double[] series, int t) {
        if (series != drawn) {
            drawn = series;
            paint(series);
        }
        int n = series == null ? 0 : series.length;
        marker.setVisible(n > 0);
        double x = 1 + (n > 1 ? t * (W - 2) / (n - 1) : 0);
        marker.setStartX(x);
        marker.setEndX(x);
    }

    private void paint(double[] series) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, W, H);
        if (series == null || series.length == 0) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : series) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return;
        }
        double span = hi > lo ? hi - lo : 1;
        double dx = series.length > 1 ? (W - 2) / (series.length - 1) : 0;
        g.setStroke(Palette.of(Palette.Role.HIDDEN));
        g.beginPath();
        for (int k = 0; k < series.length; k++) {
            double y = H - 2 - (series[k] - lo) / span * (H - 4);
            if (k == 0) {
                g.moveTo(1, y);
            } else {
                g.lineTo(1 + k * dx, y);
            }
        }
        g.stroke();
    }
}
