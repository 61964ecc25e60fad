package org.lstmlab.ui.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javafx.scene.Parent;
import javafx.scene.paint.Color;
import org.lstmlab.engine.nn.CellType;

/**
 * The app's colours, written here once: one per gate and state (the same in the debugger's diagram, heatmaps and
 * bars, and in the Train and Compare charts), and a few accents. Code that draws on a canvas reads them from here;
 * stylesheets read them as looked-up colours ({@code -lab-gate-forget}, ...) that {@link #install} defines on a
 * view's root, so they resolve whatever scene the view is put in.
 */
public final class Palette {

    /** A named colour and its looked-up colour name in CSS. */
    public enum Role {
        INPUT("-lab-gate-input", "#2e7d32"),
        FORGET("-lab-gate-forget", "#c62828"),
        CANDIDATE("-lab-gate-candidate", "#6a1b9a"),
        OUTPUT("-lab-gate-output", "#1565c0"),
        RESET("-lab-gate-reset", "#ef6c00"),
        UPDATE("-lab-gate-update", "#00838f"),
        CELL("-lab-cell", "#f9a825"),
        HIDDEN("-lab-hidden", "#37474f"),
        /** Negative values on a map or a bar. */
        NEGATIVE("-lab-negative", "#1f4e9c"),
        /** What the user is looking at now: the current equation, the lit wires, a lesson's highlight. */
        ACCENT("-lab-accent", "#f9a825"),
        /** The number that matters in a line: the followed unit, values on the diagram, a warning. */
        EMPHASIS("-lab-emphasis", "#c62828"),
        /** The result of an equation. */
        RESULT("-lab-result", "#1565c0"),
        /** A weight one can click to edit. */
        WEIGHT("-lab-weight", "#6a1b9a"),
        /** A reference line (ground truth, a baseline). */
        NEUTRAL("-lab-neutral", "#9e9e9e");

        private final String cssName;
        private final String hex;
        private final Color color;

        Role(String cssName, String hex) {
            this.cssName = cssName;
            this.hex = hex;
            this.color = Color.web(hex);
        }

        /** The looked-up colour's name, e.g. {@code -lab-gate-forget}. */
        public String cssName() {
            return cssName;
        }

        public String hex() {
            return hex;
        }

        public Color color() {
            return color;
        }
    }

    /** The style class {@link #install} puts on a root: the looked-up colours are defined on it. */
    public static final String STYLE_CLASS = "lab-palette";

    /** Trace symbols (forward) to the role of their gate or state. */
    private static final Map<String, Role> SYMBOLS = Map.ofEntries(
            Map.entry("i", Role.INPUT), Map.entry("f", Role.FORGET), Map.entry("g", Role.CANDIDATE),
            Map.entry("o", Role.OUTPUT), Map.entry("r", Role.RESET), Map.entry("z", Role.UPDATE),
            Map.entry("n", Role.CANDIDATE), Map.entry("c", Role.CELL), Map.entry("c_prev", Role.CELL),
            Map.entry("tanh_c", Role.CELL), Map.entry("h", Role.HIDDEN), Map.entry("h_prev", Role.HIDDEN),
            Map.entry("a", Role.HIDDEN), Map.entry("x", Role.HIDDEN));

    /** Chart lines in order: distinct colours of the palette. */
    private static final List<Role> SERIES = List.of(Role.OUTPUT, Role.FORGET, Role.INPUT, Role.CANDIDATE,
            Role.RESET, Role.UPDATE);

    private static final String STYLESHEET = "data:text/css;base64," + Base64.getEncoder().encodeToString(
            css().getBytes(StandardCharsets.UTF_8));

    private Palette() {
    }

    public static Color of(Role role) {
        return role.color();
    }

    /**
     * The colour of a trace symbol: its gate ({@code f} forget, {@code z} update, ...) or state; a gradient takes
     * the colour of what it is the gradient of ({@code da_f} and {@code df} as {@code f}, {@code dc} as {@code c}).
     * Anything else is drawn in the hidden state's colour.
     */
    public static Color ofSymbol(String symbol) {
        return roleOf(symbol).color();
    }

    /** The role behind {@link #ofSymbol}. */
    public static Role roleOf(String symbol) {
        String s = symbol;
        if (s.startsWith("d") && s.length() > 1 && !SYMBOLS.containsKey(s)) {
            s = s.substring(1);
            if (s.startsWith("a_")) {
                s = s.substring(2);
            }
        }
        if (s.startsWith("a_")) {
            s = s.substring(2);
        }
        return SYMBOLS.getOrDefault(s, Role.HIDDEN);
    }

    /** One colour per cell type, the same in every tab: LSTM blue, GRU orange, simple RNNs red. */
    public static Color ofCell(CellType cell) {
        return switch (cell) {
            case LSTM, LSTM_SQUASHED_CELL, LSTM_TANH_INPUT -> Role.OUTPUT.color();
            case GRU, GRU_RESET_BEFORE -> Role.RESET.color();   // orange: told apart from the LSTM's blue at a glance
            default -> Role.FORGET.color();
        };
    }

    /** Black or white, whichever reads better on {@code background} (by its relative luminance). */
    public static Color textOn(Color background) {
        return luminance(background) > 0.35 ? Color.BLACK : Color.WHITE;
    }

    /** The colour seen when {@code top} is painted with {@code opacity} over {@code bottom}. */
    public static Color over(Color bottom, Color top, double opacity) {
        double a = Math.max(0, Math.min(1, opacity));
        return Color.color(bottom.getRed() + (top.getRed() - bottom.getRed()) * a,
                bottom.getGreen() + (top.getGreen() - bottom.getGreen()) * a,
                bottom.getBlue() + (top.getBlue() - bottom.getBlue()) * a);
    }

    /** WCAG relative luminance, 0 (black) to 1 (white). */
    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** A stylesheet (a data URL) defining every role's looked-up colour on {@code .lab-palette}. */
    public static String stylesheet() {
        return STYLESHEET;
    }

    /** The stylesheet's text. */
    static String css() {
        StringBuilder sb = new StringBuilder("." + STYLE_CLASS + " {\n");
        for (Role r : Role.values()) {
            sb.append("    ").append(r.cssName()).append(": ").append(r.hex()).append(";\n");
        }
        return sb.append("}\n").toString();
    }

    /**
     * Defines the looked-up colours on {@code root} and so for everything under it: a view's stylesheet can use
     * {@code -lab-gate-forget} whatever scene the view is put in. Call once, in the view's {@code initialize}.
     */
    public static void install(Parent root) {
        if (!root.getStyleClass().contains(STYLE_CLASS)) {
            root.getStyleClass().add(STYLE_CLASS);
        }
        if (!root.getStylesheets().contains(STYLESHEET)) {
            root.getStylesheets().add(0, STYLESHEET);
        }
    }
}
