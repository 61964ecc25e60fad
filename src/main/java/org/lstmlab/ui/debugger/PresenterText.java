package org.lstmlab.ui.debugger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

import org.lstmlab.ui.debugger.Substitution.Kind;
import org.lstmlab.ui.debugger.Substitution.Part;
import org.lstmlab.ui.debugger.Substitution.Token;

/**
 * The substitution as presenter mode shows it, in a monospaced font and a given number of columns: first the
 * equation with its result, then the vectors it reads and computes, then the pre-activation written out and the
 * weights (what a projector must show comes first), each line broken where the mathematics breaks. A line breaks
 * before an {@code =} first, then before a {@code +}, then after a comma, never inside a number; the breaks are
 * chosen so that the lines come out few and even, a continued line starts under the first {@code =} (or inside its
 * bracket), and {@code c = a + b = 1 + 2 = 3} becomes {@code c = a + b} over {@code   = 1 + 2 = 3}.
 */
final class PresenterText {
    /**
     * How a line may break before an atom, best first: after one equation of several on the line, before an equals
     * sign, before a plus, after a comma, at another space; between any two tokens as a last resort.
     */
    private enum Break { STATEMENT, EQUALS, PLUS, COMMA, SPACE, ANY, NONE }

    /**
     * A piece of a line that is never broken: a token, or a part of a text token. {@code indent} is where a line
     * starting with it begins; {@code strip} how many of its leading spaces such a line leaves out.
     */
    private record Atom(Token token, Break breaks, int indent, int strip) {
        int width() {
            return columns(token.text());
        }
    }

    /** A shown line: its tokens, and the part of the substitution it comes from. */
    record Line(List<Token> tokens, Part part) {
    }

    private PresenterText() {
    }

    /** Whether a line of this part is one a projector must show: the result line and the vectors it reads. */
    static boolean essential(Part part) {
        return part == Part.FORMULA || part == Part.OPERAND;
    }

    /**
     * The substitution's lines in presenter order (stable within a part), each broken to at most {@code columns}
     * characters where it can be; {@code columns} ≤ 0 breaks nothing.
     */
    static List<Line> arrange(Substitution s, int columns) {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < s.lines().size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingInt(k -> s.parts().get(k).ordinal()));
        List<Line> out = new ArrayList<>();
        for (int k : order) {
            for (List<Token> piece : wrap(s.lines().get(k), columns)) {
                out.add(new Line(piece, s.parts().get(k)));
            }
        }
        return out;
    }

    /** One line of tokens broken into lines of at most {@code columns} characters where it can be. */
    static List<List<Token>> wrap(List<Token> line, int columns) {
        if (columns <= 0 || columns(line) <= columns) {
            return List.of(line);
        }
        // continued lines start under the first equals sign, or nearer the edge for all of them when one must
        List<Atom> atoms = null;
        List<Integer> starts = null;
        for (int margin : new int[] {columns / 3, 8, 4, 2, 0}) {
            atoms = atoms(line, columns, margin);
            starts = breaks(atoms, columns);
            if (!squeezed(atoms, starts, columns)) {
                break;
            }
        }
        List<List<Token>> out = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) : atoms.size();
            out.add(tokens(atoms, starts.get(k), end, columns));
        }
        return out;
    }

    private static int columns(List<Token> line) {
        return line.stream().mapToInt(t -> columns(t.text())).sum();
    }

    /** Where the lines start (atom indices, the first 0): the breaks of least {@link #cost} in all. */
    private static List<Integer> breaks(List<Atom> atoms, int columns) {
        int n = atoms.size();
        double[] best = new double[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = 0;
        for (int j = 1; j <= n; j++) {
            if (j < n && atoms.get(j).breaks() == Break.NONE) {
                continue;
            }
            for (int i = 0; i < j; i++) {
                double c = best[i] + cost(atoms, i, j, columns);
                if (c < best[j]) {
                    best[j] = c;
                    from[j] = i;
                }
            }
        }
        List<Integer> starts = new ArrayList<>();
        for (int j = n; j > 0; j = from[j]) {
            starts.add(0, from[j]);
        }
        return starts;
    }

    /** Whether a continued line had to start left of its place to fit. */
    private static boolean squeezed(List<Atom> atoms, List<Integer> starts, int columns) {
        for (int k = 1; k < starts.size(); k++) {
            int i = starts.get(k);
            int end = k + 1 < starts.size() ? starts.get(k + 1) : atoms.size();
            if (indent(atoms, i, end, columns) < atoms.get(i).indent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cost of a line of atoms {@code i} to {@code j} (exclusive): each line costs as much as the widest slack
     * can, so that fewer lines win; the slack squared makes the lines even; a break before a plus or after a comma
     * costs more than one before an equals sign, and one between two equations less. A line too wide is allowed
     * only when it is one atom.
     */
    private static double cost(List<Atom> atoms, int i, int j, int columns) {
        int width = width(atoms, i, j, columns);
        if (width > columns && j > i + 1) {
            return Double.POSITIVE_INFINITY;
        }
        double slack = Math.max(0, columns - width);
        double perLine = (double) columns * columns;
        double penalty = switch (i == 0 ? Break.EQUALS : atoms.get(i).breaks()) {
            case STATEMENT -> -perLine / 2;  // two equations on two lines, even if less even
            case EQUALS -> 0;
            case PLUS -> perLine / 4;
            case COMMA -> perLine / 2;
            case SPACE -> perLine;
            default -> 2 * perLine;
        };
        return perLine + slack * slack + penalty + (width > columns ? 4 * perLine : 0);
    }

    private static int width(List<Atom> atoms, int i, int j, int columns) {
        return indent(atoms, i, j, columns) + content(atoms, i, j);
    }

    /** The characters of a line of atoms {@code i} to {@code j} (exclusive) without its indent. */
    private static int content(List<Atom> atoms, int i, int j) {
        int w = i == 0 ? 0 : -atoms.get(i).strip();
        for (int k = i; k < j; k++) {
            w += atoms.get(k).width();
        }
        return w;
    }

    /** A continued line's indent: its atom's, or less when that would push the line past the last column. */
    private static int indent(List<Atom> atoms, int i, int j, int columns) {
        return i == 0 ? 0 : Math.max(0, Math.min(atoms.get(i).indent(), columns - content(atoms, i, j)));
    }

    private static List<Token> tokens(List<Atom> atoms, int i, int j, int columns) {
        List<Token> out = new ArrayList<>();
        int indent = indent(atoms, i, j, columns);
        for (int k = i; k < j; k++) {
            Atom a = atoms.get(k);
            Token t = a.token();
            if (k == i && i > 0) {
                if (indent > 0) {
                    out.add(Token.text(" ".repeat(indent)));
                }
                if (a.strip() > 0) {
                    t = Token.text(t.text().substring(a.strip()));
                }
            }
            if (!t.text().isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The line cut into atoms: text tokens split after a comma that ends one equation of several ({@code ",   "}),
     * before {@code " = "}, {@code " + "} and other spaces outside brackets and after {@code ", "}; every other
     * token whole.
     */
    private static List<Atom> atoms(List<Token> line, int columns, int most) {
        List<Atom> out = new ArrayList<>();
        Deque<Integer> open = new ArrayDeque<>();  // the column just inside each open bracket
        int[] column = {0};
        int base = 0;  // where the current equation starts
        int equalsAt = -1;  // its first equals sign's column, from its start
        for (Token t : line) {
            String s = t.text();
            if (t.kind() != Kind.TEXT) {
                out.add(new Atom(t, out.isEmpty() ? Break.NONE : Break.ANY, margin(equalsAt, most) + 2, 0));
                for (int k = 0; k < s.length(); k = s.offsetByCodePoints(k, 1)) {
                    track(s.codePointAt(k), column, open);
                }
                continue;
            }
            int start = 0;
            Break pending = out.isEmpty() ? Break.NONE : Break.ANY;
            int indent = margin(equalsAt, most) + 2;
            for (int k = 0; k < s.length(); k = s.offsetByCodePoints(k, 1)) {
                Break here = breakAt(s, k, open.isEmpty());
                if (here != Break.NONE && (k > start || (k == 0 && !out.isEmpty()))) {
                    if (k > start) {
                        String piece = s.substring(start, k);
                        out.add(new Atom(Token.text(piece), pending, indent, strip(pending, piece)));
                    }
                    if (here == Break.STATEMENT) {
                        base = column[0] + spaces(s, k);
                        equalsAt = -1;
                    } else if (here == Break.EQUALS && equalsAt < 0) {
                        equalsAt = column[0] + 1 - base;
                    }
                    pending = here;
                    int at = margin(equalsAt, most);
                    int inside = open.isEmpty() ? Integer.MAX_VALUE : open.peek() - base;
                    indent = switch (here) {
                        case STATEMENT -> 0;
                        case EQUALS -> at;
                        case COMMA -> inside > columns / 2 ? at + 2 : inside;
                        default -> at + 2;
                    };
                    start = k;
                }
                track(s.codePointAt(k), column, open);
            }
            String piece = s.substring(start);
            out.add(new Atom(Token.text(piece), pending, indent, strip(pending, piece)));
        }
        return out;
    }

    /** Where a continued line's {@code =} goes: under the first one, unless that is further in than {@code most}. */
    private static int margin(int equalsAt, int most) {
        return Math.min(most, equalsAt < 0 || equalsAt > most ? 2 : equalsAt);
    }

    /** The spaces a line starting with {@code piece} after a break leaves out. */
    private static int strip(Break b, String piece) {
        return switch (b) {
            case STATEMENT -> spaces(piece, 0);
            case NONE -> 0;
            default -> Math.min(1, spaces(piece, 0));
        };
    }

    private static int spaces(String s, int from) {
        int k = from;
        while (k < s.length() && s.charAt(k) == ' ') {
            k++;
        }
        return k - from;
    }

    /** The break before character {@code k} of a text, if there is one there. */
    private static Break breakAt(String s, int k, boolean outsideBrackets) {
        boolean afterComma = k > 0 && s.charAt(k) == ' ' && s.charAt(k - 1) == ',';
        if (afterComma && outsideBrackets && s.startsWith("  ", k)) {
            return Break.STATEMENT;
        }
        if (afterComma) {
            return Break.COMMA;
        }
        if (s.charAt(k) != ' ' || (k > 0 && s.charAt(k - 1) == ' ')) {
            return Break.NONE;
        }
        if (!outsideBrackets) {
            return Break.ANY;
        }
        return s.startsWith(" = ", k) ? Break.EQUALS : s.startsWith(" + ", k) ? Break.PLUS : Break.SPACE;
    }

    /** Moves past one character: a column further, and into or out of a bracket. */
    private static void track(int codePoint, int[] column, Deque<Integer> open) {
        column[0]++;
        if (codePoint == '(' || codePoint == '[') {
            open.push(column[0]);
        } else if ((codePoint == ')' || codePoint == ']') && !open.isEmpty()) {
            open.pop();
        }
    }

    /** The characters a text takes in a monospaced font (one per code point). */
    static int columns(String s) {
        return s.codePointCount(0, s.length());
    }
}
