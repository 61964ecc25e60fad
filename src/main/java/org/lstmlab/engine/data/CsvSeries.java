package org.lstmlab.engine.data;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.text.Message;

/**
 * A time series from a CSV file made into windows for forecasting: each sample is {@code window} consecutive rows
 * of the input columns, and its target is the target columns {@code horizon} rows after the window's last row.
 * Every column is standardised with the mean and standard deviation of the training part (a constant column is
 * refused: it would divide by zero). The last {@code validationSplit} of the windows, in time order, is the
 * validation set, so the model is judged on the future it did not see.
 */
public final class CsvSeries {
    /** How to cut a table into windows. Column names or 1-based numbers; empty inputs mean every column. */
    public record Options(List<String> inputs, List<String> targets, int window, int horizon,
                          double validationSplit, Charset charset) {
        public Options {
            inputs = List.copyOf(inputs);
            targets = List.copyOf(targets);
            if (window < 1) {
                throw new IllegalArgumentException("window must be at least 1 row, got " + window);
            }
            if (horizon < 1) {
                throw new IllegalArgumentException("horizon must be at least 1 row, got " + horizon);
            }
            if (!(validationSplit >= 0 && validationSplit < 1)) {
                throw new IllegalArgumentException("validation split must be in [0, 1), got " + validationSplit);
            }
        }

        public static Options defaults() {
            return new Options(List.of(), List.of(), 24, 1, 0.2, null);
        }
    }

    /** The windows, with the column names and the scaling used, to turn predictions back into the file's units. */
    public record Loaded(Dataset dataset, List<String> inputColumns, List<String> targetColumns, double[] mean,
                         double[] std, int rows, Charset charset) {
    }

    private CsvSeries() {
    }

    public static Loaded load(Path file, Options options) throws IOException {
        TextFiles.Text text = TextFiles.read(file, options.charset());
        return build(file.toString(), CsvTable.parse(file.toString(), text.text()), options, text.charset());
    }

    static Loaded build(String file, CsvTable table, Options o, Charset charset) throws DataFileException {
        List<Integer> in = new ArrayList<>();
        if (o.inputs().isEmpty()) {
            for (int c = 0; c < table.headers().size(); c++) {
                in.add(c);
            }
        } else {
            for (String s : o.inputs()) {
                in.add(table.columnIndex(s, file));
            }
        }
        List<Integer> out = new ArrayList<>();
        if (o.targets().isEmpty()) {
            out.add(in.get(in.size() - 1));
        } else {
            for (String s : o.targets()) {
                out.add(table.columnIndex(s, file));
            }
        }
        int rows = table.rows();
        int windows = rows - o.window() - o.horizon() + 1;
        if (windows < 2) {
            throw new DataFileException(file, Message.of("engine.data.tooFewRows", Integer.toString(rows),
                    Integer.toString(o.window()), Integer.toString(o.horizon()),
                    Integer.toString(o.window() + o.horizon() + 1)));
        }
        int validation = (int) Math.round(windows * o.validationSplit());
        int train = windows - validation;
        if (train < 1) {
            throw new DataFileException(file, Message.of("engine.data.noTraining",
                    Double.toString(o.validationSplit())));
        }
        // Statistics from the rows the training windows and targets touch, so validation does not leak.
        int statRows = train + o.window() + o.horizon() - 1;
        int width = table.headers().size();
        double[] mean = new double[width];
        double[] std = new double[width];
        for (int c : unionOf(in, out)) {
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
                throw new DataFileException(file, 0, c + 1, Message.of("engine.data.constant",
                        table.headers().get(c), Double.toString(m)));
            }
            mean[c] = m;
            std[c] = sd;
        }
        double[][] z = new double[width][];
        for (int c : unionOf(in, out)) {
            double[] v = table.column(c);
            for (int r = 0; r < rows; r++) {
                v[r] = (v[r] - mean[c]) / std[c];
            }
            z[c] = v;
        }
        List<Sample> samples = new ArrayList<>(windows);
        int d = in.size();
        for (int s = 0; s < windows; s++) {
            double[] x = new double[o.window() * d];
            for (int t = 0; t < o.window(); t++) {
                for (int k = 0; k < d; k++) {
                    x[t * d + k] = z[in.get(k)][s + t];
                }
            }
            double[] y = new double[out.size()];
            for (int k = 0; k < out.size(); k++) {
                y[k] = z[out.get(k)][s + o.window() - 1 + o.horizon()];
            }
            samples.add(Sample.dense(x, o.window(), d, y));
        }
        String name = Path.of(file).getFileName().toString();
        Dataset ds = new Dataset(name, samples.subList(0, train), samples.subList(train, windows), d, out.size(),
                HeadMode.LAST, Loss.MEAN_SQUARED_ERROR, List.of());
        double[] outMean = new double[out.size()];
        double[] outStd = new double[out.size()];
        for (int k = 0; k < out.size(); k++) {
            outMean[k] = mean[out.get(k)];
            outStd[k] = std[out.get(k)];
        }
        return new Loaded(ds, in.stream().map(table.headers()::get).toList(),
                out.stream().map(table.headers()::get).toList(), outMean, outStd, rows, charset);
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
