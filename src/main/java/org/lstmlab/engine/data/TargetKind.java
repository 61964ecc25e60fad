package org.lstmlab.engine.data;

import java.util.Locale;

import org.lstmlab.engine.text.Refusal;

/**
 * What a CSV file's target column holds, and so what the model learns: a value to forecast (regression) or a class
 * label to name (classification). The rule: a column of text is a column of labels; a column of numbers is a value,
 * unless the user says its numbers are labels (0/1, or 1..5 for five activities).
 */
public enum TargetKind {
    /** Labels when the target column holds text, else values. */
    AUTO,
    /** Values to forecast, always (a column of text is refused). */
    VALUE,
    /** Class labels, whatever they are written as: text or whole numbers. */
    CLASS;

    /** The command line's and a saved run's name: {@code auto}, {@code value}, {@code class}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code s} ({@link #key}); blank for {@link #AUTO}. */
    public static TargetKind parse(String s) {
        if (s == null || s.isBlank()) {
            return AUTO;
        }
        for (TargetKind k : values()) {
            if (k.key().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw Refusal.of("engine.data.targetKind", s.trim());
    }
}
