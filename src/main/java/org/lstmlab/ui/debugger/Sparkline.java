package org.lstmlab.ui.debugger;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import org.lstmlab.ui.common.Palette;

/**
 * A small line of a watch's value over time, with the cursor's timestep marked. It draws only the steps computed at
 * the cursor (in forward mode the line grows step by step; a lesson's answer at a later step is not on it), on a
 * scale taken over those steps, each at its place on the whole run's time axis. The line is drawn again only when
 * the series or those steps change; else a step just moves the marker.
 */
final class Sparkline extends Pane {
    static final double W = 130;
    static final double H = 22;
    private final Canvas canvas = new Canvas(W, H);
    private final Line marker = new Line(0, 0, 0, H);
    private double[] drawn;
    private int drawnFrom;
    private int drawnTo;

    Sparkline() {
        marker.setStroke(Palette.of(Palette.Role.EMPHASIS));
        getChildren().addAll(canvas, marker);
        getStyleClass().add("watch-sparkline");
        setPrefSize(W, H);
        setMinSize(W, H);
    }

    /** Draws steps {@code from} to {@code to} (exclusive) of {@code series} and marks step t. */
    void draw(double[] series, int from, int to, int t) {
        if (series != drawn || from != drawnFrom || to != drawnTo) {
            drawn = series;
            drawnFrom = from;
            drawnTo = to;
            paint(series, from, to);
        }
        int n = series == null ? 0 : series.length;
        marker.setVisible(n > 0);
        double x = 1 + (n > 1 ? t * (W - 2) / (n - 1) : 0);
        marker.setStartX(x);
        marker.setEndX(x);
    }

    private void paint(double[] series, int from, int to) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, W, H);
        int a = Math.max(0, from);
        int b = series == null ? 0 : Math.min(series.length, to);
        if (a >= b) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = a; k < b; k++) {
            if (Double.isFinite(series[k])) {
                lo = Math.min(lo, series[k]);
                hi = Math.max(hi, series[k]);
            }
        }
        if (lo > hi) {
            return;
        }
        double span = hi > lo ? hi - lo : 1;
        double dx = series.length > 1 ? (W - 2) / (series.length - 1) : 0;
        g.setStroke(Palette.of(Palette.Role.HIDDEN));
        g.beginPath();
        for (int k = a; k < b; k++) {
            double y = H - 2 - (series[k] - lo) / span * (H - 4);
            if (k == a) {
                g.moveTo(1 + k * dx, y);
            } else {
                g.lineTo(1 + k * dx, y);
            }
        }
        g.stroke();
    }
}
