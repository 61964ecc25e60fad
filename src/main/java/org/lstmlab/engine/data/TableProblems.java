package org.lstmlab.engine.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.lstmlab.engine.text.Message;

/**
 * The problems a CSV table's parse found, kept apart by where they are: the file's shape (a ragged row), which no
 * choice of columns mends, and each column's values (a missing value, a word among the numbers), which matter only
 * when the column is used. Each kind keeps its first {@link CsvTable#REPORTED_PROBLEMS} and counts the rest, so that
 * the problems of any set of columns can be reported in file order, the first ones listed and the others counted,
 * as if only those columns had been read. Each column also counts its values of text (dates, names, labels): a
 * column of nothing else is a column of text.
 */
final class TableProblems {
    /**
     * A problem at line {@code line}, in field {@code field} (1-based; 0 for the row as a whole), said otherwise
     * ({@code asTarget}, unless null) when its column is a target: leaving an input out mends a missing value,
     * leaving out the column to forecast does not; nor does it mend one in a column a trained model reads
     * ({@code asNeeded}, unless null).
     */
    private record Found(int line, int field, DataFileException.Problem problem, DataFileException.Problem asTarget,
                         DataFileException.Problem asNeeded) {
        DataFileException.Problem in(boolean target, boolean needed) {
            return needed && asNeeded != null ? asNeeded : target && asTarget != null ? asTarget : problem;
        }
    }

    private static final Comparator<Found> FILE_ORDER = Comparator.comparingInt(Found::line)
            .thenComparingInt(Found::field);

    private final String file;
    private final Kept shape = new Kept();
    private final List<Kept> columns = new ArrayList<>();
    private long[] texts = new long[0];
    private String[] firstText = new String[0];
    private int[] firstTextLine = new int[0];

    TableProblems(String file) {
        this.file = file;
    }

    /** The columns are known (the header was read). */
    void columns(int count) {
        for (int c = 0; c < count; c++) {
            columns.add(new Kept());
        }
        texts = new long[count];
        firstText = new String[count];
        firstTextLine = new int[count];
    }

    /** A problem with the file's shape at {@code line} (a header, a row of the wrong length). */
    void shape(int line, int column, Message why) {
        shape.add(new Found(line, 0, new DataFileException.Problem(line, column, why), null, null));
    }

    /** A value of column {@code c} (0-based) at {@code line} that is not a number. */
    void value(int c, int line, Message why) {
        columns.get(c).add(new Found(line, c + 1, new DataFileException.Problem(line, 0, why), null, null));
    }

    /** {@code n} more values of column {@code c} (0-based) that are not numbers, counted but not named. */
    void more(int c, long n) {
        columns.get(c).count += n;
    }

    /**
     * A value of column {@code c} (0-based) at {@code line} that is missing, said as {@code asInput} for an input
     * column, {@code asTarget} for a column to forecast and {@code asNeeded} for a column a trained model reads.
     */
    void missing(int c, int line, Message asInput, Message asTarget, Message asNeeded) {
        columns.get(c).add(new Found(line, c + 1, new DataFileException.Problem(line, 0, asInput),
                new DataFileException.Problem(line, 0, asTarget), new DataFileException.Problem(line, 0, asNeeded)));
    }

    /**
     * Text {@code v} in column {@code c} at {@code line}: a word or a date, not a number written wrongly (its problem
     * is given to {@link #value} too).
     */
    void text(int c, String v, int line) {
        texts[c]++;
        if (firstText[c] == null) {
            firstText[c] = v;
            firstTextLine[c] = line;
        }
    }

    /** The first text of column {@code c}, or null. */
    String firstText(int c) {
        return firstText[c];
    }

    /**
     * Whether column {@code c} holds words, and no number in any of its {@code rows} rows: text, or a value missing
     * now and then (a column of labels with a gap, which its reader refuses at the gap's line).
     */
    boolean isWords(int c, int rows) {
        return rows > 0 && texts[c] > 0 && columns.get(c).count == rows;
    }

    /** The line of {@link #firstText}. */
    int firstTextLine(int c) {
        return firstTextLine[c];
    }

    /** Whether column {@code c} holds text in each of its {@code rows} rows. */
    boolean isText(int c, int rows) {
        return rows > 0 && texts[c] == rows;
    }

    boolean shapeIsWrong() {
        return shape.count > 0;
    }

    /**
     * Throws the shape's problems and those of {@code used} columns (0-based), in file order, if there are any;
     * those of the {@code targets} among them are said as a target's, and all of them as a trained model's input
     * when {@code needed} (no column can be left out).
     */
    void throwIfAny(List<Integer> used, List<Integer> targets, boolean needed) throws DataFileException {
        List<Found> all = new ArrayList<>(shape.first);
        long count = shape.count;
        for (int c : used) {
            all.addAll(columns.get(c).first);
            count += columns.get(c).count;
        }
        if (count == 0) {
            return;
        }
        all.sort(FILE_ORDER);
        List<DataFileException.Problem> listed = all.subList(0, Math.min(all.size(), CsvTable.REPORTED_PROBLEMS))
                .stream().map(f -> f.in(targets.contains(f.field() - 1), needed)).toList();
        throw new DataFileException(file, listed, (int) Math.min(Integer.MAX_VALUE, count - listed.size()));
    }

    /** The first problems of one kind, and how many there are in all. */
    private static final class Kept {
        private final List<Found> first = new ArrayList<>();
        private long count;

        void add(Found f) {
            if (first.size() < CsvTable.REPORTED_PROBLEMS) {
                first.add(f);
            }
            count++;
        }
    }
}
