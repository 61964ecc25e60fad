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
 */
public final class ExprParser {
    private final String src;
    private int pos;

    private ExprParser(String src) {
        this.src = src;
    }

    /** Parses the whole text; throws {@link ExprError} with the position of the first problem. */
    public static Expr parse(String text) {
        ExprParser p = new ExprParser(text == null ? "" : text);
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
            return new Expr.Unary("-", unary());
        }
        if (peek("!=")) {
            throw unexpected();
        }
        if (accept("!") || acceptWord("not")) {
            return new Expr.Unary("!", unary());
        }
        return power();
    }

    private Expr power() {
        Expr base = postfix();
        if (accept("^")) {
            return new Expr.Binary("^", base, unary());
        }
        return base;
    }

    private Expr postfix() {
        Expr e = primary();
        while (accept("[")) {
            List<Expr> idx = new ArrayList<>();
            idx.add(or());
            if (accept(",")) {
                idx.add(or());
            }
            expect("]");
            e = new Expr.Index(e, idx);
        }
        return e;
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
            String name = word();
            if (accept("(")) {
                List<Expr> args = new ArrayList<>();
                if (!accept(")")) {
                    do {
                        args.add(or());
                    } while (accept(","));
                    expect(")");
                }
                return new Expr.Call(name, args);
            }
            return new Expr.Name(name);
        }
        if (accept("(")) {
            Expr e = or();
            expect(")");
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
