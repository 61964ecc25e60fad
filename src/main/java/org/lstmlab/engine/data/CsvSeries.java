package org.lstmlab.engine.data;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.NameList;

/**
 * A time series from a CSV file made into windows for forecasting: each sample is {@code window} consecutive rows
 * of the input columns (by default every column that holds numbers: a column of text, such as dates, is left out),
 * and its target is the target columns {@code horizon} rows after the window's last row. Only the columns used must
 * hold a number in every row.
 * Every column is standardised with the mean and standard deviation of the training part (a constant column is
 * refused: it would divide by zero). The last {@code validationSplit} of the windows, in time order, is the
 * validation set, so the model is judged on the future it did not see.
 */
public final class CsvSeries {
    /**
     * How to cut a table into windows. Column names or 1-based numbers; empty inputs mean every column (but a class
     * target). {@code kind} says whether the target is a value to forecast or a class label (see {@link TargetKind}).
     */
    public record Options(List<String> inputs, List<String> targets, int window, int horizon,
                          double validationSplit, Charset charset, TargetKind kind) {
        public Options {
            inputs = List.copyOf(inputs);
            targets = List.copyOf(targets);
            if (window < 1 || window > CsvTable.MAX_ROWS) {
                throw new IllegalArgumentException("the window must be 1.." + CsvTable.MAX_ROWS + " rows, got "
                        + window);
            }
            if (horizon < 1 || horizon > CsvTable.MAX_ROWS) {
                throw new IllegalArgumentException("the horizon must be 1.." + CsvTable.MAX_ROWS + " rows, got "
                        + horizon);
            }
            if (!(validationSplit >= 0 && validationSplit < 1)) {
                throw new IllegalArgumentException("validation split must be in [0, 1), got " + validationSplit);
            }
            kind = kind == null ? TargetKind.AUTO : kind;
        }

        /** Options whose target kind is {@link TargetKind#AUTO}. */
        public Options(List<String> inputs, List<String> targets, int window, int horizon, double validationSplit,
                       Charset charset) {
            this(inputs, targets, window, horizon, validationSplit, charset, TargetKind.AUTO);
        }

        public static Options defaults() {
            return new Options(List.of(), List.of(), 24, 1, 0.2, null);
        }
    }

    /**
     * The windows, with the column names and the scaling used: {@code mean} and {@code std} of the targets, to turn
     * predictions back into the file's units, {@code inputMean} and {@code inputStd} of the input columns, to scale
     * new rows as these were. A class target has {@code classes}, the names of the model's outputs in order, and no
     * mean or standard deviation (empty arrays); a forecast has no classes. {@code forms}: how the file writes its
     * numbers where a reader should be told (a decimal comma, {@code 1,5} for 1.5; thousands separators; percentages).
     * {@code labelsLeftOut}: a forecast read without a target or inputs named, of a file whose last column holds
     * text (正面, 负面): its name, perhaps the labels the student meant to classify by; else empty.
     */
    public record Loaded(Dataset dataset, List<String> inputColumns, List<String> targetColumns, double[] mean,
                         double[] std, int rows, Charset charset, double[] inputMean, double[] inputStd, int window,
                         int horizon, List<String> classes, NumberForms forms, String labelsLeftOut) {
        public Loaded {
            classes = List.copyOf(classes);
        }

        /** A forecast's windows. */
        public Loaded(Dataset dataset, List<String> inputColumns, List<String> targetColumns, double[] mean,
                      double[] std, int rows, Charset charset, double[] inputMean, double[] inputStd, int window,
                      int horizon, NumberForms forms, String labelsLeftOut) {
            this(dataset, inputColumns, targetColumns, mean, std, rows, charset, inputMean, inputStd, window, horizon,
                    List.of(), forms, labelsLeftOut);
        }

        /** Whether each window is classified by its last row's label (else a value is forecast). */
        public boolean classifies() {
            return !classes.isEmpty();
        }
    }

    private CsvSeries() {
    }

    public static Loaded load(Path file, Options options) throws IOException {
        TextFiles.Text text = TextFiles.read(file, options.charset());
        return build(file.toString(), CsvTable.read(file.toString(), text.text()), text.text(), options,
                text.charset());
    }

    static Loaded build(String file, CsvTable table, String text, Options o, Charset charset)
            throws DataFileException {
        List<Integer> in = new ArrayList<>();
        Integer labels = null;
        if (o.inputs().isEmpty()) {   // every column but those of text (a date, a name), which no model reads
            for (int c = 0; c < table.headers().size(); c++) {
                if (!table.isText(c)) {
                    in.add(c);
                }
            }
            Integer one = o.targets().size() == 1 ? table.columnIndex(o.targets().get(0), file) : null;
            if (one != null && (o.kind() == TargetKind.CLASS || o.kind() == TargetKind.AUTO && table.isWords(one))) {
                in.remove(one);   // the labels are no input
            } else if (o.kind() == TargetKind.CLASS && o.targets().isEmpty() && in.size() > 1) {
                labels = in.remove(in.size() - 1);   // the last column of numbers holds them
            }
            if (in.isEmpty()) {
                throw new DataFileException(file, Message.of("engine.data.onlyText",
                        names(table.headers())));
            }
        } else {
            for (String s : o.inputs()) {
                in.add(table.columnIndex(s, file));
            }
        }
        List<Integer> out = new ArrayList<>();
        if (labels != null) {
            out.add(labels);
        } else if (o.targets().isEmpty()) {
            out.add(in.get(in.size() - 1));
        } else {
            for (String s : o.targets()) {
                out.add(table.columnIndex(s, file));
            }
        }
        boolean classes = ClassTarget.classifies(file, table, in, out, o);
        List<Integer> scaled = classes ? in : unionOf(in, out);
        refuseText(file, table, in, classes ? List.of() : out);
        table.requireNumbers(scaled, classes ? List.of() : out);
        int rows = table.rows();
        int d = in.size();
        Windows w = windows(file, rows, table.headers().size(), in.stream().map(table.headers()::get).toList(),
                classes ? 1 : out.size(), o, classes ? 0 : o.horizon());
        int windows = w.count();
        int train = w.train();
        int statRows = w.statRows();
        int width = table.headers().size();
        double[] mean = new double[width];
        double[] std = new double[width];
        for (int c : scaled) {
            double[] v = table.column(c);
            double m = 0;
            for (int r = 0; r < statRows; r++) {
                m += v[r];
            }
            m /= statRows;
            double var = 0;
            for (int r = 0; r < statRows; r++) {
                var += (v[r] - m) * (v[r] - m);
            }
            double sd = Math.sqrt(var / statRows);
            if (!(sd > 1e-12 * Math.max(1, Math.abs(m)))) {
                // the target's own advice first: leaving it out of the inputs does not mend a constant target
                throw new DataFileException(file, 0, c + 1, Message.of(out.contains(c) ? "engine.data.constantTarget"
                        : "engine.data.constant", Integer.toString(c + 1), table.headers().get(c), Double.toString(m)));
            }
            mean[c] = m;
            std[c] = sd;
        }
        double[][] z = new double[width][];
        for (int c : scaled) {
            double[] v = table.column(c);
            for (int r = 0; r < rows; r++) {
                v[r] = (v[r] - mean[c]) / std[c];
            }
            z[c] = v;
        }
        // One row-major copy of the standardised inputs; every window is a view into it, so memory grows with the
        // rows, not with rows × window. windows() checked that rows × d fits one array, so no index overflows.
        double[] inputRows = new double[rows * d];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < d; k++) {
                inputRows[r * d + k] = z[in.get(k)][r];
            }
        }
        String name = Path.of(file).getFileName().toString();
        if (classes) {
            return ClassTarget.windows(file, name, table, text, in, out.get(0), o, w, inputRows, mean, std, rows,
                    charset);
        }
        List<Sample> samples = new ArrayList<>(windows);
        for (int s = 0; s < windows; s++) {
            double[] y = new double[out.size()];
            for (int k = 0; k < out.size(); k++) {
                y[k] = z[out.get(k)][s + o.window() - 1 + o.horizon()];
            }
            samples.add(Sample.window(inputRows, s * d, o.window(), d, y));
        }
        Dataset ds = new Dataset(name, samples.subList(0, train), samples.subList(train, windows), d, out.size(),
                HeadMode.LAST, Loss.MEAN_SQUARED_ERROR, List.of());
        double[] outMean = new double[out.size()];
        double[] outStd = new double[out.size()];
        for (int k = 0; k < out.size(); k++) {
            outMean[k] = mean[out.get(k)];
            outStd[k] = std[out.get(k)];
        }
        double[] inMean = new double[d];
        double[] inStd = new double[d];
        for (int k = 0; k < d; k++) {
            inMean[k] = mean[in.get(k)];
            inStd[k] = std[in.get(k)];
        }
        return new Loaded(ds, in.stream().map(table.headers()::get).toList(),
                out.stream().map(table.headers()::get).toList(), outMean, outStd, rows, charset, inMean, inStd,
                o.window(), o.horizon(), table.forms(), labelsLeftOut(table, o));
    }

    /**
     * The name of the file's last column when it holds text (not its first column, which is often a date) and the
     * student named neither inputs nor targets: a forecast then leaves it out, where it may be the labels meant.
     */
    private static String labelsLeftOut(CsvTable table, Options o) {
        int last = table.headers().size() - 1;
        boolean named = !o.inputs().isEmpty() || !o.targets().isEmpty() || o.kind() != TargetKind.AUTO;
        return named || last < 1 || !table.isWords(last) ? "" : table.headers().get(last);
    }

    /**
     * How a table of {@code rows} rows is cut into windows.
     *
     * @param count      windows in all
     * @param train      the first {@code train} of them are for training, the rest for validation
     * @param statRows   the rows the training windows and their targets touch (the standardisation uses these)
     */
    record Windows(int count, int train, int statRows) {
    }

    /**
     * The windows of a table of {@code rows} rows and {@code columns} columns whose {@code inputs} are read and
     * {@code outputs} columns forecast, checked before anything is allocated: counts are computed in longs, the
     * inputs' one row-major copy (rows × inputs values; a window, window × inputs, is a view into it) must fit
     * one Java array, and everything must fit the memory budget. Every refusal names the file and says what to
     * change. Each window's target is {@code ahead} rows after its last row: the horizon, or 0 for that row's label.
     */
    static Windows windows(String file, int rows, int columns, List<String> inputs, int outputs, Options o, int ahead)
            throws DataFileException {
        long span = (long) o.window() + ahead; // both < 2^31: no overflow in a long
        long count = rows - span + 1;
        if (count < 2) {
            throw new DataFileException(file, ahead == 0 ? Message.of("engine.data.tooFewRowsLabels",
                    Integer.toString(rows), Integer.toString(o.window()), Long.toString(span + 1))
                    : Message.of("engine.data.tooFewRows", Integer.toString(rows), Integer.toString(o.window()),
                            Integer.toString(ahead), Long.toString(span + 1)));
        }
        int d = inputs.size();
        long values = (long) rows * d;
        if (values > MemoryBudget.MAX_ARRAY) {
            throw new DataFileException(file, Message.of("engine.data.tooManyValues", Integer.toString(rows),
                    Integer.toString(d), names(inputs), Long.toString(values), Long.toString(MemoryBudget.MAX_ARRAY)));
        }
        long bytes = MemoryBudget.sum(MemoryBudget.product(3L * Double.BYTES, rows, columns),
                MemoryBudget.product(Double.BYTES, values),
                MemoryBudget.product(count, 80L + (long) Double.BYTES * outputs));
        if (!MemoryBudget.fits(bytes)) {
            throw new DataFileException(file, MemoryBudget.refusal(Message.of("engine.memory.windows",
                    Long.toString(count), Integer.toString(o.window()), Integer.toString(d)), bytes));
        }
        long validation = Math.round(count * o.validationSplit());
        long train = count - validation;
        if (train < 1) {
            throw new DataFileException(file, Message.of("engine.data.noTraining",
                    Double.toString(o.validationSplit())));
        }
        // count ≤ rows < 2^31, so these fit an int: the training windows' rows end at train − 1 + window + horizon
        return new Windows((int) count, (int) train, (int) (train + span - 1));
    }

    /**
     * Refuses a column of text among the {@code in}puts or the {@code out}puts chosen, once for the column rather
     * than once a row, with what to do instead: leave an input out, or code a target's words as numbers.
     */
    private static void refuseText(String file, CsvTable table, List<Integer> in, List<Integer> out)
            throws DataFileException {
        for (int c : unionOf(out, in)) {
            if (table.isText(c)) {
                List<String> numeric = new ArrayList<>();
                for (int k = 0; k < table.headers().size(); k++) {
                    if (!table.isText(k)) {
                        numeric.add(table.headers().get(k));
                    }
                }
                throw new DataFileException(file, table.firstTextLine(c), 0, Message.of(out.contains(c)
                        ? "engine.data.textTarget" : "engine.data.textColumn", Integer.toString(c + 1),
                        CsvTable.snippet(table.headers().get(c)), table.firstText(c),
                        numeric.isEmpty() ? "-" : names(numeric)));
            }
        }
    }

    /** "a, b, c" or "a, b, c, d, e, … (40 in all)" for messages; "a、b、c" in Chinese. */
    private static NameList names(List<String> columns) {
        return NameList.first(5, columns);
    }

    private static List<Integer> unionOf(List<Integer> a, List<Integer> b) {
        List<Integer> u = new ArrayList<>(a);
        for (int x : b) {
            if (!u.contains(x)) {
                u.add(x);
            }
        }
        return u;
    }
}
