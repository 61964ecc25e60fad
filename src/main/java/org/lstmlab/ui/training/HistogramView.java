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

    /** The least room between a range value and the histogram's edge, in pixels. */
    static final double EDGE = 3;

    /**
     * Where the range is written under bars {@code w} px wide: the lowest value's left end, the highest's right end,
     * and 1 when they stand on two lines (the highest a line lower) for want of room side by side, else 0. Each
     * stands under the bars' ends (8 px in) or, wider than that leaves room for, as near as fits inside the edges:
     * "−9.88×10⁻⁴" lost its exponent at the right edge at 1024 × 768.
     */
    static double[] rangeAt(double w, double loWidth, double hiWidth) {
        boolean twoLines = loWidth + hiWidth + 6 > w - 16;
        double loLeft = Math.max(EDGE, Math.min(8, w - EDGE - loWidth));
        double hiRight = Math.min(w - EDGE, Math.max(w - 8, EDGE + hiWidth));
        return new double[] {loLeft, hiRight, twoLines ? 1 : 0};
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
        // a value wider than the histogram ("−9.88×10⁻⁴" at 1024 × 768) in a smaller font, down to 9 px
        javafx.scene.text.Font font = g.getFont();
        for (double size = font.getSize(); size > 9 && Math.max(PlotView.width(lo, g.getFont()),
                PlotView.width(hi, g.getFont())) > w - 2 * EDGE; size -= 0.5) {
            g.setFont(javafx.scene.text.Font.font(font.getFamily(), size - 0.5));
        }
        double[] at = rangeAt(w, PlotView.width(lo, g.getFont()), PlotView.width(hi, g.getFont()));
        boolean twoLines = at[2] > 0;
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
        g.fillText(lo, at[0], bottom + 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(hi, at[1], bottom + (twoLines ? 16 : 2));
        g.setFont(font);
        if (histogram.nonFinite() > 0) {
            g.setFill(Palette.of(Palette.Role.EMPHASIS));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(java.text.MessageFormat.format(nonFiniteFormat, histogram.nonFinite()), w / 2, bottom + 2);
        }
    }
}
