package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.ui.common.I18n;

/**
 * Every part of a cell explained in plain words, in the language of the labels: what the part does, what its current
 * value means ("f ≈ 0.98: this unit keeps almost all of its memory", from {@link ValueBands}), and where it comes
 * from. The parts are the symbols of {@link EquationCatalogue}; "where it comes from" quotes the catalogue's
 * per-unit form of the equation that computes the part (plain text, never LaTeX). The debugger's diagram, equation
 * rows and heatmaps show these in their tooltips ({@link ExplanationTip}).
 */
final class Explainer {
    private static final String KEY = "explain.";
    private static final Set<String> WHOLE_MATRICES = Set.of("W_ih", "W_hh", "b_ih", "b_hh");

    /** One explanation: a title, then three short paragraphs, time indices written as on screen (cₜ₋₁). */
    record Explanation(String title, String what, String now, String from) {
        Explanation {
            title = MathText.readable(title);
            what = MathText.readable(what);
            now = MathText.readable(now);
            from = MathText.readable(from);
        }
    }

    private final ResourceBundle i18n;

    Explainer(ResourceBundle i18n) {
        this.i18n = i18n;
    }

    /** The explanation of a trace symbol of {@code cell}; {@code value} is its current value or null. */
    Explanation symbol(CellType cell, String symbol, Double value) {
        Part p = part(cell, symbol);
        return new Explanation(title(cell, p), what(cell, p), now(cell, p, value), from(cell, p));
    }

    /** The explanation of an equation's row: its name, what its result is, the result's value, its formula. */
    Explanation equation(CellType cell, Equation eq, Double value) {
        Part p = part(cell, eq.output());
        return new Explanation(i18n.getString("debugger.eq." + eq.id()) + "  \u00b7  " + display(eq.output()),
                what(cell, p), now(cell, p, value), from(cell, p));
    }

    /**
     * The explanation of a heatmap: the part, and the range of its values over every unit and the steps computed so
     * far (every step once all are: the steps under the veil may hold what a lesson asks for).
     */
    Explanation heatmap(CellType cell, HeatmapLabels map) {
        Part p = part(cell, map.symbol());
        int steps = map.series().steps();
        String now = map.computed() == 0 ? I18n.format(i18n, KEY + "now.range.none", map.layer())
                : I18n.format(i18n, KEY + (map.computed() == steps ? "now.range" : "now.range.sofar"),
                        Numbers.display(map.min()), Numbers.display(map.max()), map.layer(), map.computed());
        return new Explanation(title(cell, p), what(cell, p), now, from(cell, p));
    }

    // ------------------------------------------------------------------------------------------------ parts

    /**
     * A symbol reduced to the part it names: {@code W_if} is the input weights ({@code W_i}) of the gate {@code f},
     * {@code a_o} the pre-activation ({@code a_gate}) of {@code o}, {@code da_z} its gradient; other symbols name
     * themselves.
     */
    record Part(String symbol, String base, String gate) {
    }

    static Part part(CellType cell, String symbol) {
        List<String> gates = cell.gates();
        if (WHOLE_MATRICES.contains(symbol)) {
            return new Part(symbol, symbol, null);
        }
        if (symbol.length() == 4 && (symbol.startsWith("W_") || symbol.startsWith("b_"))
                && (symbol.charAt(2) == 'i' || symbol.charAt(2) == 'h') && gates.contains(symbol.substring(3))) {
            return new Part(symbol, symbol.substring(0, 3), symbol.substring(3));
        }
        if (symbol.startsWith("a_") && gates.contains(symbol.substring(2))) {
            return new Part(symbol, "a_gate", symbol.substring(2));
        }
        if (symbol.startsWith("da_") && gates.contains(symbol.substring(3))) {
            return new Part(symbol, "da_gate", symbol.substring(3));
        }
        return new Part(symbol, symbol, null);
    }

    /** How the part's values read. */
    static ValueBands.Kind kind(CellType cell, Part p) {
        String b = p.base();
        if (b.startsWith("d")) {
            return ValueBands.Kind.GRADIENT;
        }
        return switch (b) {
            case "f" -> ValueBands.Kind.KEEP;
            case "i" -> cell == CellType.LSTM_TANH_INPUT ? ValueBands.Kind.SIGNED_GATE : ValueBands.Kind.LET_IN;
            case "o" -> ValueBands.Kind.SHOW;
            case "r" -> ValueBands.Kind.RESET;
            case "z" -> ValueBands.Kind.UPDATE;
            case "g", "n", "tanh_c" -> ValueBands.Kind.TANH;
            case "h", "h_prev" -> cell == CellType.RNN_RELU ? ValueBands.Kind.RELU : ValueBands.Kind.TANH;
            case "c", "c_prev" -> cell == CellType.LSTM_SQUASHED_CELL ? ValueBands.Kind.TANH : ValueBands.Kind.MEMORY;
            default -> ValueBands.Kind.PLAIN;
        };
    }

    /** A symbol as the tooltips write it: {@code c_prev} is c_{t−1}, {@code da_f} is δa_f. */
    static String display(String symbol) {
        return switch (symbol) {
            case "c_prev" -> "c_{t\u22121}";
            case "h_prev" -> "h_{t\u22121}";
            case "tanh_c" -> "tanh(c_t)";
            case "r_h" -> "r_t \u2299 h_{t\u22121}";
            case "r_gh_n" -> "r_t \u2299 gh_n";
            case "dh_next" -> "\u03b4h_t^next";
            case "dc_next" -> "\u03b4c_t^next";
            case "dc_prev" -> "\u03b4c_{t\u22121}";
            case "dh_prev" -> "\u03b4h_{t\u22121}";
            case "dr_h" -> "\u03b4(r \u2299 h)";
            default -> symbol.startsWith("d") ? "\u03b4" + symbol.substring(1) : symbol;
        };
    }

    // ------------------------------------------------------------------------------------------------ texts

    private String title(CellType cell, Part p) {
        return display(p.symbol()) + "  \u00b7  " + text(cell, "name." + p.base(), gateName(cell, p));
    }

    private String what(CellType cell, Part p) {
        return text(cell, p.base(), gateName(cell, p));
    }

    /** The gate's name in the current language ("forget gate"), from the equation that computes it. */
    private String gateName(CellType cell, Part p) {
        if (p.gate() == null) {
            return "";
        }
        for (Equation e : EquationCatalogue.forward(cell)) {
            if (e.output().equals(p.gate())) {
                return i18n.getString("debugger.eq." + e.id());
            }
        }
        return p.gate();
    }

    /**
     * The most specific text for {@code key}: the cell's own ({@code explain.lstm-tanh-input.i}), its family's
     * ({@code explain.gru.h}), then everyone's ({@code explain.h}).
     */
    private String text(CellType cell, String key, Object... args) {
        for (String prefix : List.of(cell.id() + ".", family(cell) + ".", "")) {
            if (i18n.containsKey(KEY + prefix + key)) {
                return I18n.format(i18n, KEY + prefix + key, args);
            }
        }
        throw new MissingResourceException("no explanation of " + key + " for " + cell, Explainer.class.getName(),
                KEY + key);
    }

    private static String family(CellType cell) {
        return cell.hasCellState() ? "lstm" : cell.isGru() ? "gru" : "rnn";
    }

    /** What the current value means. */
    String now(CellType cell, Part p, Double value) {
        if (value == null) {
            return i18n.getString(KEY + "now.none");
        }
        ValueBands.Kind kind = kind(cell, p);
        ValueBands.Band band = ValueBands.band(kind, value);
        String sym = display(p.symbol());
        String v = Numbers.display(value);  // the minus sign −, as the substitution panel writes it
        if (band == ValueBands.Band.NAN) {
            return I18n.format(i18n, KEY + "now.nan", sym, v);
        }
        if (band == ValueBands.Band.PLAIN) {
            return I18n.format(i18n, KEY + "now.plain", sym, v);
        }
        String kindKey = kind == ValueBands.Kind.SIGNED_GATE && band != ValueBands.Band.NEGATIVE
                ? ValueBands.Kind.LET_IN.name() : kind.name();
        long percent = Math.round(100 * value);
        return I18n.format(i18n, KEY + "now." + kindKey.toLowerCase(Locale.ROOT) + "." + band.name()
                .toLowerCase(Locale.ROOT), sym, v, percent, value >= 0 ? "+1" : "\u22121");
    }

    /**
     * Where the part comes from: the equation that computes it (its per-unit form, up to the numbers), the one that
     * computes it on the way, or, for what comes in from outside the step, a sentence of its own.
     */
    String from(CellType cell, Part p) {
        for (Direction d : Direction.values()) {
            for (Equation e : EquationCatalogue.of(cell, d)) {
                if (e.output().equals(p.symbol())) {
                    return I18n.format(i18n, KEY + "from.equation", i18n.getString("debugger.eq." + e.id()),
                            formula(e.unitForm().get(0)));
                }
            }
        }
        for (Direction d : Direction.values()) {
            for (Equation e : EquationCatalogue.of(cell, d)) {
                if (e.intermediates().contains(p.symbol())) {
                    String line = e.unitForm().stream().filter(l -> l.startsWith(p.symbol() + "[")).findFirst()
                            .orElse(e.unitForm().get(0));
                    return I18n.format(i18n, KEY + "from.within", i18n.getString("debugger.eq." + e.id()),
                            formula(line));
                }
            }
        }
        if (p.base().startsWith("W_") || p.base().startsWith("b_")) {
            return i18n.getString(KEY + "from.weight");
        }
        return text(cell, "from." + p.base());
    }

    /** A per-unit formula without its numbers: "c_t[j] = f_t[j]·c_{t−1}[j] + i_t[j]·g_t[j]". */
    static String formula(String unitForm) {
        String s = unitForm.replace("#", "j");
        int brace = s.indexOf('{', s.indexOf(" = ") + 1);
        while (brace > 0 && s.charAt(brace - 1) == '_') {  // c_{t−1} is notation, not a placeholder
            brace = s.indexOf('{', brace + 1);
        }
        if (brace > 0) {
            int cut = s.lastIndexOf(" = ", brace);
            if (cut > 0) {
                s = s.substring(0, cut);
            }
        }
        return s.strip();
    }
}
