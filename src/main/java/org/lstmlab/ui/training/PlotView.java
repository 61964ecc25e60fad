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
     * A dashed horizontal line across the plot at {@code y}, labelled beside it, at whichever end and on whichever
     * side keeps the label off the series and the other labels ({@link ReferenceLabels}), with its {@code name}, or
     * where that is wider than the plot (a narrow chart at 1024 × 768) with its {@code shortName} ("≥ 90.0 %" for
     * "solved at ≥ 90.0 %"), cut short with "…" if even that is too wide.
     */
    public record Reference(String name, String shortName, double y, Color color) {
        /**
         * What the line is labelled with in {@code room} px: its name, or the shorter of the two cut to fit (a short
         * name with a number, "朴素预测 0.01", may be longer than a Chinese name).
         */
        String label(Font font, double room) {
            if (width(name, font) <= room) {
                return name;
            }
            return clipped(width(shortName, font) < width(name, font) ? shortName : name, font, room);
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
        double[] lines = references.stream().mapToDouble(r -> log ? Math.log10(r.y()) : r.y()).toArray();
        double[] t = PlotRange.roomForNames(log ? new double[] {Math.log10(yr[0]), Math.log10(yr[1])} : yr, lines,
                bottom - top, NAME_HEIGHT + 3, !Double.isNaN(yMin));
        yr = log ? new double[] {Math.pow(10, t[0]), Math.pow(10, t[1])} : t;
        double ty0 = t[0];
        double ty1 = t[1];
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

        List<ReferenceLabels.Path> paths = new ArrayList<>();
        for (Series s : series) {
            double[] px = new double[Math.min(s.x().length, s.y().length)];
            double[] py = new double[px.length];
            for (int i = 0; i < px.length; i++) {   // a point not finite, or not above 0 on a log axis: a gap
                double y = log ? (s.y()[i] > 0 ? Math.log10(s.y()[i]) : Double.NaN) : s.y()[i];
                boolean shown = Double.isFinite(y) && Double.isFinite(s.x()[i]);
                px[i] = shown ? left + (s.x()[i] - xr[0]) * sx : Double.NaN;
                py[i] = shown ? bottom - (Math.max(ty0, Math.min(ty1, y)) - ty0) * sy : Double.NaN;
            }
            paths.add(new ReferenceLabels.Path(px, py, s.dots()));
        }
        drawReferences(g, paths, new double[] {left, right, top, bottom}, log, ty0, ty1, sy);

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
        for (int n = 0; n < series.size(); n++) {
            Series s = series.get(n);
            g.setStroke(s.color());
            g.setFill(s.color());
            g.setLineWidth(1.6);
            g.beginPath();
            boolean open = false;
            ReferenceLabels.Path path = paths.get(n);
            for (int i = 0; i < path.x().length; i++) {
                double px = path.x()[i];
                double py = path.y()[i];
                if (Double.isNaN(px)) {
                    open = false;
                    continue;
                }
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
     * The dashed reference lines across the plot ({@code box}: left, right, top, bottom), each named beside it where
     * the name lies on neither the series ({@code paths}, in pixels) nor another name ({@link ReferenceLabels}).
     */
    private void drawReferences(GraphicsContext g, List<ReferenceLabels.Path> paths, double[] box, boolean log,
                                double ty0, double ty1, double sy) {
        double[] lineYs = new double[references.size()];
        double[] widths = new double[references.size()];
        String[] names = new String[references.size()];
        for (int i = 0; i < lineYs.length; i++) {
            Reference r = references.get(i);
            double y = log ? (r.y() > 0 ? Math.log10(r.y()) : Double.NaN) : r.y();
            lineYs[i] = Double.isFinite(y) ? box[3] - (Math.max(ty0, Math.min(ty1, y)) - ty0) * sy : Double.NaN;
            names[i] = r.label(g.getFont(), box[1] - box[0] - 2 * ReferenceLabels.INSET);
            widths[i] = width(names[i], g.getFont());
        }
        ReferenceLabels.Box[] at = ReferenceLabels.place(box[0], box[1], box[2], box[3], paths, lineYs, widths,
                NAME_HEIGHT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lineYs.length; i++) {
            if (Double.isNaN(lineYs[i])) {
                continue;
            }
            Reference r = references.get(i);
            g.setStroke(r.color());
            g.setLineWidth(1.2);
            g.setLineDashes(6, 4);
            g.strokeLine(box[0], lineYs[i], box[1], lineYs[i]);
            g.setLineDashes((double[]) null);
            g.setFill(r.color());
            g.fillText(names[i], at[i].x(), at[i].y());
        }
    }

    /** A reference line's name is this high, in pixels (the 11 px font's line). */
    private static final double NAME_HEIGHT = 13;

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
