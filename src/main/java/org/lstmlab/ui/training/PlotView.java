package org.lstmlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A line plot drawn on one canvas: a title, axes with their ranges, a legend, and any number of series. Live
 * charts use it instead of {@code LineChart}, whose nodes per point cost the FX thread hundreds of milliseconds a
 * redraw under software rendering; this draws a thousand points in well under a millisecond.
 */
public final class PlotView extends Region {
    /** One line: x and y values (NaN points are skipped) with a colour and a legend name. */
    public record Series(String name, double[] x, double[] y, Color color, boolean dots) {
    }

    private final Canvas canvas = new Canvas();
    private final List<Series> series = new ArrayList<>();
    private String title = "";
    private String xLabel = "";
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;

    public PlotView() {
        getChildren().add(canvas);
        setMinSize(120, 100);
        setPrefSize(400, 260);
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
    }

    public void setTitle(String title) {
        this.title = title;
        draw();
    }

    public String getTitle() {
        return title;
    }

    public void setXLabel(String label) {
        this.xLabel = label;
        draw();
    }

    /** Fixes the y range (NaN for automatic). */
    public void setYRange(double min, double max) {
        yMin = min;
        yMax = max;
        draw();
    }

    /** Replaces every series and redraws. */
    public void show(List<Series> lines) {
        series.clear();
        series.addAll(lines);
        draw();
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFont(Font.font(11));
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#fafafa"));
        g.fillRect(0, 0, w, h);
        g.setFill(Color.web("#333333"));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFont(fitting(title, 12, w - 8));
        g.fillText(title, w / 2, 4);
        g.setFont(Font.font(11));
        double left = 58;
        double right = w - 10;
        double top = 24;
        double bottom = h - 38;
        double[] xr = range(true);
        double[] yr = range(false);
        if (!Double.isNaN(yMin)) {
            yr = new double[] {yMin, yMax};
        }
        g.setStroke(Color.web("#bbbbbb"));
        g.setLineWidth(1);
        g.strokeRect(left, top, right - left, bottom - top);
        g.setFill(Color.web("#555555"));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(num(xr[0]), left, bottom + 3);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(num(xr[1]), right, bottom + 3);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(xLabel, (left + right) / 2, bottom + 3);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(num(yr[1]), left - 4, top + 4);
        g.fillText(num(yr[0]), left - 4, bottom - 4);
        g.fillText(num((yr[0] + yr[1]) / 2), left - 4, (top + bottom) / 2);
        g.setStroke(Color.web("#e4e4e4"));
        g.strokeLine(left, (top + bottom) / 2, right, (top + bottom) / 2);
        double sx = (right - left) / Math.max(1e-300, xr[1] - xr[0]);
        double sy = (bottom - top) / Math.max(1e-300, yr[1] - yr[0]);
        double legendX = left + 6;
        StringBuilder legend = new StringBuilder();
        for (Series s : series) {
            legend.append(s.name()).append("\u3000\u3000");  // each name and room for its swatch
        }
        if (width(legend.toString(), Font.font(11)) > w - legendX - 4) {
            legendX = 6;  // a narrow chart: the legend may start under the axis labels
        }
        Font legendFont = fitting(legend.toString(), 11, w - legendX - 4);
        for (Series s : series) {
            g.setStroke(s.color());
            g.setFill(s.color());
            g.setLineWidth(1.6);
            g.beginPath();
            boolean open = false;
            for (int i = 0; i < Math.min(s.x().length, s.y().length); i++) {
                double y = s.y()[i];
                if (!Double.isFinite(y)) {
                    open = false;
                    continue;
                }
                double px = left + (s.x()[i] - xr[0]) * sx;
                double py = bottom - (Math.max(yr[0], Math.min(yr[1], y)) - yr[0]) * sy;
                if (open) {
                    g.lineTo(px, py);
                } else {
                    g.moveTo(px, py);
                    open = true;
                }
                if (s.dots()) {
                    g.fillOval(px - 3, py - 3, 6, 6);
                }
            }
            g.stroke();
            if (!s.name().isEmpty()) {
                g.fillRect(legendX, h - 16, 10, 10);
                g.setFill(Color.web("#333333"));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                g.setFont(legendFont);
                g.fillText(s.name(), legendX + 14, h - 11);
                legendX += 24 + width(s.name(), legendFont);
            }
        }
    }

    /** How wide {@code text} is drawn in {@code font} (a Chinese character is about twice a Latin letter). */
    static double width(String text, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** The font of {@code size}, or a smaller one (down to 9) when the text would not fit in {@code room}. */
    private static Font fitting(String text, double size, double room) {
        Font f = Font.font(size);
        for (double s = size; s > 9 && width(text, f) > room; s -= 0.5) {
            f = Font.font(s - 0.5);
        }
        return f;
    }

    /** Min and max of the finite x (or y) values of every series; a unit range when there are none. */
    private double[] range(boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[] v = x ? s.x() : s.y();
            double[] other = x ? s.y() : s.x();
            for (int i = 0; i < Math.min(v.length, other.length); i++) {
                if (Double.isFinite(v[i]) && Double.isFinite(other[i])) {
                    lo = Math.min(lo, v[i]);
                    hi = Math.max(hi, v[i]);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-12) {
            return new double[] {lo - 0.5, hi + 0.5};
        }
        return new double[] {lo, hi};
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
