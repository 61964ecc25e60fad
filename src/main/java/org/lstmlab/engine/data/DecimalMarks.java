package org.lstmlab.engine.data;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lstmlab.engine.text.Message;

/**
 * How a table's numbers write their fractions, decided for the whole file: with a decimal point ({@code 1.5}) or,
 * in a file whose fields are separated by a semicolon or a tab (as a German or French spreadsheet saves one), with a
 * decimal comma ({@code 1,5}). Whole numbers ({@code 3}) say nothing. The numbers of both kinds are read as they
 * come; once the file is read, the kind most of its numbers use is the file's, and each number of the other kind
 * is refused in its column, with its line, its field and a number of the file's kind: a file that mixes them is
 * never read half one way and half the other ({@code 1.234} in a file of decimal commas may be a thousand). Numbers
 * with thousands separators are read where they can mean nothing else ({@link #grouped}), by the same rule in a
 * comma-separated file ({@code "1,234.5"}) and in a file of decimal commas ({@code 1.234,5}); spaces (a plain, a
 * no-break U+00A0 or a narrow no-break one U+202F) separate thousands in any file ({@code 1 234.5}, {@code 1 234,5}),
 * their fraction's mark counting as any number's.
 */
final class DecimalMarks {
    /** A number with a decimal comma: an optional sign, digits with a comma, an optional exponent. */
    private static final Pattern COMMA = Pattern.compile("[+-]?(\\d+,\\d*|,\\d+)([eE][+-]?\\d+)?");
    /** Digits in groups of three after a point or a comma: perhaps a thousands separator rather than a fraction. */
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}[.,]\\d{3}");
    /** The spaces that may separate thousands: a plain, a no-break and a narrow no-break space. */
    static final String SPACES = " \u00A0\u202F";
    /** Digits grouped in threes by commas or spaces, perhaps with a fraction after a point: 1,234.5, 1 234.5. */
    private static final Pattern THOUSANDS = thousands("," + SPACES, '.');
    /** Digits grouped in threes by points or spaces, perhaps with a decimal comma: 1.234,5, 2.788.324, 1 234,5. */
    private static final Pattern THOUSANDS_COMMA = thousands("." + SPACES, ',');
    /** Digits grouped in threes by spaces with a fraction after a point, where a comma may be decimal: 1 234.5. */
    private static final Pattern SPACED_POINT = thousands(SPACES, '.');

    private final boolean commaAllowed;
    private final Kind points = new Kind();
    private final Kind commas = new Kind();
    /** Numbers grouped in threes that can be nothing else (1,234.5; 2,788,324), and those that could (1,234). */
    private final Kind sureGroups = new Kind();
    private final Kind maybeGroups = new Kind();
    /**
     * Where a comma may be decimal, numbers grouped by spaces that say nothing of it: whole ({@code 1 234}, the same
     * in either kind of file) or with a point ({@code 1 234.5}, counted with {@link #points} too).
     */
    private final Kind spaced = new Kind();
    /** The rows of each column that hold a number such as 1.234 in a file that may write decimal commas. */
    private final List<BitSet> maybeRows = new ArrayList<>();
    /** How many of them have a fraction after a decimal comma (1.234,5). */
    private long groupedFractions;

    /** A table of {@code columns} columns whose separator is {@code delimiter}. */
    DecimalMarks(int columns, char delimiter) {
        this.commaAllowed = delimiter != ',';
        points.columns(columns);
        commas.columns(columns);
        sureGroups.columns(columns);
        maybeGroups.columns(columns);
        spaced.columns(columns);
        for (int c = 0; c < columns; c++) {
            maybeRows.add(null);
        }
    }

    /**
     * Digits grouped in threes by one of {@code marks} (the same one in the whole number), perhaps with a fraction
     * after {@code decimal}; the first group does not start with 0 (0,123 is no thousand).
     */
    private static Pattern thousands(String marks, char decimal) {
        return Pattern.compile("[+-]?[1-9]\\d{0,2}([" + marks + "])\\d{3}(\\1\\d{3})*([" + decimal + "]\\d+)?");
    }

    /**
     * The value of {@code v} (in column {@code c}, row {@code row}) written with thousands separators, as a
     * spreadsheet saves a number formatted so, or null when it is not one. In a comma-separated file the groups are
     * separated by commas ({@code "1,234.5"}, quoted, as Excel saves it) or spaces ({@code 1 234.5}); in a file
     * separated by semicolons or tabs, where a comma is a decimal comma, by points or spaces ({@code 1.234,5},
     * {@code 1 234,5}, as German and French spreadsheets save it; {@code 1 234.5}, a decimal point, is counted as
     * one). {@code 1,234.5}, {@code 2,788,324}, {@code 1.234,5}, {@code 2.788.324} and {@code 1 234} can be nothing
     * else; {@code 1,234} (in a comma-separated file) could be a decimal comma too, and
     * {@code 1.234} (in a file of decimal commas) a decimal point: each is read as 1234 only in a file that also
     * holds numbers that can be nothing else ({@link #report} refuses it otherwise, and {@link #settle} reads
     * {@code 1.234} as 1.234 in a file of decimal points).
     */
    Double grouped(String v, int c, int line, int row) {
        Matcher m = (commaAllowed ? THOUSANDS_COMMA : THOUSANDS).matcher(v);
        boolean point = false;
        if (!m.matches()) {
            m = SPACED_POINT.matcher(v);
            if (!commaAllowed || !m.matches()) {
                return null;
            }
            point = true;
        }
        char mark = m.group(1).charAt(0);
        boolean sure = m.group(2) != null || m.group(3) != null || mark != (commaAllowed ? '.' : ',');
        if (commaAllowed && SPACES.indexOf(mark) >= 0 && (point || m.group(3) == null)) {
            spaced.add(v, c, line);   // 1 234 says nothing of a decimal comma; 1 234.5 says a point
            if (point) {
                points.add(v, c, line);
            }
            return Double.parseDouble(v.replace(String.valueOf(mark), ""));
        }
        (sure ? sureGroups : maybeGroups).add(v, c, line);
        if (commaAllowed && m.group(3) != null) {
            groupedFractions++;
        }
        if (!sure && commaAllowed) {
            if (maybeRows.get(c) == null) {
                maybeRows.set(c, new BitSet());
            }
            maybeRows.get(c).set(row);
        }
        return Double.parseDouble(v.replace(String.valueOf(mark), "").replace(',', '.'));
    }

    /** Whether numbers with thousands separators ({@code 1,234.5} for 1234.5) were read as numbers. */
    boolean thousands() {
        return sureGroups.count > 0 && (!commaAllowed || decimalComma()) || spaced.count > 0;
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

    /**
     * Whether the file writes its numbers with a decimal comma: more of them than with a point, counting those
     * grouped in threes by points (1.234,5; 2.788.324), which a file of decimal points never holds, and those grouped
     * by spaces with a decimal comma (1 234,5; 1 234 is either).
     */
    boolean decimalComma() {
        long comma = commaMarks();
        return comma > 0 && comma >= points.count;
    }

    /**
     * Whether numbers with a decimal comma ({@code 1,5}, {@code 1.234,5}) were read: the file writes them so, and
     * not only whole numbers with spaces between their thousands ({@code 1 234}).
     */
    boolean commasRead() {
        return decimalComma() && (commas.count > 0 || groupedFractions > 0);
    }

    /** How many numbers say that the file writes decimal commas. */
    private long commaMarks() {
        return commaAllowed ? commas.count + sureGroups.count : 0;
    }

    /**
     * Reads each number such as {@code 1.234} in {@code cols} as 1.234 in a file separated by semicolons or tabs
     * unless it writes decimal commas and groups other numbers in threes (it was read as 1234): 1234 / 1000 is the
     * double nearest 1.234.
     */
    void settle(double[][] cols) {
        if (!commaAllowed || decimalComma() && sureGroups.count + spaced.count > 0) {
            return;
        }
        for (int c = 0; c < cols.length; c++) {
            BitSet rows = maybeRows.get(c);
            for (int r = rows == null ? -1 : rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) {
                cols[c][r] /= 1000;
            }
        }
    }

    /**
     * Gives {@code problems} each number of the kind the file does not use, in the column of {@code names}; the
     * first ones of each column are named and the others counted.
     */
    void report(TableProblems problems, List<String> names) {
        boolean comma = decimalComma();
        if (sureGroups.count + spaced.count == 0 && (!commaAllowed || comma)) {
            // 1,234 alone may be a thousand or one and a bit, and so may 1.234 among decimal commas: said both ways
            for (int c = 0; c < maybeGroups.seen.size(); c++) {
                for (Seen s : maybeGroups.seen.get(c)) {
                    Message why = commaAllowed ? otherWay(s, "engine.data.pointOrThousands", commas,
                            CsvTable.snippet(s.value().replace(".", "")), CsvTable.snippet(s.value().replace('.', ',')))
                            : Message.of("engine.data.commaNumber", CsvTable.snippet(s.value()));
                    problems.value(c, s.line(), field(c, names, why));
                }
                problems.more(c, maybeGroups.counts[c] - maybeGroups.seen.get(c).size());
            }
        }
        if (commaAllowed && !comma) {   // 1.234,5 or 2.788.324 in a file of decimal points
            for (int c = 0; c < sureGroups.seen.size(); c++) {
                for (Seen s : sureGroups.seen.get(c)) {
                    problems.value(c, s.line(), field(c, names,
                            Message.of("engine.data.thousands", CsvTable.snippet(s.value()))));
                }
                problems.more(c, sureGroups.counts[c] - sureGroups.seen.get(c).size());
            }
        }
        if (commaMarks() == 0 || points.count == 0) {
            return;
        }
        Kind odd = comma ? points : commas;
        Kind usual = comma ? commas.count > 0 ? commas : sureGroups : points;
        for (int c = 0; c < odd.seen.size(); c++) {
            List<Seen> list = odd.seen.get(c);
            for (Seen s : list) {
                boolean grouped = GROUPED.matcher(s.value()).matches();
                String key = comma ? grouped ? "engine.data.pointInCommaFileGrouped" : "engine.data.pointInCommaFile"
                        : grouped ? "engine.data.commaInPointFileGrouped" : "engine.data.commaInPointFile";
                problems.value(c, s.line(), field(c, names, otherWay(s, key, usual)));
            }
            problems.more(c, odd.counts[c] - list.size());
        }
    }

    /** {@code why} said of field {@code c} of {@code names}. */
    private static Message field(int c, List<String> names, Message why) {
        return Message.of("engine.data.field", Integer.toString(c + 1), CsvTable.snippet(names.get(c)), why);
    }

    /**
     * Number {@code s} written otherwise than the file's {@code usual} numbers, said by {@code key} with the
     * {@code readings} it may have.
     */
    private static Message otherWay(Seen s, String key, Kind usual, Object... readings) {
        List<Object> args = new ArrayList<>(List.of(CsvTable.snippet(s.value()), CsvTable.snippet(usual.firstValue),
                Integer.toString(usual.firstLine)));
        args.addAll(List.of(readings));
        return Message.of(key, args.toArray());
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
