package org.lstmlab.ui.training;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A line plot drawn on one canvas: a title, axes with round ticks ({@link AxisTicks}), a legend, any number of
 * series and dashed reference lines (a threshold, a chance level). The y axis is linear or logarithmic
 * ({@link PlotScale}). Live charts use it instead of {@code LineChart}, whose nodes per point cost the FX thread
 * hundreds of milliseconds a redraw under software rendering; this draws a thousand points in well under a
 * millisecond.
 */
public final class PlotView extends Region {
    /** One line: x and y values (points that are not finite, or not positive on a log axis, are skipped). */
    public record Series(String name, double[] x, double[] y, Color color, boolean dots) {
    }

    /**
     * A dashed horizontal line across the plot at {@code y}, labelled at its right end with its {@code name}, or
     * where that is wider than the plot (a narrow chart at 1024 × 768) with its {@code shortName} ("≥ 90.0 %" for
     * "solved at ≥ 90.0 %"), cut short with "…" if even that is too wide.
     */
    public record Reference(String name, String shortName, double y, Color color) {
        public Reference(String name, double y, Color color) {
            this(name, name, y, color);
        }

        /** What the line is labelled with in {@code room} px. */
        String label(Font font, double room) {
            return width(name, font) <= room ? name : clipped(shortName, font, room);
        }
    }

    private final Canvas canvas = new Canvas();
    private final List<Series> series = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private String title = "";
    private String xLabel = "";
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;
    private PlotScale scale = PlotScale.LINEAR;
    private boolean wholeX;

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

    /** Ticks on the x axis at whole numbers only (epochs, timesteps). */
    public void setWholeX(boolean whole) {
        wholeX = whole;
        draw();
    }

    /** Linear, logarithmic, or logarithmic when the values span two decades or more. */
    public void setScale(PlotScale s) {
        scale = s;
        draw();
    }

    /** Replaces every series and redraws. */
    public void show(List<Series> lines) {
        show(lines, List.of());
    }

    /** A reference line's name needs this much room above or below the line, in pixels. */
    private static final double NAME_ROOM = 14;

    /**
     * Where the name of reference line {@code i} goes (ys: the lines in pixels, downwards): the baseline of a name
     * above the line, or, as {@code -y}, the top of a name under it. Above, unless there is no room there, or another
     * line just above has its name there and there is room below; a name whose line has another just below it that
     * has no room under it goes up, out of that one's way.
     */
    static double nameY(double[] ys, int i, double top, double bottom) {
        double py = ys[i];
        double y = py - 1;
        for (int j = 0; j < ys.length; j++) {
            if (j == i || Double.isNaN(ys[j])) {
                continue;
            }
            if (ys[j] < py && py - ys[j] < NAME_ROOM && bottom - py >= NAME_ROOM) {
                return -(py + 1);
            }
            if (ys[j] >= py && ys[j] - py < NAME_ROOM && bottom - ys[j] < NAME_ROOM && !(ys[j] == py && j > i)) {
                y = Math.min(y, ys[j] - 1 - NAME_ROOM);
            }
        }
        return py - top < NAME_ROOM ? -(py + 1) : y;
    }

    /** Replaces every series and reference line and redraws. */
    public void show(List<Series> lines, List<Reference> refs) {
        series.clear();
        series.addAll(lines);
        references.clear();
        references.addAll(refs);
        draw();
    }

    /** Removes every series and reference line. */
    public void clear() {
        show(List.of(), List.of());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    private List<double[]> allY() {
        List<double[]> ys = new ArrayList<>();
        for (Series s : series) {
            ys.add(s.y());
        }
        double[] refs = references.stream().mapToDouble(Reference::y).toArray();
        ys.add(refs);
        return ys;
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
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#fafafa"));
        g.fillRect(0, 0, w, h);
        g.setFill(Color.web("#333333"));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        // a title too long for a narrow plot (1024 × 768, Chinese) breaks after a comma instead of being cut
        java.util.List<String> titleLines = titleLines(title, w - 8);
        for (int k = 0; k < titleLines.size(); k++) {
            g.setFont(fitting(titleLines.get(k), 12, w - 8));
            g.fillText(titleLines.get(k), w / 2, 4 + 14 * k);
        }
        g.setFont(Font.font(11));
        boolean log = scale.logarithmic(allY());
        double left = 62;
        double right = w - 12;
        double top = 24 + 14 * (titleLines.size() - 1);
        double bottom = h - 46;
        double[] xr = PlotRange.of(xValues(), false, Double.NaN, Double.NaN);
        double[] yr = PlotRange.of(allY(), log, yMin, yMax);
        double ty0 = log ? Math.log10(yr[0]) : yr[0];
        double ty1 = log ? Math.log10(yr[1]) : yr[1];
        double sx = (right - left) / Math.max(1e-300, xr[1] - xr[0]);
        double sy = (bottom - top) / Math.max(1e-300, ty1 - ty0);

        g.setStroke(Color.web("#bbbbbb"));
        g.setLineWidth(1);
        g.strokeRect(left, top, right - left, bottom - top);
        g.setFill(Color.web("#555555"));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        // fewer ticks on a short chart (200 % at 1024 × 768): their labels a line apart, never on each other
        double[] yt = AxisTicks.spaced(yr[0], yr[1], log, log ? 6 : 5, bottom - top, g.getFont().getSize() * 1.3);
        double ystep = log || yt.length < 2 ? 1 : yt[1] - yt[0];
        for (double v : yt) {
            double py = bottom - ((log ? Math.log10(v) : v) - ty0) * sy;
            g.setStroke(Color.web("#e8e8e8"));
            g.strokeLine(left, py, right, py);
            g.fillText(log ? AxisTicks.logLabel(v) : AxisTicks.label(v, ystep), left - 4, py);
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        double[] xt = xTicks(xr[0], xr[1], wholeX, sx, g.getFont());
        double xstep = xt.length < 2 ? 1 : xt[1] - xt[0];
        for (double v : xt) {
            g.fillText(AxisTicks.label(v, xstep), left + (v - xr[0]) * sx, bottom + 3);
        }
        g.fillText(xLabel, (left + right) / 2, bottom + 17);

        double[] lineYs = new double[references.size()];
        for (int i = 0; i < lineYs.length; i++) {
            double y = log ? (references.get(i).y() > 0 ? Math.log10(references.get(i).y()) : Double.NaN)
                    : references.get(i).y();
            lineYs[i] = Double.isFinite(y) ? bottom - (Math.max(ty0, Math.min(ty1, y)) - ty0) * sy : Double.NaN;
        }
        for (int i = 0; i < lineYs.length; i++) {
            Reference r = references.get(i);
            double py = lineYs[i];
            if (Double.isNaN(py)) {
                continue;
            }
            g.setStroke(r.color());
            g.setLineWidth(1.2);
            g.setLineDashes(6, 4);
            g.strokeLine(left, py, right, py);
            g.setLineDashes((double[]) null);
            g.setFill(r.color());
            g.setTextAlign(TextAlignment.RIGHT);
            double at = nameY(lineYs, i, top, bottom);
            boolean below = at < 0;
            g.setTextBaseline(below ? VPos.TOP : VPos.BOTTOM);
            g.fillText(r.label(g.getFont(), right - left - 8), right - 4, Math.abs(at));
        }

        double legendX = left + 6;
        StringBuilder legend = new StringBuilder();
        for (Series s : series) {
            legend.append(s.name()).append("\u3000\u3000");  // each name and room for its swatch
        }
        if (width(legend.toString(), Font.font(11)) > w - legendX - 4) {
            legendX = 6;  // a narrow chart: the legend may start under the axis labels
        }
        Font legendFont = fitting(legend.toString(), 11, w - legendX - 4);
        long named = series.stream().filter(s -> !s.name().isEmpty()).count();
        // still too wide at the smallest size: each name gets an equal share and ends in "…" rather than off the edge
        double share = width(legend.toString(), legendFont) > w - legendX - 4 && named > 0
                ? (w - legendX - 4) / named - 24 : Double.MAX_VALUE;
        for (Series s : series) {
            g.setStroke(s.color());
            g.setFill(s.color());
            g.setLineWidth(1.6);
            g.beginPath();
            boolean open = false;
            for (int i = 0; i < Math.min(s.x().length, s.y().length); i++) {
                double y = log ? (s.y()[i] > 0 ? Math.log10(s.y()[i]) : Double.NaN) : s.y()[i];
                if (!Double.isFinite(y) || !Double.isFinite(s.x()[i])) {
                    open = false;
                    continue;
                }
                double px = left + (s.x()[i] - xr[0]) * sx;
                double py = bottom - (Math.max(ty0, Math.min(ty1, y)) - ty0) * sy;
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
                g.fillRect(legendX, h - 14, 10, 10);
                g.setFill(Color.web("#333333"));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                g.setFont(legendFont);
                String name = clipped(s.name(), legendFont, share);
                g.fillText(name, legendX + 14, h - 9);
                legendX += 24 + width(name, legendFont);
            }
        }
    }

    /**
     * About five round x ticks, fewer when their labels would touch (a narrow chart at 1024 × 768 wrote
     * "0 0.20.40.60.81.0"); {@code sx} is pixels per unit of x.
     */
    static double[] xTicks(double lo, double hi, boolean whole, double sx, Font font) {
        double[] xt = new double[0];
        for (int target = 5; target >= 2; target--) {
            xt = whole ? AxisTicks.whole(lo, hi, target) : AxisTicks.linear(lo, hi, target);
            if (xt.length < 2) {
                return xt;
            }
            double step = xt[1] - xt[0];
            double widest = 0;
            for (double v : xt) {
                widest = Math.max(widest, width(AxisTicks.label(v, step), font));
            }
            if (step * sx >= widest + 6) {
                return xt;
            }
        }
        return xt;
    }

    /** {@code text}, or its beginning and "…" when it is wider than {@code room}. */
    static String clipped(String text, Font font, double room) {
        if (width(text, font) <= room) {
            return text;
        }
        for (int n = text.length() - 1; n > 0; n--) {
            String cut = text.substring(0, n).stripTrailing() + "\u2026";
            if (width(cut, font) <= room) {
                return cut;
            }
        }
        return "\u2026";
    }

    /** How wide {@code text} is drawn in {@code font} (a Chinese character is about twice a Latin letter). */
    static double width(String text, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** The font of {@code size}, or a smaller one (down to 9) when the text would not fit in {@code room}. */
    /**
     * The title on one line, or broken between words into as many lines as it needs (at most three) when it does not
     * fit even at 9 px; a title without spaces (Chinese) stays one line and shrinks.
     */
    static java.util.List<String> titleLines(String text, double room) {
        if (width(text, Font.font(9)) <= room || !text.contains(" ")) {
            return java.util.List.of(text);
        }
        Font f = Font.font(10);
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(next, f) > room && lines.size() < 2) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static Font fitting(String text, double size, double room) {
        Font f = Font.font(size);
        for (double s = size; s > 9 && width(text, f) > room; s -= 0.5) {
            f = Font.font(s - 0.5);
        }
        return f;
    }

    private List<double[]> xValues() {
        List<double[]> xs = new ArrayList<>();
        for (Series s : series) {
            xs.add(s.x());
        }
        return xs;
    }
}
