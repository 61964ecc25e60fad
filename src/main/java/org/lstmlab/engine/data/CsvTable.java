package org.lstmlab.engine.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lstmlab.engine.text.Message;

/**
 * A numeric table parsed from CSV text (RFC 4180): quoted fields with doubled quotes, any of CRLF, LF and CR line
 * ends, a header row, one delimiter (comma, semicolon or tab, sniffed from the header). Every problem is reported
 * with its line and column; a table is only returned when the whole file is good.
 *
 * <p>Numbers follow a strict grammar: an optional sign, digits with an optional decimal point, an optional
 * exponent. {@code NaN}, {@code Infinity}, {@code 0x1p3}, {@code 1d}, {@code 1,5} and thousands separators are
 * refused, as are missing cells ({@code ""}, {@code NA}, {@code null}): a time series for training needs every
 * value.
 */
public final class CsvTable {
    public static final int MAX_FIELD_CHARS = 1 << 16;
    public static final int MAX_COLUMNS = 1024;
    public static final int MAX_ROWS = 5_000_000;
    static final int REPORTED_PROBLEMS = 10;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final List<String> MISSING = List.of("", "na", "n/a", "nan", "null", "none", "-");

    private final List<String> headers;
    private final double[][] columns;

    private CsvTable(List<String> headers, double[][] columns) {
        this.headers = List.copyOf(headers);
        this.columns = columns;
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
        if (nameOrNumber.trim().matches("\\d+")) {
            int n = Integer.parseInt(nameOrNumber.trim());
            if (n >= 1 && n <= headers.size()) {
                return n - 1;
            }
        }
        throw new DataFileException(file, Message.of("engine.data.noColumn", nameOrNumber,
                String.join(", ", headers)));
    }

    /** Parses CSV text; {@code file} names it in messages. */
    public static CsvTable parse(String file, String text) throws DataFileException {
        Problems problems = new Problems(file);
        List<List<Field>> records = Tokenizer.records(file, text);
        if (records.isEmpty()) {
            throw new DataFileException(file, Message.of("engine.data.empty"));
        }
        boolean trailing = records.get(0).size() > 1
                && records.get(0).get(records.get(0).size() - 1).text().isBlank();
        if (trailing) {
            dropTrailing(records);
        }
        List<Field> head = records.get(0);
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < head.size(); c++) {
            Field f = head.get(c);
            String name = f.text().strip();
            if (name.isEmpty()) {
                problems.add(f.line(), f.column(), Message.of("engine.data.unnamedColumn", Integer.toString(c + 1)));
            } else if (seen.containsKey(name)) {
                problems.add(f.line(), f.column(), Message.of("engine.data.duplicateColumn", name,
                        Integer.toString(seen.get(name) + 1), Integer.toString(c + 1)));
            }
            seen.putIfAbsent(name, c);
            names.add(name);
        }
        if (head.size() > MAX_COLUMNS) {
            problems.add(1, 0, Message.of("engine.data.tooManyColumns", Integer.toString(head.size()),
                    Integer.toString(MAX_COLUMNS)));
        }
        problems.throwIfAny();
        if (records.size() == 1) {
            throw new DataFileException(file, 1, 0, Message.of("engine.data.noRows"));
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new DataFileException(file, Message.of("engine.data.tooManyRows",
                    Integer.toString(records.size() - 1), Integer.toString(MAX_ROWS)));
        }
        int width = names.size();
        double[][] cols = new double[width][records.size() - 1];
        for (int r = 1; r < records.size(); r++) {
            List<Field> rec = records.get(r);
            if (rec.size() != width) {
                Field first = rec.get(0);
                problems.add(first.line(), 0, Message.of("engine.data.fieldCount", Integer.toString(width),
                        Integer.toString(rec.size())));
                continue;
            }
            for (int c = 0; c < width; c++) {
                Field f = rec.get(c);
                String s = f.text().strip();
                String index = Integer.toString(c + 1);
                String name = names.get(c);
                if (NUMBER.matcher(s).matches()) {
                    double v = Double.parseDouble(s);
                    if (Double.isInfinite(v)) {
                        problems.add(f.line(), 0, Message.of("engine.data.field", index, name,
                                Message.of("engine.data.tooLargeNumber", snippet(s))));
                    }
                    cols[c][r - 1] = v;
                } else if (MISSING.contains(s.toLowerCase(java.util.Locale.ROOT))) {
                    problems.add(f.line(), 0, Message.of("engine.data.field", index, name, s.isEmpty()
                            ? Message.of("engine.data.missing") : Message.of("engine.data.missingAs", s)));
                } else {
                    problems.add(f.line(), 0, Message.of("engine.data.field", index, name,
                            Message.of(notANumber(s), snippet(s))));
                }
            }
        }
        problems.throwIfAny();
        return new CsvTable(names, cols);
    }

    /** A delimiter at the end of every line: the empty last field is not a column. */
    private static void dropTrailing(List<List<Field>> records) {
        int width = records.get(0).size();
        for (List<Field> rec : records) {
            if (rec.size() == width && rec.get(width - 1).text().isBlank()) {
                rec.remove(width - 1);
            }
        }
    }

    /** The message for a field that is not a number, with a hint where the mistake is a common one. */
    private static String notANumber(String s) {
        if (s.matches("[+-]?\\d+,\\d+")) {
            return "engine.data.decimalComma";
        }
        if (s.matches("[+-]?\\d{1,3}([,' ]\\d{3})+(\\.\\d*)?")) {
            return "engine.data.thousands";
        }
        if (s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("infinity") || s.equalsIgnoreCase("-infinity")) {
            return "engine.data.infinite";
        }
        return "engine.data.notNumber";
    }

    static String snippet(String s) {
        return s.length() <= 30 ? s : s.substring(0, 27) + "...";
    }

    /** Collects up to {@link #REPORTED_PROBLEMS} problems and counts the rest. */
    static final class Problems {
        private final String file;
        private final List<DataFileException.Problem> list = new ArrayList<>();
        private int more;

        Problems(String file) {
            this.file = file;
        }

        void add(int line, int column, Message reason) {
            if (list.size() < REPORTED_PROBLEMS) {
                list.add(new DataFileException.Problem(line, column, reason));
            } else {
                more++;
            }
        }

        void throwIfAny() throws DataFileException {
            if (!list.isEmpty()) {
                throw new DataFileException(file, list, more);
            }
        }
    }

    /** One field with where it starts (1-based line and column). */
    record Field(String text, int line, int column) {
    }
}
