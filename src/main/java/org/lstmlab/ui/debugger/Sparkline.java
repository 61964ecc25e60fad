package org.lstmlab.ui.debugger;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A small line of a watch's value over time, with the cursor's timestep marked. */
final class Sparkline extends Canvas {
    Sparkline() {
        super(130, 22);
    }

    void draw(double[] series, int t) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
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
        double dx = series.length > 1 ? (getWidth() - 2) / (series.length - 1) : 0;
        g.setStroke(Color.web("#455a64"));
        g.beginPath();
        for (int k = 0; k < series.length; k++) {
            double y = getHeight() - 2 - (series[k] - lo) / span * (getHeight() - 4);
            if (k == 0) {
                g.moveTo(1, y);
            } else {
                g.lineTo(1 + k * dx, y);
            }
        }
        g.stroke();
        g.setStroke(Color.web("#c62828"));
        g.strokeLine(1 + t * dx, 0, 1 + t * dx, getHeight());
    }
}
