package org.lstmlab.ui.training;

/**
 * The lines of the equivalent code that a lesson step's {@code show: code} brings into view inside the code box: the
 * call that trains (Keras' {@code model.fit(...)}, the PyTorch loop {@code for epoch in range(...)}), from the
 * comments right above it (what {@code x_train} and {@code y_train} hold, the standardising the app does first) to
 * the end of the call, which the folding may have spread over several lines. Which lines is decided here, without a
 * toolkit; the view only scrolls ({@link #scrollTop}).
 *
 * @param first the first line to bring into view, from 0: the first comment above the call
 * @param last  the line the call ends on
 * @param lines how many lines the code has
 */
record CodeFocus(int first, int last, int lines) {
    /** The call that trains in the Keras code, at the start of its line. */
    static final String KERAS_CALL = "model.fit(";
    /** The loop that trains in the PyTorch code. */
    static final String TORCH_LOOP = "for epoch in range(";

    static CodeFocus keras(String code) {
        return around(code, KERAS_CALL);
    }

    static CodeFocus torch(String code) {
        return around(code, TORCH_LOOP);
    }

    /**
     * The statement of {@code code} whose line starts with {@code start} (after its indentation), with the comment
     * lines right above it; the first line when no line does (settings the engine refuses show a comment instead).
     */
    static CodeFocus around(String code, String start) {
        String[] lines = code.split("\n", -1);
        int at = -1;
        for (int i = 0; i < lines.length && at < 0; i++) {
            if (lines[i].stripLeading().startsWith(start)) {
                at = i;
            }
        }
        if (at < 0) {
            return new CodeFocus(0, 0, lines.length);
        }
        int first = at;
        while (first > 0 && lines[first - 1].stripLeading().startsWith("#")) {
            first--;
        }
        int last = at;
        int open = 0;
        for (int i = at; i < lines.length; i++) {
            open += brackets(lines[i]);
            last = i;
            if (open <= 0) {
                break;
            }
        }
        return new CodeFocus(first, last, lines.length);
    }

    /** Brackets opened minus brackets closed on {@code line}, outside strings and its comment. */
    private static int brackets(String line) {
        int open = 0;
        char quote = 0;
        for (char ch : line.toCharArray()) {
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '#') {
                break;
            } else if (ch == '(' || ch == '[' || ch == '{') {
                open++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                open--;
            }
        }
        return open;
    }

    /**
     * How far to scroll a code box whose lines are {@code lineHeight} high below a padding of {@code padding}, with
     * {@code viewport} pixels in sight: these lines from the top of the box when they all fit, else as many as fit
     * above the call's last line, which stays in sight; never past the end of the code.
     */
    double scrollTop(double lineHeight, double padding, double viewport) {
        double top = padding + first * lineHeight;
        double bottom = padding + (last + 1) * lineHeight;
        double at = bottom - top <= viewport ? top : bottom - viewport;
        double end = Math.max(0, 2 * padding + lines * lineHeight - viewport);
        return Math.max(0, Math.min(end, at));
    }
}
