package org.lstmlab.ui.learn;

/** A numeric answer as students type it into a lesson's exercise. */
final class TypedNumbers {
    private TypedNumbers() {
    }

    /** The number, or null: a comma for the decimal point and a Unicode minus are accepted. */
    static Double parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().replace('−', '-').replace('，', '.');
        if (t.matches("-?\\d+,\\d+")) {
            t = t.replace(',', '.');
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) && !t.isEmpty() && !t.matches(".*[a-zA-Z].*[a-zA-Z].*") ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
