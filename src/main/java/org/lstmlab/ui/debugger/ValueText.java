package org.lstmlab.ui.debugger;

import org.lstmlab.engine.trace.expr.Value;

/**
 * A watch's value as one line: a number, true / false, or a short vector with the followed unit; its negative numbers
 * with the minus sign − as the substitution panel writes them ({@link Numbers#display}), for display only.
 */
final class ValueText {
    private ValueText() {
    }

    static String of(Value v, int unit) {
        if (v.scalar()) {
            return v.logical() ? (v.holds() ? "true" : "false") : Numbers.display(v.data()[0]);
        }
        StringBuilder sb = new StringBuilder("[");
        int prev = -1;
        int focus = Math.min(unit, v.size() - 1);
        for (int i : SubstitutionBuilder.shown(v.size(), focus)) {
            if (prev >= 0) {
                sb.append(", ");
            }
            if (i > prev + 1) {
                sb.append("…, ");
            }
            sb.append(v.logical() ? (v.data()[i] != 0 ? "1" : "0") : Numbers.display(v.data()[i]));
            prev = i;
        }
        return sb.append("]").toString();
    }
}
