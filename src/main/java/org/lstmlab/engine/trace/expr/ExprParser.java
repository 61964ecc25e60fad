package org.lstmlab.engine.trace.expr;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.trace.expr.ExprError.Kind;

/**
 * Recursive-descent parser of the small expression language of breakpoints and watches:
 * <pre>
 *   or      = and { ("||" | "or") and }
 *   and     = compare { ("&amp;&amp;" | "and") compare }
 *   compare = sum [ ("&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!=") sum ]
 *   sum     = product { ("+" | "-") product }
 *   product = unary { ("*" | "/") unary }
 *   unary   = ("-" | "!" | "not") unary | power
 *   power   = postfix [ "^" unary ]
 *   postfix = primary { "[" or [ "," or ] "]" }
 *   primary = number | name | name "(" [ or { "," or } ] ")" | "(" or ")"
 * </pre>
 * Examples: {@code f[3] < 0.05}, {@code max(abs(c)) > 2}, {@code t == 7}, {@code isnan(h)}, {@code o * tanh(c)}.
 *
 * <p>Hostile or mistaken text cannot exhaust the stack: an expression is at most {@value #MAX_LENGTH} characters
 * and nests at most {@value #MAX_NESTING} levels (parentheses, brackets, each index of a chain, function calls,
 * prefix operators and powers each count one), so parsing and evaluating it need a bounded stack; anything longer
 * or deeper is an {@link ExprError} of kind {@code TOO_LONG} or {@code TOO_DEEP}, like every other mistake.
 */
public final class ExprParser {
    /** Longest expression, in characters. */
    public static final int MAX_LENGTH = 1000;
    /** Deepest nesting of parentheses, brackets, calls, prefix operators and powers. */
    public static final int MAX_NESTING = 50;

    private final String src;
    private final boolean checkCalls;
    private int pos;
    private int nesting;

    private ExprParser(String src, boolean checkCalls) {
        this.src = src;
        this.checkCalls = checkCalls;
    }

    /** Parses the whole text; throws {@link ExprError} with the position of the first problem. */
    public static Expr parse(String text) {
        return parse(text, false);
    }

    /**
     * As {@link #parse(String)}, and also refuses a call that can never run (an unknown function, a wrong number of
     * arguments), which {@code parse} leaves to the evaluation: the debugger's breakpoint and watch fields add no
     * such mistake.
     */
    public static Expr parseWithCalls(String text) {
        return parse(text, true);
    }

    private static Expr parse(String text, boolean checkCalls) {
        ExprParser p = new ExprParser(text == null ? "" : text, checkCalls);
        if (p.src.length() > MAX_LENGTH) {
            throw new ExprError(Kind.TOO_LONG, MAX_LENGTH, "the expression has " + p.src.length()
                    + " characters; at most " + MAX_LENGTH + " are allowed", p.src.length(), MAX_LENGTH);
        }
        p.skipSpace();
        if (p.pos == p.src.length()) {
            throw new ExprError(Kind.EMPTY, 0, "the expression is empty");
        }
        Expr e = p.or();
        p.skipSpace();
        if (p.pos < p.src.length()) {
            throw p.unexpected();
        }
        return e;
    }

    private Expr or() {
        Expr e = and();
        while (accept("||") || acceptWord("or")) {
            e = new Expr.Binary("||", e, and());
        }
        return e;
    }

    private Expr and() {
        Expr e = compare();
        while (accept("&&") || acceptWord("and")) {
            e = new Expr.Binary("&&", e, compare());
        }
        return e;
    }

    private Expr compare() {
        Expr e = sum();
        for (String op : List.of("<=", ">=", "==", "!=", "<", ">")) {
            if (accept(op)) {
                return new Expr.Binary(op, e, sum());
            }
        }
        return e;
    }

    private Expr sum() {
        Expr e = product();
        while (true) {
            if (accept("+")) {
                e = new Expr.Binary("+", e, product());
            } else if (accept("-")) {
                e = new Expr.Binary("-", e, product());
            } else {
                return e;
            }
        }
    }

    private Expr product() {
        Expr e = unary();
        while (true) {
            if (accept("*")) {
                e = new Expr.Binary("*", e, unary());
            } else if (accept("/")) {
                e = new Expr.Binary("/", e, unary());
            } else {
                return e;
            }
        }
    }

    private Expr unary() {
        if (accept("-")) {
            enter();
            Expr e = new Expr.Unary("-", unary());
            nesting--;
            return e;
        }
        if (peek("!=")) {
            throw unexpected();
        }
        if (accept("!") || acceptWord("not")) {
            enter();
            Expr e = new Expr.Unary("!", unary());
            nesting--;
            return e;
        }
        return power();
    }

    private Expr power() {
        Expr base = postfix();
        if (accept("^")) {
            enter();
            Expr e = new Expr.Binary("^", base, unary());
            nesting--;
            return e;
        }
        return base;
    }

    /** Each index of a chain such as {@code z[0][1]} nests the target one level deeper: they count until its end. */
    private Expr postfix() {
        Expr e = primary();
        int chain = 0;
        while (accept("[")) {
            enter();
            chain++;
            List<Expr> idx = new ArrayList<>();
            idx.add(or());
            if (accept(",")) {
                idx.add(or());
            }
            expect("]");
            e = new Expr.Index(e, idx);
        }
        nesting -= chain;
        return e;
    }

    /** One level deeper; refuses the expression when it goes past {@link #MAX_NESTING}. */
    private void enter() {
        if (++nesting > MAX_NESTING) {
            throw new ExprError(Kind.TOO_DEEP, pos, "the expression nests more than " + MAX_NESTING
                    + " levels deep (parentheses, brackets, indices, calls, signs or powers)", MAX_NESTING);
        }
    }

    private Expr primary() {
        skipSpace();
        if (pos >= src.length()) {
            throw new ExprError(Kind.UNEXPECTED_END, pos, "the expression ends too early");
        }
        char ch = src.charAt(pos);
        if (Character.isDigit(ch) || ch == '.') {
            return number();
        }
        if (Character.isLetter(ch) || ch == '_') {
            int start = pos;
            String name = word();
            if (accept("(")) {
                enter();
                List<Expr> args = new ArrayList<>();
                if (!accept(")")) {
                    do {
                        args.add(or());
                    } while (accept(","));
                    expect(")");
                }
                nesting--;
                if (checkCalls) {
                    Functions.check(name, args.size(), start);
                }
                return new Expr.Call(name, args);
            }
            return new Expr.Name(name);
        }
        if (accept("(")) {
            enter();
            Expr e = or();
            expect(")");
            nesting--;
            return e;
        }
        throw unexpected();
    }

    private Expr number() {
        int start = pos;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String text = src.substring(start, pos);
        try {
            return new Expr.Num(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new ExprError(Kind.BAD_NUMBER, start, "'" + text + "' is not a number", text);
        }
    }

    private String word() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private void expect(String token) {
        if (!accept(token)) {
            skipSpace();
            if (pos >= src.length()) {
                throw new ExprError(Kind.UNEXPECTED_END, pos, "expected '" + token + "' before the end", token);
            }
            throw new ExprError(Kind.UNEXPECTED_TOKEN, pos, "expected '" + token + "' at position " + (pos + 1)
                    + ", found '" + src.charAt(pos) + "'", token, pos + 1, String.valueOf(src.charAt(pos)));
        }
    }

    private boolean peek(String token) {
        skipSpace();
        return src.startsWith(token, pos);
    }

    private boolean accept(String token) {
        if (peek(token)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private boolean acceptWord(String w) {
        skipSpace();
        int end = pos + w.length();
        if (src.startsWith(w, pos) && (end == src.length() || !Character.isLetterOrDigit(src.charAt(end))
                && src.charAt(end) != '_')) {
            pos = end;
            return true;
        }
        return false;
    }

    private ExprError unexpected() {
        skipSpace();
        if (pos >= src.length()) {
            return new ExprError(Kind.UNEXPECTED_END, pos, "the expression ends too early");
        }
        String c = String.valueOf(src.charAt(pos));
        return new ExprError(Kind.UNEXPECTED_CHARACTER, pos, "unexpected '" + c + "' at position " + (pos + 1), c,
                pos + 1);
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }
}
