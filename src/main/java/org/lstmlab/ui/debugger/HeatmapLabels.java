package org.lstmlab.ui.debugger;

import java.util.ResourceBundle;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.ui.common.I18n;

/**
 * The words and the colour scale of one heatmap, which say no more than the map shows at the cursor. In forward mode
 * the steps after the cursor are not computed yet (in a lesson, they may hold the answer to the question on show),
 * nor the cursor's own step while the cursor stands before the equation that computes the map's symbol (at the
 * candidate g of step t, c_t and h_t are still to come): the map leaves them out ({@link HeatmapRaster}) under a
 * veil, the title's range, the colour bar's ends and the tooltip's range are taken over the steps computed so far,
 * and the value under the pointer is a dash over the veil. In backward mode the forward pass is complete and they
 * cover every step. No toolkit: {@link HeatmapPane} draws what this says.
 */
final class HeatmapLabels {
    static final String DASH = "\u2014";

    private final String symbol;
    private final int layer;
    private final int at;
    private final TraceDigest.Series series;
    private final ResourceBundle i18n;
    private int computed;

    /**
     * A map of {@code symbol} in {@code layer}, every step computed until {@link #mark} says otherwise; {@code at} is
     * the index of the forward equation that computes the symbol ({@link Availability#of}), in stepping order.
     */
    HeatmapLabels(String symbol, int layer, int at, TraceDigest.Series series, ResourceBundle i18n) {
        this.symbol = symbol;
        this.layer = layer;
        this.at = at;
        this.series = series;
        this.i18n = i18n;
        this.computed = series.steps();
    }

    /** The map of {@code symbol} of a {@code cell}: the forward equation {@link Availability#of} names computes it. */
    static HeatmapLabels of(CellType cell, String symbol, int layer, TraceDigest.Series series, ResourceBundle i18n) {
        return new HeatmapLabels(symbol, layer, Availability.of(symbol, cell, Direction.FORWARD), series, i18n);
    }

    /**
     * How many steps (from the first) of a map in {@code layer} whose symbol the forward equation {@code at}
     * computes are computed with the cursor at equation {@code equation} of step {@code t} (0-based) of
     * {@code cursorLayer}: in forward mode up to t in the layers below the cursor's, up to t in the cursor's layer
     * once the cursor has reached equation {@code at} (else up to t − 1), up to t − 1 in the layers above it (they
     * compute step t after the cursor's layer); in backward mode every step.
     */
    static int computed(int steps, int t, int layer, int at, int cursorLayer, int equation, boolean forward) {
        if (!forward) {
            return steps;
        }
        boolean done = layer < cursorLayer || layer == cursorLayer && at <= equation;
        return Math.max(0, Math.min(steps, done ? t + 1 : t));
    }

    /**
     * The cursor moved to equation {@code equation} of step {@code t} in {@code cursorLayer}; true when the colour
     * scale changed with it (the map must be drawn again).
     */
    boolean mark(int t, int cursorLayer, int equation, boolean forward) {
        double before = scale();
        computed = computed(series.steps(), t, layer, at, cursorLayer, equation, forward);
        return Double.compare(before, scale()) != 0;
    }

    String symbol() {
        return symbol;
    }

    int layer() {
        return layer;
    }

    TraceDigest.Series series() {
        return series;
    }

    /** The steps shown unveiled, from the first. */
    int computed() {
        return computed;
    }

    /** Whether step {@code t} (0-based) is computed, so that its values may be shown. */
    boolean isComputed(int t) {
        return t < computed;
    }

    /** The smallest finite value over the computed steps; NaN when none is computed. */
    double min() {
        return computed == 0 ? Double.NaN : series.minUpTo()[computed - 1];
    }

    /** The largest finite value over the computed steps; NaN when none is computed. */
    double max() {
        return computed == 0 ? Double.NaN : series.maxUpTo()[computed - 1];
    }

    static boolean isGate(String symbol) {
        return symbol.equals("i") || symbol.equals("f") || symbol.equals("o") || symbol.equals("r")
                || symbol.equals("z");
    }

    boolean gate() {
        return isGate(symbol);
    }

    /**
     * The value drawn at full colour: 1 for a sigmoid gate, else the largest magnitude over the computed steps (0
     * while none is, or only non-finite values are).
     */
    double scale() {
        if (gate()) {
            return 1;
        }
        double m = Math.max(Math.abs(min()), Math.abs(max()));
        return Double.isFinite(m) ? m : 0;
    }

    /** The title: the symbol and its range over the computed steps, "f   [0.0312, 0.9876]", or a dash for none. */
    String title() {
        if (computed == 0) {
            return symbol + "   [" + DASH + "]";
        }
        return symbol + "   [" + Numbers.display(min()) + ", " + Numbers.display(max()) + "]";
    }

    /** The colour bar's left end: 0 for a gate, else −scale; a dash while nothing is computed. */
    String low() {
        if (gate()) {
            return "0";
        }
        return computed == 0 ? DASH : Numbers.display(-scale());
    }

    /** The colour bar's right end: the scale, 1 for a gate; a dash while nothing is computed. */
    String high() {
        if (!gate() && computed == 0) {
            return DASH;
        }
        return Numbers.display(scale());
    }

    /** "f[unit 3], t = 5:  0.9812" for step t and a unit (0-based); a dash over a step not computed yet. */
    String pointer(int t, int unit) {
        return I18n.format(i18n, "explain.heatmap.pointer", symbol, unit, t + 1,
                isComputed(t) ? Numbers.display(series.at(t, unit)) : DASH);
    }
}
