package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.lstmlab.ui.common.ScientificNumbers;

/**
 * ‖dL/dh_t‖ and ‖dL/dc_t‖ against t on a logarithmic axis, for every layer and every cell beside the main one: the
 * simple RNN's gradient vanishes going back in time, the LSTM's cell-state gradient survives. The legend covers no
 * curve: it stands above the plot, outside its frame ({@link LegendPlace#flow}). What the cursor has not reached yet
 * lies under a faint veil ({@link #veil}): the gradients are computed by the backward pass, from t = T back to t = 1,
 * so in forward mode the whole plot is veiled and in backward mode the veil draws back with the cursor, and the curves
 * come out of it step by step, the vanishing or exploding gradient as it travels. Where the veil is wide enough, it
 * says what it means. In a stack, a layer below the cursor's has not computed the cursor's step yet: that step of its
 * curves is drawn as faint as the veil would make it ({@link GradientSteps}).
 */
final class GradientPlot extends Pane {
    /** A power of ten on the axis: 10⁻⁹, as the checkup and the Train tab's chart write it (not 1e-9). */
    static String decade(int e) {
        return "10" + ScientificNumbers.superscript(e);
    }

    /** One curve. */
    record Curve(String name, double[] values, Color colour, boolean dashed) {
    }

    private static final double LINE = 14;
    private static final double LEGEND_LINE = 15;
    /** The room a legend entry's sample line takes before its name. */
    private static final double SAMPLE = 30;
    private static final double DOT = 5;
    /** How much white the veil lays over a curve (debugger.css, .gradient-veil): a faint part is drawn as pale. */
    private static final double FAINT = 0.78;
    private final Canvas canvas = new Canvas(560, 200);
    private final javafx.scene.shape.Line cursorLine = new javafx.scene.shape.Line();
    private final javafx.scene.shape.Rectangle veil = new javafx.scene.shape.Rectangle();
    /** What the veil means, written on it where it is wide enough. */
    private final Text veilWords = new Text();
    private double plotLeft;
    private double plotDx;
    private double plotTop;
    private double plotBottom;
    /** The decades at the plot's bottom and top (log10), and where its legend went, as last drawn. */
    private double shownLo;
    private double shownHi;
    private LegendPlace.Box shownLegend;
    private final List<Curve> curves = new ArrayList<>();
    private int marker = -1;
    /** The first step computed: 0 when every step is, {@link Integer#MAX_VALUE} when none is. */
    private int computedFrom;
    /** Each curve's first computed step ({@link #veil(int[], String)}). */
    private int[] curveFrom = {0};
    private String axisLabel = "";

    GradientPlot() {
        getChildren().addAll(canvas, veil, veilWords, cursorLine);
        cursorLine.getStyleClass().add("gradient-cursor");
        cursorLine.setMouseTransparent(true);
        veil.getStyleClass().add("gradient-veil");
        veil.setMouseTransparent(true);
        veilWords.getStyleClass().add("gradient-veil-words");
        veilWords.setMouseTransparent(true);
        veilWords.setTextOrigin(javafx.geometry.VPos.CENTER);
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

    /**
     * Veils the steps the backward pass has not reached: those of curve k before {@code from[k]} (0-based, as
     * {@link #mark}; the last value for the curves after them), which is the cursor's step or the one after it in
     * backward mode ({@link GradientSteps}), {@link Integer#MAX_VALUE} in forward mode (none computed), 0 for none
     * veiled. The steps before the smallest lie under the veil, and a curve's steps from there to its own first are
     * drawn as faint as the veil makes them: in a stack, the layers below the cursor's have not computed its step.
     */
    void veil(int[] from, String words) {
        int[] was = curveFrom;
        curveFrom = Arrays.stream(from).map(f -> Math.max(0, f)).toArray();
        computedFrom = Arrays.stream(curveFrom).min().orElse(0);
        veilWords.setText(words);
        if (Arrays.equals(was, curveFrom) || !fades(was) && !fades(curveFrom)) {
            placeMarker();
        } else {
            draw();
        }
    }

    /** Curve k's first computed step. */
    private int firstComputed(int k) {
        return curveFrom.length == 0 ? 0 : curveFrom[Math.min(k, curveFrom.length - 1)];
    }

    /** Whether some curve is computed from a later step than another, so that a part of it is drawn faint. */
    private static boolean fades(int[] from) {
        return Arrays.stream(from).distinct().count() > 1;
    }

    /** The veil as last placed, in the canvas's pixels: {x, y, width, height}, width 0 when nothing is veiled. */
    double[] veilBox() {
        return new double[] {veil.getX(), veil.getY(), veil.isVisible() ? veil.getWidth() : 0, veil.getHeight()};
    }

    /** The words on the veil as last placed, {x, y, width, height}; null when they are not shown. */
    double[] veilWordsBox() {
        javafx.geometry.Bounds b = veilWords.getBoundsInParent();
        return veilWords.isVisible() ? new double[] {b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()} : null;
    }

    private void placeMarker() {
        placeVeil();
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
     * The veil from the frame's left edge to just before the first computed step's point, over the frame's height,
     * and a curve's width beyond the frame: a point on the frame's edge (the first step, the largest or smallest
     * value) is veiled with the rest.
     */
    private void placeVeil() {
        double right = canvas.getWidth() - 10 + DOT;
        double edge = computedFrom >= Integer.MAX_VALUE / 2 ? right
                : Math.min(right, plotLeft + computedFrom * plotDx - Math.min(plotDx / 2, DOT));
        boolean on = plotBottom > plotTop && computedFrom > 0 && edge > plotLeft;
        veil.setVisible(on);
        if (on) {
            veil.setX(plotLeft - DOT);
            veil.setY(plotTop - DOT);
            veil.setWidth(edge - plotLeft + DOT);
            veil.setHeight(plotBottom - plotTop + 2 * DOT);
        }
        // the words in the veil's middle, only where they fit in it with a margin (a narrow veil says nothing)
        double words = veilWords.getLayoutBounds().getWidth();
        boolean said = on && !veilWords.getText().isEmpty() && words + 4 * DOT <= edge - plotLeft;
        veilWords.setVisible(said);
        if (said) {
            veilWords.setX(plotLeft + (edge - plotLeft - words) / 2);
            veilWords.setY((plotTop + plotBottom) / 2);
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
        g.setFill(Color.gray(0.2));
        for (int k = 0; k < label.size(); k++) {
            g.fillText(label.get(k), 6, h - 6 - LINE * (label.size() - 1 - k));
        }
        if (steps == 0 || lo > hi) {
            g.setStroke(Color.gray(0.6));
            g.strokeRect(left, top, right - left, bottom - top);
            plotBottom = plotTop;
            placeMarker();
            return;
        }
        lo = Math.floor(lo);
        hi = Math.max(lo + 1, Math.ceil(hi));
        double dx = steps > 1 ? (right - left) / (steps - 1) : 0;
        // the legend above the plot, outside its frame, its entries side by side while they fit: no curve runs
        // under it, nor the cursor line (in a corner of the plot it hid what a companion's curves did there, and
        // the cursor crossed it)
        List<List<String>> names = new ArrayList<>();
        List<double[]> entries = LegendPlace.flow(legendEntries(g.getFont(), w - 12, names), w - 12);
        double[] size = entries.get(entries.size() - 1);
        LegendPlace.Box legend = new LegendPlace.Box(6, top, size[0], size[1]);
        top += size[1] + 10;  // room for the top power of ten's label
        shownLegend = legend;
        g.setStroke(Color.gray(0.6));
        g.strokeRect(left, top, right - left, bottom - top);
        // at most one power of ten every 16 px, so that the axis's numbers do not run into each other
        int every = (int) Math.ceil((hi - lo) / Math.max(1, Math.min(8, Math.floor((bottom - top) / 16))));
        for (int e = (int) lo; e <= hi; e += every) {
            double y = bottom - (e - lo) / (hi - lo) * (bottom - top);
            g.setStroke(Color.gray(0.9));
            g.strokeLine(left, y, right, y);
            g.setFill(Color.gray(0.2));
            g.fillText(decade(e), 6, y + 4);
        }
        plotLeft = left;
        plotDx = dx;
        plotTop = top;
        plotBottom = bottom;
        shownLo = lo;
        shownHi = hi;
        placeMarker();
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            g.setLineWidth(2);
            g.setLineDashes(curve.dashed() ? new double[] {6, 4} : null);
            // the steps from the veil's edge to the curve's first computed one, and the lines to them, faint
            int own = Math.min(firstComputed(c), curve.values().length);
            int edge = Math.min(computedFrom, own);
            double[] clear = curve.values().clone();
            double[] faint = new double[clear.length];
            Arrays.fill(faint, Double.NaN);
            for (int t = Math.max(0, edge - 1); t < Math.min(clear.length, own + 1) && own > edge; t++) {
                faint[t] = clear[t];
            }
            Arrays.fill(clear, edge, own, Double.NaN);
            stroke(g, curve.colour().interpolate(Color.WHITE, FAINT), paths(faint, left, dx, top, bottom, lo, hi));
            stroke(g, curve.colour(), paths(clear, left, dx, top, bottom, lo, hi));  // over the faint line's end
        }
        drawLegend(g, legend, entries, names);
        g.setLineWidth(1);
        g.setLineDashes(null);
    }

    /**
     * Each curve's legend entry, {width, height}, for a legend {@code room} px wide; its name's lines are added to
     * {@code names}.
     */
    private List<double[]> legendEntries(Font font, double room, List<List<String>> names) {
        List<double[]> sizes = new ArrayList<>();
        for (Curve c : curves) {
            List<String> name = legendLines(c.name(), font, room);
            names.add(name);
            sizes.add(new double[] {SAMPLE + name.stream().mapToDouble(l -> width(l, font)).max().orElse(0),
                LEGEND_LINE * name.size()});
        }
        return sizes;
    }

    /** The legend's box as last drawn, in the canvas's pixels (null before a curve was drawn). */
    LegendPlace.Box legendBox() {
        return shownLegend;
    }

    /** The top of the plot's frame as last drawn, in the canvas's pixels. */
    double frameTop() {
        return plotTop;
    }

    /** The curves' runs as last drawn, in the canvas's pixels. */
    List<double[]> drawnPaths() {
        return plotBottom > plotTop ? paths(plotLeft, plotDx, plotTop, plotBottom, shownLo, shownHi) : List.of();
    }

    /** Draws runs of points in {@code colour}: each as a line, a lone point as a dot. */
    private static void stroke(GraphicsContext g, Color colour, List<double[]> runs) {
        g.setStroke(colour);
        g.setFill(colour);
        for (double[] p : runs) {
            if (p.length == 2) {  // a value alone between zeros (the loss's own step) is a dot, not a line
                g.fillOval(p[0] - DOT / 2, p[1] - DOT / 2, DOT, DOT);
                continue;
            }
            g.beginPath();
            g.moveTo(p[0], p[1]);
            for (int j = 2; j + 1 < p.length; j += 2) {
                g.lineTo(p[j], p[j + 1]);
            }
            g.stroke();
        }
    }

    /** Every curve's runs in the plot's pixels, curve after curve. */
    private List<double[]> paths(double left, double dx, double top, double bottom, double lo, double hi) {
        List<double[]> out = new ArrayList<>();
        for (Curve c : curves) {
            out.addAll(paths(c.values(), left, dx, top, bottom, lo, hi));
        }
        return out;
    }

    /** The x, y pairs of each run of positive, finite values in the plot's pixels (a lone value as one pair). */
    private static List<double[]> paths(double[] values, double left, double dx, double top, double bottom,
                                        double lo, double hi) {
        List<double[]> out = new ArrayList<>();
        List<Double> run = new ArrayList<>();
        for (int t = 0; t <= values.length; t++) {
            double v = t < values.length ? values[t] : 0;
            if (v > 0 && Double.isFinite(v)) {
                run.add(left + t * dx);
                run.add(bottom - (Math.log10(v) - lo) / (hi - lo) * (bottom - top));
            } else if (!run.isEmpty()) {
                out.add(run.stream().mapToDouble(Double::doubleValue).toArray());
                run.clear();
            }
        }
        return out;
    }

    /**
     * The legend in its box ({@link LegendPlace}): each entry at its place in it, its sample line, then its name
     * in lines that fit inside the plot.
     */
    private void drawLegend(GraphicsContext g, LegendPlace.Box box, List<double[]> at, List<List<String>> names) {
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        g.fillRect(box.x(), box.y(), box.w(), box.h());
        for (int k = 0; k < curves.size(); k++) {
            Curve c = curves.get(k);
            double x = box.x() + at.get(k)[0];
            double y = box.y() + at.get(k)[1] + 11;   // the first line's baseline
            g.setStroke(c.colour());
            g.setLineWidth(2);
            g.setLineDashes(c.dashed() ? new double[] {6, 4} : null);
            g.strokeLine(x + 4, y - 4, x + 22, y - 4);
            g.setLineDashes(null);
            g.setFill(Color.gray(0.15));
            for (String line : names.get(k)) {
                g.fillText(line, x + SAMPLE - 4, y);
                y += LEGEND_LINE;
            }
        }
    }

    /** The lines the legend writes {@code name} in, beside its sample, in a legend {@code room} px wide at most. */
    static List<String> legendLines(String name, Font font, double room) {
        return lines(name, font, room - SAMPLE - 6);
    }
}
