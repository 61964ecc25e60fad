package org.lstmlab.engine.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.NameList;

/**
 * A numeric table parsed from CSV text (RFC 4180): quoted fields with doubled quotes, any of CRLF, LF and CR line
 * ends, a header row, one delimiter (comma, semicolon or tab, sniffed from the header). Every problem is reported
 * with its line and column; a table is only returned when the whole file is good.
 *
 * <p>Numbers follow a strict grammar: an optional sign, digits with an optional decimal point, an optional
 * exponent. In a file separated by semicolons or tabs, the point may be a decimal comma ({@code 1,5}, as German or
 * French spreadsheets save a file), the same in the whole file ({@link DecimalMarks}); thousands separators are read
 * where they can mean nothing else ({@code "1,234.5"}, {@code 1 234.5}, and {@code 1.234,5} in a file of decimal
 * commas).
 * {@code NaN}, {@code Infinity}, {@code 0x1p3}, {@code 1d} and a decimal comma in a comma-separated file are
 * refused, as are missing cells ({@code ""}, {@code NA}, {@code null}): a time series for training needs every
 * value. {@link #parse} refuses a table with any such value; {@link #read} refuses only a table of the wrong shape
 * and keeps the values' problems for {@link #requireNumbers}, so that a column left out (a date, a label in words)
 * does not stop the others from being used.
 */
public final class CsvTable {
    public static final int MAX_FIELD_CHARS = 1 << 16;
    public static final int MAX_COLUMNS = 1024;
    public static final int MAX_ROWS = 5_000_000;
    static final int REPORTED_PROBLEMS = 10;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    /** A number as a Java or C program writes it: 1d, 2.5f, 3L, 0x1p3. */
    private static final Pattern LITERAL = Pattern.compile(
            "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?[dDfFlL]|[+-]?0[xX][0-9a-fA-F.]+([pP][+-]?\\d+)?");
    /** "No value", as spreadsheets and Chinese stock software save it (--, #N/A). */
    private static final List<String> MISSING = List.of("", "na", "n/a", "nan", "null", "none", "-", "--", "#n/a");

    private final List<String> headers;
    private final double[][] columns;
    private final TableProblems problems;
    private final NumberForms forms;

    private CsvTable(List<String> headers, double[][] columns, TableProblems problems, NumberForms forms) {
        this.headers = List.copyOf(headers);
        this.columns = columns;
        this.problems = problems;
        this.forms = forms;
    }

    /** Whether the file writes its numbers with a decimal comma ({@code 1,5} for 1.5). */
    public boolean decimalComma() {
        return forms.decimalComma();
    }

    /** How the file writes its numbers, where a reader should be told (decimal commas, thousands, percentages). */
    public NumberForms forms() {
        return forms;
    }

    public List<String> headers() {
        return headers;
    }

    public int rows() {
        return columns.length == 0 ? 0 : columns[0].length;
    }

    /** The values of column {@code c} (a copy). */
    public double[] column(int c) {
        return columns[c].clone();
    }

    /** The index of a column given by header name or by 1-based number. */
    public int columnIndex(String nameOrNumber, String file) throws DataFileException {
        int i = headers.indexOf(nameOrNumber.trim());
        if (i >= 0) {
            return i;
        }
        String t = nameOrNumber.trim();
        if (t.matches("\\d{1,9}")) {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= headers.size()) {
                return n - 1;
            }
        }
        throw new DataFileException(file, Message.of("engine.data.noColumn", snippet(nameOrNumber),
                NameList.first(12, headers.stream().map(CsvTable::snippet).toList()),
                Integer.toString(headers.size())));
    }

    /**
     * Parses CSV text whose every value must be a number; {@code file} names it in messages. The records are
     * streamed into growing column arrays, so memory is the text plus the numbers (8 bytes a value), checked
     * against the memory budget as they grow.
     */
    public static CsvTable parse(String file, String text) throws DataFileException {
        CsvTable t = read(file, text);
        t.requireNumbers(java.util.stream.IntStream.range(0, t.headers.size()).boxed().toList());
        return t;
    }

    /**
     * Parses CSV text as {@link #parse} does, but refuses only a table of the wrong shape (its header, a ragged
     * row): a column's values that are not numbers are refused by {@link #requireNumbers} when it is used.
     */
    public static CsvTable read(String file, String text) throws DataFileException {
        Builder b = new Builder(file, Tokenizer.delimiter(text));
        Tokenizer.stream(file, text, MAX_COLUMNS + 1, b::record);
        return b.finish();
    }

    /**
     * Where each data row (each record after the header) of CSV {@code text} stands: the file's line it starts on,
     * as a spreadsheet numbers its rows (the header at 1), and the stripped text of its field {@code c} (0-based;
     * "" for a row without it). A second, cheap pass over a text {@link #read} has accepted.
     */
    public static RowPlaces places(String file, String text, int c) throws DataFileException {
        int[][] lines = {new int[64]};
        List<String> texts = new java.util.ArrayList<>();
        int[] n = {-1};
        Tokenizer.stream(file, text, MAX_COLUMNS + 1, rec -> {
            if (n[0]++ < 0) {
                return;     // the header
            }
            if (n[0] > lines[0].length) {
                lines[0] = java.util.Arrays.copyOf(lines[0], 2 * lines[0].length);
            }
            lines[0][n[0] - 1] = rec.get(0).line();
            texts.add(rec.size() > c ? rec.get(c).text().strip() : "");
        });
        return new RowPlaces(java.util.Arrays.copyOf(lines[0], Math.max(0, n[0])), List.copyOf(texts));
    }

    /** Each data row's line in its file and the text of one of its fields ({@link #places}). */
    public record RowPlaces(int[] lines, List<String> texts) {
    }

    /** Refuses the table, naming every value of the {@code used} columns (0-based) that is not a number. */
    public void requireNumbers(List<Integer> used) throws DataFileException {
        requireNumbers(used, List.of());
    }

    /**
     * As {@link #requireNumbers(List)}, the {@code targets} (0-based) being columns to forecast: a value missing
     * there is not mended by leaving the column out of the inputs, and the refusal says what does.
     */
    public void requireNumbers(List<Integer> used, List<Integer> targets) throws DataFileException {
        problems.throwIfAny(used, targets, false);
    }

    /**
     * As {@link #requireNumbers(List)}, the {@code used} columns being those a trained model reads (to predict): a
     * value missing there is to be filled in, since the model cannot do without the column.
     */
    public void requireValues(List<Integer> used) throws DataFileException {
        problems.throwIfAny(used, List.of(), true);
    }

    /** Whether column {@code c} (0-based) holds text only: no number and no missing value (dates, names). */
    public boolean isText(int c) {
        return problems.isText(c, rows());
    }

    /** The first text in column {@code c} (0-based), shortened for messages, or null when it holds none. */
    public String firstText(int c) {
        return problems.firstText(c);
    }

    /** The line of {@link #firstText}. */
    public int firstTextLine(int c) {
        return problems.firstTextLine(c);
    }

    /** Whether column {@code c} (0-based) holds words and no number: text, with perhaps a value missing. */
    boolean isWords(int c) {
        return problems.isWords(c, rows());
    }

    /** Whether a stripped field says "no value" ({@code ""}, {@code NA}, {@code null}, ...). */
    static boolean isMissing(String v) {
        return MISSING.contains(v.toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether a stripped field is a number by this table's grammar. */
    static boolean isNumber(String v) {
        return NUMBER.matcher(v).matches();
    }

    /** Builds the table one record at a time. */
    private static final class Builder {
        private final String file;
        private final TableProblems problems;
        private final char delimiter;
        private DecimalMarks marks;
        private List<String> names;
        private boolean trailing;
        private double[][] cols;
        private int rows;
        private int ragged;
        private long percents;

        Builder(String file, char delimiter) {
            this.file = file;
            this.delimiter = delimiter;
            this.problems = new TableProblems(file);
        }

        void record(List<Field> rec) throws DataFileException {
            if (names == null) {
                header(rec);
                return;
            }
            int width = names.size();
            if (trailing && rec.size() == width + 1 && rec.get(width).text().isBlank()) {
                rec.remove(width);
            }
            if (rows == MAX_ROWS) {
                throw new DataFileException(file, rec.get(0).line(), 0, Message.of("engine.data.tooManyRows",
                        Integer.toString(MAX_ROWS)));
            }
            if (rec.size() != width) {
                problems.shape(rec.get(0).line(), 0, fieldCount(rec, width));
                rows++;
                ragged++;
                return;
            }
            ensureRow(rec.get(0).line());
            for (int c = 0; c < width; c++) {
                Field f = rec.get(c);
                String v = f.text().strip();
                String index = Integer.toString(c + 1);
                String name = snippet(names.get(c));
                boolean percent = v.length() > 1 && v.endsWith("%");   // 1.23%, as Excel saves a percentage
                String n = percent ? v.substring(0, v.length() - 1).strip() : v;
                Double x = number(n, c, f.line());
                if (x != null) {
                    if (percent) {
                        x /= 100;
                        percents++;
                    }
                    if (Double.isInfinite(x)) {
                        problems.value(c, f.line(), Message.of("engine.data.field", index, name,
                                Message.of("engine.data.tooLargeNumber", snippet(v))));
                    }
                    cols[c][rows] = x;
                } else if (MISSING.contains(v.toLowerCase(java.util.Locale.ROOT))) {
                    problems.missing(c, f.line(),
                            missing(index, name, v, "engine.data.missing", "engine.data.missingAs"),
                            missing(index, name, v, "engine.data.missingTarget", "engine.data.missingTargetAs"),
                            missing(index, name, v, "engine.data.missingNeeded", "engine.data.missingNeededAs"));
                } else {
                    String why = notANumber(v);
                    problems.value(c, f.line(), Message.of("engine.data.field", index, name,
                            Message.of(why, snippet(v), snippet(halfWidth(v)))));
                    if (why.equals("engine.data.notNumber")) {   // a word or a date, not a number written wrongly
                        problems.text(c, snippet(v), f.line());
                    }
                }
            }
            rows++;
        }

        /**
         * The value of {@code v}, a number without its percent sign: plain ({@code 1.5}), with a decimal comma where
         * the separator allows it ({@code 1,5}) or with thousands separators ({@code 1,234.5}, {@code 1.234,5});
         * null when it is none.
         */
        private Double number(String v, int c, int line) {
            Double grouped = marks.grouped(v, c, line, rows);
            if (grouped != null) {
                return grouped;
            }
            if (NUMBER.matcher(v).matches()) {
                marks.point(v, c, line);
                return Double.parseDouble(v);
            }
            return marks.comma(v, c, line);
        }

        private void header(List<Field> head) throws DataFileException {
            trailing = head.size() > 1 && head.get(head.size() - 1).text().isBlank();
            List<Field> fields = trailing ? head.subList(0, head.size() - 1) : head;
            List<String> list = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int c = 0; c < fields.size(); c++) {
                Field f = fields.get(c);
                String name = f.text().strip();
                // the line alone: the message names the columns, and "line 1, column 11" (a character's place)
                // beside "columns 2 and 3" read as an eleventh column
                if (name.isEmpty()) {
                    problems.shape(f.line(), 0, Message.of("engine.data.unnamedColumn",
                            Integer.toString(c + 1)));
                } else if (seen.containsKey(name)) {
                    problems.shape(f.line(), 0, Message.of("engine.data.duplicateColumn", snippet(name),
                            Integer.toString(seen.get(name) + 1), Integer.toString(c + 1)));
                }
                seen.putIfAbsent(name, c);
                list.add(name);
            }
            String wide = fields.size() == 1 ? fullWidthSeparator(list.get(0)) : null;
            if (wide != null) {   // 日期，收盘价: a Chinese input method's comma, which separates no field
                problems.shape(1, 0, Message.of("engine.data.fullWidthSeparator", snippet(list.get(0)), wide));
            }
            if (fields.size() > MAX_COLUMNS) {
                problems.shape(1, 0, Message.of("engine.data.tooManyColumns", Integer.toString(fields.size()),
                        Integer.toString(MAX_COLUMNS)));
            }
            problems.throwIfAny(List.of(), List.of(), false);
            problems.columns(list.size());
            names = list;
            marks = new DecimalMarks(list.size(), delimiter);
            cols = new double[list.size()][16];
        }

        /** The full-width comma or semicolon (，；) in a header read as one column, or null when it has none. */
        private static String fullWidthSeparator(String header) {
            for (String c : new String[] {"\uFF0C", "\uFF1B"}) {
                if (header.contains(c)) {
                    return c;
                }
            }
            return null;
        }

        /** Room for row {@link #rows}, growing by half, within the memory budget. */
        private void ensureRow(int line) throws DataFileException {
            if (rows < cols[0].length) {
                return;
            }
            int capacity = (int) Math.min(MAX_ROWS, cols[0].length + (long) cols[0].length / 2 + 16);
            long bytes = MemoryBudget.product(3L * Double.BYTES, capacity, cols.length);
            if (!MemoryBudget.fits(bytes)) {
                throw new DataFileException(file, line, 0, MemoryBudget.refusal(Message.of("engine.memory.rows",
                        Integer.toString(rows), Integer.toString(cols.length)), bytes));
            }
            for (int c = 0; c < cols.length; c++) {
                cols[c] = java.util.Arrays.copyOf(cols[c], capacity);
            }
        }

        CsvTable finish() throws DataFileException {
            if (names == null) {
                throw new DataFileException(file, Message.of("engine.data.empty"));
            }
            marks.report(problems, names);
            marks.settle(cols);
            if (problems.shapeIsWrong()) {
                // no choice of columns mends it: its problems are reported with those of the columns of numbers;
                // a column of words (dates, labels) is no problem until it is used
                int whole = rows - ragged;
                problems.throwIfAny(java.util.stream.IntStream.range(0, names.size())
                        .filter(c -> !problems.isWords(c, whole)).boxed().toList(), List.of(), false);
            }
            if (rows == 0) {
                throw new DataFileException(file, 1, 0, Message.of("engine.data.noRows"));
            }
            double[][] exact = new double[cols.length][];
            for (int c = 0; c < cols.length; c++) {
                exact[c] = cols[c].length == rows ? cols[c] : java.util.Arrays.copyOf(cols[c], rows);
                cols[c] = null;
            }
            return new CsvTable(names, exact, problems, new NumberForms(marks.commasRead(), marks.thousands(),
                    percents > 0));
        }
    }

    /**
     * A row of {@code rec.size()} fields where the header has {@code width}: with one field too many, two fields
     * side by side that read as one number with a decimal comma ({@code 1,5}) are named as the likely cause.
     */
    private static Message fieldCount(List<Field> rec, int width) {
        String expected = Integer.toString(width);
        String saw = Integer.toString(rec.size());
        if (rec.size() == width + 1) {
            for (int c = 0; c + 1 < rec.size(); c++) {
                String whole = rec.get(c).text().strip();
                String fraction = rec.get(c + 1).text().strip();
                if (whole.matches("[+-]?\\d+") && fraction.matches("\\d+([eE][+-]?\\d+)?")) {
                    return Message.of("engine.data.fieldCountComma", expected, saw, snippet(whole + "," + fraction),
                            Integer.toString(c + 1), Integer.toString(c + 2));
                }
            }
        }
        return Message.of("engine.data.fieldCount", expected, saw);
    }

    /** The message for a field that is not a number, with a hint where the mistake is a common one. */
    private static String notANumber(String s) {
        if (s.matches("[+-]?\\d{1,3},\\d{3}")) {   // 1,000: a thousand, or one with a decimal comma
            return "engine.data.commaNumber";
        }
        if (s.matches("[+-]?\\d+,\\d+") || s.matches("[+-]?\\d{1,3}([" + DecimalMarks.SPACES + "]\\d{3})+,\\d+")) {
            return "engine.data.decimalComma";   // 1,5, and 1 234,5 in a comma-separated file
        }
        if (s.matches("[+-]?\\d{1,3}([,' ]\\d{3})+(\\.\\d*)?")
                || s.matches("[+-]?\\d{1,3}([.' \u00A0\u202F]\\d{3})+(,\\d*)?")) {   // 1.234,5 and 1 234,5
            return "engine.data.thousands";
        }
        if (s.matches("[+-]?\\d+([" + DecimalMarks.SPACES + "]\\d+)+([.,]\\d+)?")) {   // 12 34.5: not in threes
            return "engine.data.spacedDigits";
        }
        if (!halfWidth(s).equals(s) && NUMBER.matcher(halfWidth(s)).matches()) {   // １２．５, typed in Chinese
            return "engine.data.fullWidth";
        }
        if (s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("infinity") || s.equalsIgnoreCase("-infinity")) {
            return "engine.data.infinite";
        }
        if (LITERAL.matcher(s).matches()) {
            return "engine.data.literal";
        }
        return "engine.data.notNumber";
    }

    /** {@code s} with full-width digits, signs and points (０-９, ＋, －, ．, 。) written as ASCII ones. */
    static String halfWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= '\uFF10' && c <= '\uFF19' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF0E'
                    ? (char) (c - 0xFEE0) : c == '\u3002' ? '.' : c);
        }
        return b.toString();
    }

    /**
     * Why a missing value {@code v} ({@code ""}, {@code NA}, ...) of field {@code index} ({@code name}) is refused,
     * and what to do, said by {@code key} ({@code keyAs} for a value written out): in an input column, fill it in
     * or leave the column out; in the column to forecast, fill it in or forecast another; in a column a trained
     * model reads, fill it in.
     */
    private static Message missing(String index, String name, String v, String key, String keyAs) {
        Message why = v.isEmpty() ? Message.of(key) : Message.of(keyAs, snippet(v));
        return Message.of("engine.data.field", index, name, why);
    }

    static String snippet(String s) {
        return s.length() <= 30 ? s : s.substring(0, 27) + "...";
    }

    /** One field with where it starts (1-based line and column). */
    record Field(String text, int line, int column) {
    }
}
