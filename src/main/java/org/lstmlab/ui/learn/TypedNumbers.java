package org.lstmlab.ui.learn;

import org.lstmlab.ui.common.TypedNumber;

/** A numeric answer as students type it into a lesson's exercise. */
final class TypedNumbers {
    private TypedNumbers() {
    }

    /**
     * The number, or null: what any field of the app reads ({@link TypedNumber}: full-width forms, {@code −},
     * {@code 。}), and in an answer also a comma ({@code ，} too) for the decimal point.
     */
    static Double parse(String s) {
        if (s == null) {
            return null;
        }
        String t = TypedNumber.plain(s);
        return TypedNumber.parseFinite(t.matches("-?\\d+,\\d+") ? t.replace(',', '.') : t);
    }
}
