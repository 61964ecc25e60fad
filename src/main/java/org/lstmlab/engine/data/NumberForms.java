package org.lstmlab.engine.data;

/**
 * How a CSV file writes numbers that are read but may surprise: with a decimal comma ({@code 1,5} = 1.5, in a file
 * separated by semicolons or tabs), with thousands separators ({@code "1,234.5"} = 1234.5, as Excel saves a number
 * formatted so; {@code 1.234,5} in a file of decimal commas) or as percentages ({@code 1.23%} = 0.0123). The
 * command line and the app say each once, so that the reading is never a surprise.
 */
public record NumberForms(boolean decimalComma, boolean thousands, boolean percent) {
    /** A file whose numbers need no note. */
    public static final NumberForms PLAIN = new NumberForms(false, false, false);
}
