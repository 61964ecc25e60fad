package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * ‖dL/dh_t‖ and ‖dL/dc_t‖ against t on a logarithmic axis, for every layer and every cell beside the main one: the
 * simple RNN's gradient vanishes going back in time, the LSTM's cell-state gradient survives.
 */
final class GradientPlot extends Pane {
    /** One curve. */
    record Curve(String name, double[] values, Color colour, boolean dashed) {
    }

    private static final double LINE = 14;
    private static final double LEGEND_LINE = 15;
    /** The room a legend entry's sample line takes before its name. */
    private static final double SAMPLE = 30;
    private static final double DOT = 5;
    private final Canvas canvas = new Canvas(560, 200);
    private final javafx.scene.shape.Line cursorLine = new javafx.scene.shape.Line();
    private double plotLeft;
    private double plotDx;
    private double plotTop;
    private double plotBottom;
    private final List<Curve> curves = new ArrayList<>();
    private int marker = -1;
    private String axisLabel = "";

    GradientPlot() {
        getChildren().addAll(canvas, cursorLine);
        cursorLine.getStyleClass().add("gradient-cursor");
        cursorLine.setMouseTransparent(true);
        setId("gradient-plot");
        getStyleClass().add("gradient-plot");
        widthProperty().addListener((o, a, b) -> resize());
        heightProperty().addListener((o, a, b) -> resize());
    }

    private void resize() {
        canvas.setWidth(Math.max(200, getWidth()));
        canvas.setHeight(Math.max(120, getHeight()));
        draw();
    }

    void setCurves(List<Curve> list, String axis) {
        curves.clear();
        curves.addAll(list);
        axisLabel = axis;
        draw();
    }

    List<Curve> curves() {
        return List.copyOf(curves);
    }

    /** Moves the cursor line to timestep t; the curves are not redrawn. */
    void mark(int t) {
        marker = t;
        placeMarker();
    }

    private void placeMarker() {
        boolean on = marker >= 0 && plotBottom > plotTop;
        cursorLine.setVisible(on);
        if (on) {
            double x = plotLeft + marker * plotDx;
            cursorLine.setStartX(x);
            cursorLine.setEndX(x);
            cursorLine.setStartY(plotTop);
            cursorLine.setEndY(plotBottom);
        }
    }

    /**
     * {@code text} in lines no wider than {@code room} in {@code font}: broken between words, and inside a word
     * (Chinese has few spaces) that is too wide alone.
     */
    static List<String> lines(String text, Font font, double room) {
        List<String> out = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (width(tried, font) <= room) {
                line = tried;
                continue;
            }
            if (!line.isEmpty()) {
                out.add(line);
            }
            while (word.length() > 1 && width(word, font) > room) {
                int n = word.length() - 1;
                while (n > 1 && width(word.substring(0, n), font) > room) {
                    n--;
                }
                out.add(word.substring(0, n));
                word = word.substring(n);
            }
            line = word;
        }
        if (!line.isEmpty()) {
            out.add(line);
        }
        return out;
    }

    private static double width(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int steps = 0;
        for (Curve c : curves) {
            steps = Math.max(steps, c.values().length);
            for (double v : c.values()) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, Math.log10(v));
                    hi = Math.max(hi, Math.log10(v));
                }
            }
        }
        double left = 56;
        double right = w - 10;
        double top = 10;
        // the axis label in as many lines as the pane's width needs (a narrow pane at 1024 x 768 cut it short)
        List<String> label = lines(axisLabel, g.getFont(), Math.min(w, getWidth() > 0 ? getWidth() : w) - 12);
        double bottom = h - 26 - LINE * (label.size() - 1);
        g.setStroke(Color.gray(0.6));
        g.strokeRect(left, top, right - left, bottom - top);
        g.setFill(Color.gray(0.2));
        for (int k = 0; k < label.size(); k++) {
            g.fillText(label.get(k), 6, h - 6 - LINE * (label.size() - 1 - k));
        }
        if (steps == 0 || lo > hi) {
            plotBottom = plotTop;
            placeMarker();
            return;
        }
        lo = Math.floor(lo);
        hi = Math.max(lo + 1, Math.ceil(hi));
        int every = (int) Math.ceil((hi - lo) / 8);
        for (int e = (int) lo; e <= hi; e += every) {
            double y = bottom - (e - lo) / (hi - lo) * (bottom - top);
            g.setStroke(Color.gray(0.9));
            g.strokeLine(left, y, right, y);
            g.fillText("1e" + e, 6, y + 4);
        }
        double dx = steps > 1 ? (right - left) / (steps - 1) : 0;
        plotLeft = left;
        plotDx = dx;
        plotTop = top;
        plotBottom = bottom;
        placeMarker();
        for (Curve c : curves) {
            g.setStroke(c.colour());
            g.setFill(c.colour());
            g.setLineWidth(2);
            g.setLineDashes(c.dashed() ? new double[] {6, 4} : null);
            g.beginPath();
            int run = 0;
            for (int t = 0; t <= c.values().length; t++) {
                double v = t < c.values().length ? c.values()[t] : 0;
                if (!(v > 0) || !Double.isFinite(v)) {
                    if (run == 1) {  // a value alone between zeros (the loss's own step) is a dot, not a line
                        double x = left + (t - 1) * dx;
                        double y = bottom - (Math.log10(c.values()[t - 1]) - lo) / (hi - lo) * (bottom - top);
                        g.fillOval(x - DOT / 2, y - DOT / 2, DOT, DOT);
                    }
                    run = 0;
                    continue;
                }
                double x = left + t * dx;
                double y = bottom - (Math.log10(v) - lo) / (hi - lo) * (bottom - top);
                if (run > 0) {
                    g.lineTo(x, y);
                } else {
                    g.moveTo(x, y);
                }
                run++;
            }
            g.stroke();
        }
        drawLegend(g, left, right, top);
        g.setLineWidth(1);
    }

    /** The legend in the plot's top left corner, each name broken into lines that fit inside the plot. */
    private void drawLegend(GraphicsContext g, double left, double right, double top) {
        double legendY = top + 14;
        for (Curve c : curves) {
            List<String> name = legendLines(c.name(), g.getFont(), right - left);
            double wide = name.stream().mapToDouble(l -> width(l, g.getFont())).max().orElse(0);
            g.setFill(Color.rgb(255, 255, 255, 0.6));  // the curves show through
            g.fillRect(left + 4, legendY - 11, SAMPLE + wide, LEGEND_LINE * name.size());
            g.setStroke(c.colour());
            g.setLineDashes(c.dashed() ? new double[] {6, 4} : null);
            g.strokeLine(left + 8, legendY - 4, left + 26, legendY - 4);
            g.setLineDashes(null);
            g.setFill(Color.gray(0.15));
            for (String line : name) {
                g.fillText(line, left + SAMPLE, legendY);
                legendY += LEGEND_LINE;
            }
        }
    }

    /** The lines the legend writes {@code name} in, beside its sample, in a plot {@code plotWidth} wide. */
    static List<String> legendLines(String name, Font font, double plotWidth) {
        return lines(name, font, plotWidth - SAMPLE - 6);
    }
}
