package org.lstmlab.ui.learn;

import java.util.ResourceBundle;

import org.lstmlab.engine.lessons.Highlight;
import org.lstmlab.ui.common.I18n;

/**
 * What a lesson step asks the student to look at, in words: "Look at the equation “input gate”.", an equation by its
 * name in the debugger's labels (a name the labels lack as it is), a part of the diagram or a heatmap row as the
 * lesson names it.
 */
final class LookText {
    private LookText() {
    }

    /** The sentence for {@code h} in the bundle's language; empty when the step points at nothing. */
    static String of(ResourceBundle i18n, Highlight h) {
        return h == null ? "" : I18n.format(i18n, "learn.look." + h.kind().name(), target(i18n, h));
    }

    private static String target(ResourceBundle i18n, Highlight h) {
        String key = "debugger.eq." + h.target();
        return h.kind() == Highlight.Kind.EQUATION && i18n.containsKey(key) ? "\u201c" + i18n.getString(key)
                + "\u201d" : h.target();
    }
}
