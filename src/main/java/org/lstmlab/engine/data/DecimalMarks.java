package org.lstmlab.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.lstmlab.engine.text.Message;

/**
 * How a table's numbers write their fractions, decided for the whole file: with a decimal point ({@code 1.5}) or,
 * in a file whose fields are separated by a semicolon or a tab (as a German or French spreadsheet saves one), with a
 * decimal comma ({@code 1,5}). Whole numbers ({@code 3}) say nothing. The numbers of both kinds are read as they
 * come; once the file is read, the kind most of its numbers use is the file's, and each number of the other kind
 * is refused in its column, with its line, its field and a number of the file's kind: a file that mixes them is
 * never read half one way and half the other ({@code 1.234} in a file of decimal commas may be a thousand).
 */
final class DecimalMarks {
    /** A number with a decimal comma: an optional sign, digits with a comma, an optional exponent. */
    private static final Pattern COMMA = Pattern.compile("[+-]?(\\d+,\\d*|,\\d+)([eE][+-]?\\d+)?");
    /** Digits in groups of three after a point or a comma: perhaps a thousands separator rather than a fraction. */
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}[.,]\\d{3}");
    /** Digits grouped in threes by commas, perhaps with a fraction after a point: 1,234.5 or 2,788,324. */
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private final boolean commaAllowed;
    private final Kind points = new Kind();
    private final Kind commas = new Kind();
    /** Numbers grouped by commas that can be nothing else (1,234.5; 2,788,324), and those that could (1,234). */
    private final Kind sureGroups = new Kind();
    private final Kind maybeGroups = new Kind();

    /** A table of {@code columns} columns whose separator is {@code delimiter}. */
    DecimalMarks(int columns, char delimiter) {
        this.commaAllowed = delimiter != ',';
        points.columns(columns);
        commas.columns(columns);
        sureGroups.columns(columns);
        maybeGroups.columns(columns);
    }

    /**
     * The value of {@code v} written with commas between groups of three digits, as Excel saves a number formatted
     * with a thousands separator ({@code "1,234.5"}, quoted), or null when it is not one or the file's fields are
     * separated by semicolons or tabs (where a comma is a decimal comma). {@code 1,234.5} and {@code 2,788,324} can
     * be nothing else; {@code 1,234} could be a decimal comma too, and is read as 1234 only in a file that also holds
     * numbers that can be nothing else ({@link #report} refuses it otherwise).
     */
    Double grouped(String v, int c, int line) {
        if (commaAllowed || !THOUSANDS.matcher(v).matches()) {
            return null;
        }
        boolean sure = v.indexOf('.') >= 0 || v.indexOf(',') != v.lastIndexOf(',');
        (sure ? sureGroups : maybeGroups).add(v, c, line);
        return Double.parseDouble(v.replace(",", ""));
    }

    /** Whether numbers with thousands separators ({@code 1,234.5} for 1234.5) were read as numbers. */
    boolean thousands() {
        return sureGroups.count > 0;
    }

    /**
     * The value of {@code v} written with a decimal comma, which this file's separator allows, or null when it is
     * not one. A number with a comma is recorded in column {@code c} at {@code line}.
     */
    Double comma(String v, int c, int line) {
        if (!commaAllowed || !COMMA.matcher(v).matches()) {
            return null;
        }
        commas.add(v, c, line);
        return Double.parseDouble(v.replace(',', '.'));
    }

    /** Records {@code v}, a number by the table's grammar, when it has a decimal point. */
    void point(String v, int c, int line) {
        if (v.indexOf('.') >= 0) {
            points.add(v, c, line);
        }
    }

    /** Whether the file writes its numbers with a decimal comma: more of them than with a point. */
    boolean decimalComma() {
        return commas.count > 0 && commas.count >= points.count;
    }

    /**
     * Gives {@code problems} each number of the kind the file does not use, in the column of {@code names}; the
     * first ones of each column are named and the others counted.
     */
    void report(TableProblems problems, List<String> names) {
        if (sureGroups.count == 0) {   // 1,234 alone may be a thousand or one and a bit: said both ways
            for (int c = 0; c < maybeGroups.seen.size(); c++) {
                for (Seen s : maybeGroups.seen.get(c)) {
                    problems.value(c, s.line(), Message.of("engine.data.field", Integer.toString(c + 1),
                            CsvTable.snippet(names.get(c)), Message.of("engine.data.commaNumber",
                                    CsvTable.snippet(s.value()))));
                }
                problems.more(c, maybeGroups.counts[c] - maybeGroups.seen.get(c).size());
            }
        }
        if (commas.count == 0 || points.count == 0) {
            return;
        }
        boolean comma = decimalComma();
        Kind odd = comma ? points : commas;
        Kind usual = comma ? commas : points;
        String sample = CsvTable.snippet(usual.firstValue);
        String sampleLine = Integer.toString(usual.firstLine);
        for (int c = 0; c < odd.seen.size(); c++) {
            List<Seen> list = odd.seen.get(c);
            for (Seen s : list) {
                boolean grouped = GROUPED.matcher(s.value()).matches();
                String key = comma ? grouped ? "engine.data.pointInCommaFileGrouped" : "engine.data.pointInCommaFile"
                        : grouped ? "engine.data.commaInPointFileGrouped" : "engine.data.commaInPointFile";
                problems.value(c, s.line(), Message.of("engine.data.field", Integer.toString(c + 1),
                        CsvTable.snippet(names.get(c)), Message.of(key, CsvTable.snippet(s.value()), sample,
                                sampleLine)));
            }
            problems.more(c, odd.counts[c] - list.size());
        }
    }

    /** A number of one kind and its line. */
    private record Seen(String value, int line) {
    }

    /** The numbers of one kind: the first few of each column, how many in each, and the file's first. */
    private static final class Kind {
        private final List<List<Seen>> seen = new ArrayList<>();
        private long[] counts = new long[0];
        private long count;
        private String firstValue;
        private int firstLine;

        void columns(int n) {
            for (int c = 0; c < n; c++) {
                seen.add(new ArrayList<>());
            }
            counts = new long[n];
        }

        void add(String v, int c, int line) {
            if (count++ == 0) {
                firstValue = v;
                firstLine = line;
            }
            counts[c]++;
            if (seen.get(c).size() < CsvTable.REPORTED_PROBLEMS) {
                seen.get(c).add(new Seen(v, line));
            }
        }
    }
}
