package org.lstmlab.engine.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lstmlab.engine.text.Message;

/**
 * A CSV column of class labels (walking, sitting, ...; or 0/1): each row's label as a class number. The classes are
 * the labels that end a window, in sorted order (numerically when every label is a number, so 2 comes before 10;
 * {@code 1.0} and {@code 1} are one label). Refused, naming the file, the line and the column: a row without a
 * label, more than {@link #MAX_CLASSES} labels, a single class, or a class that only the validation windows end with
 * (the model would be judged on a class it was never shown).
 */
final class CsvClasses {
    /** The most classes a target column may hold. */
    static final int MAX_CLASSES = 100;

    /**
     * The classes and each row's.
     *
     * @param names   the class names, in the model's output order
     * @param classes each row's class (an index into {@code names}); -1 for a label that ends no window
     */
    record Labels(List<String> names, int[] classes) {
    }

    private CsvClasses() {
    }

    /**
     * The labels of column {@code c} (0-based) of {@code text}, which {@code table} was read from, for windows of
     * {@code window} rows of which the first {@code train} are for training and the rest, up to {@code count}, for
     * validation: window {@code s} is named by row {@code s + window - 1}.
     */
    static Labels read(String file, String text, CsvTable table, int c, int window, int train, int count)
            throws DataFileException {
        List<String> headers = table.headers();
        String column = Integer.toString(c + 1);
        String name = CsvTable.snippet(headers.get(c));
        Map<String, Integer> ids = new LinkedHashMap<>();
        int[][] rows = {new int[table.rows()], new int[table.rows()]};   // each data row's label id and line
        int[] row = {-1};   // the header first
        Tokenizer.stream(file, text, CsvTable.MAX_COLUMNS + 1, rec -> {
            if (row[0] < 0) {
                row[0] = 0;
                return;
            }
            CsvTable.Field f = rec.get(c);
            String label = label(f.text(), table.decimalComma());
            if (label.isEmpty()) {
                throw new DataFileException(file, f.line(), c + 1, Message.of("engine.data.missingLabel", column,
                        name));
            }
            Integer id = ids.get(label);
            if (id == null) {
                if (ids.size() == MAX_CLASSES) {
                    List<String> some = new ArrayList<>(ids.keySet()).subList(0, 3);
                    throw new DataFileException(file, f.line(), c + 1, Message.of("engine.data.tooManyClasses",
                            column, name, Integer.toString(MAX_CLASSES), CsvTable.snippet(some.get(0)),
                            CsvTable.snippet(some.get(1)), CsvTable.snippet(some.get(2))));
                }
                id = ids.size();
                ids.put(label, id);
            }
            rows[0][row[0]] = id;
            rows[1][row[0]] = f.line();
            row[0]++;
        });
        int[] rowIds = rows[0];
        List<String> labels = new ArrayList<>(ids.keySet());
        long[] inTraining = new long[labels.size()];
        boolean[] ends = new boolean[labels.size()];
        for (int s = 0; s < count; s++) {
            int id = rowIds[s + window - 1];
            ends[id] = true;
            if (s < train) {
                inTraining[id]++;
            }
        }
        List<String> used = new ArrayList<>();
        for (int id = 0; id < labels.size(); id++) {
            if (ends[id]) {
                used.add(labels.get(id));
            }
        }
        if (used.size() < 2) {
            throw new DataFileException(file, 0, c + 1, Message.of("engine.data.oneClass", column, name,
                    CsvTable.snippet(used.get(0))));
        }
        for (int s = train; s < count; s++) {
            int id = rowIds[s + window - 1];
            if (inTraining[id] == 0) {
                throw new DataFileException(file, rows[1][s + window - 1], c + 1, Message.of(
                        "engine.data.classOnlyInValidation", CsvTable.snippet(labels.get(id)), column, name,
                        Integer.toString(count - train), Integer.toString(count)));
            }
        }
        used.sort(order(used));
        int[] remap = new int[labels.size()];
        for (int id = 0; id < labels.size(); id++) {
            remap[id] = used.indexOf(labels.get(id));
        }
        int[] classes = new int[row[0]];
        for (int r = 0; r < classes.length; r++) {
            classes[r] = remap[rowIds[r]];
        }
        return new Labels(List.copyOf(used), classes);
    }

    /**
     * A field as a label: trimmed, a number written plainly ({@code 1.0} → {@code 1}, and {@code 1,0} too in a file
     * of decimal commas, {@code comma}), "" when missing.
     */
    static String label(String field, boolean comma) {
        String v = field.strip();
        if (CsvTable.isMissing(v)) {
            return "";
        }
        if (comma && v.matches("[+-]?\\d+,\\d*")) {
            v = v.replace(',', '.');
        }
        if (CsvTable.isNumber(v)) {
            BigDecimal b = new BigDecimal(v).stripTrailingZeros();
            return b.signum() == 0 ? "0" : b.toPlainString();
        }
        return v;
    }

    /** Numerically when every label is a number, else alphabetically (case first ignored, then not). */
    private static Comparator<String> order(List<String> labels) {
        if (labels.stream().allMatch(CsvTable::isNumber)) {
            return Comparator.comparing(BigDecimal::new);
        }
        return Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT)).thenComparing(Comparator.naturalOrder());
    }
}
