package org.lstmlab.ui.debugger;

import java.util.List;

/**
 * The current equation with its numbers: lines of tokens that the view turns into text, hover tips and links, each
 * with the {@link Part} it plays. Built by {@link SubstitutionBuilder} from the trace; no number in it is computed
 * by the UI.
 */
public record Substitution(List<List<Token>> lines, List<Part> parts) {

    public Substitution {
        lines = List.copyOf(lines);
        parts = List.copyOf(parts);
        if (parts.size() != lines.size()) {
            throw new IllegalArgumentException(parts.size() + " parts for " + lines.size() + " lines");
        }
    }

    /** What a line is for; presenter mode shows the first three kinds before the others ({@link PresenterText}). */
    public enum Part {
        /** The equation for the followed unit with its numbers, ending in its result (the first such line). */
        FORMULA,
        /** A vector the equation reads. */
        OPERAND,
        /** A vector the equation computes: its result, or one on the way. */
        COMPUTED,
        /** The pre-activation's dot products and sums, written out. */
        PRE_ACTIVATION,
        /** The weights (or biases) involved. */
        WEIGHT
    }

    /** What a piece of text is. */
    public enum Kind {
        /** Plain text: operators, brackets, names of functions. */
        TEXT,
        /** The name of a vector at the start of its line; hovering shows the whole vector. */
        SYMBOL,
        /** One unit of a vector; clicking a unit of a hidden-size vector follows that unit. */
        VALUE,
        /** The followed unit of a vector. */
        FOLLOWED,
        /** The result of the equation for the followed unit. */
        RESULT,
        /** One weight; clicking it opens it in the weight editor. */
        WEIGHT,
        /** Left-out units of a long vector. */
        ELLIPSIS
    }

    /**
     * @param symbol trace symbol or weight-view name the token belongs to, or null
     * @param unit   unit index (or weight row), -1 if none
     * @param col    weight column, -1 if none
     * @param value  the number shown, NaN for text
     */
    public record Token(String text, Kind kind, String symbol, int unit, int col, double value) {
        public static Token text(String s) {
            return new Token(s, Kind.TEXT, null, -1, -1, Double.NaN);
        }

        /** Whether clicking the token follows a unit. */
        public boolean followsUnit() {
            return (kind == Kind.VALUE || kind == Kind.FOLLOWED || kind == Kind.RESULT) && unit >= 0;
        }
    }

    /** The whole text, for tests and for accessibility. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (List<Token> line : lines) {
            for (Token t : line) {
                sb.append(t.text());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
