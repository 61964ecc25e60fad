package org.lstmlab.ui.training;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.lstmlab.ui.common.Palette;

/** A histogram drawn on a canvas: bars, the range under them, the title above. Redrawn only when set or resized. */
public final class HistogramView extends Region {
    private final Canvas canvas = new Canvas();
    private Histogram histogram = Histogram.EMPTY;
    private String title = "";
    private String nonFiniteFormat = "{0} NaN/Inf";
    /** The range written under the bars when last drawn, lowest then highest; empty without bars. */
    private java.util.List<String> range = java.util.List.of();

    public HistogramView() {
        getChildren().add(canvas);
        setMinSize(80, 80);
        setPrefSize(200, 160);
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
    }

    public void show(Histogram h, String label) {
        histogram = h;
        title = label;
        draw();
    }

    /** The label under the bars when values are NaN or infinite, a MessageFormat with the count as {0}. */
    public void setNonFiniteFormat(String pattern) {
        nonFiniteFormat = pattern;
    }

    /** The range written under the bars, lowest then highest, as last drawn (the canvas shows it only as pixels). */
    java.util.List<String> range() {
        return range;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    private Color barColor() {
        return Palette.of(getStyleClass().contains("gradients") ? Palette.Role.CELL : Palette.Role.HIDDEN);
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#fafafa"));
        g.fillRect(0, 0, w, h);
        g.setFill(Color.web("#333333"));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, w / 2, 4);
        int[] counts = histogram.counts();
        range = java.util.List.of();
        if (counts.length == 0) {
            return;
        }
        // the minus sign −, as the debugger writes it (display only)
        String lo = AxisTicks.number(histogram.lo());
        String hi = AxisTicks.number(histogram.hi());
        range = java.util.List.of(lo, hi);
        // side by side when they fit, else the largest value a line lower: never written over each other
        boolean twoLines = PlotView.width(lo, g.getFont()) + PlotView.width(hi, g.getFont()) + 6 > w - 16;
        double top = 24;
        double bottom = h - (twoLines ? 34 : 20);
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        double bw = (w - 16) / counts.length;
        g.setFill(barColor());
        for (int i = 0; i < counts.length; i++) {
            double bh = (bottom - top) * counts[i] / max;
            g.fillRect(8 + i * bw, bottom - bh, Math.max(1, bw - 1), bh);
        }
        g.setFill(Color.web("#555555"));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(lo, 8, bottom + 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(hi, w - 8, bottom + (twoLines ? 16 : 2));
        if (histogram.nonFinite() > 0) {
            g.setFill(Palette.of(Palette.Role.EMPHASIS));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(java.text.MessageFormat.format(nonFiniteFormat, histogram.nonFinite()), w / 2, bottom + 2);
        }
    }
}
