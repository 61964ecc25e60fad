package org.lstmlab.engine.data;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.NameList;

/**
 * A CSV file whose target holds class labels: whether it does ({@link TargetKind}: a column of words and no
 * number, a label missing here and there included, or any column the user says holds labels), and its windows,
 * each named by the label of its last row, for a softmax head with cross-entropy. The label column is never an
 * input: the model would read the answer.
 */
final class ClassTarget {
    private ClassTarget() {
    }

    /**
     * Whether the {@code out} columns are class labels; a class target that cannot be (several columns, one also an
     * input, a horizon other than 1) is refused.
     */
    static boolean classifies(String file, CsvTable table, List<Integer> in, List<Integer> out, CsvSeries.Options o)
            throws DataFileException {
        if (o.kind() == TargetKind.VALUE
                || o.kind() == TargetKind.AUTO && !(out.size() == 1 && table.isWords(out.get(0)))) {
            return false;
        }
        List<String> names = out.stream().map(table.headers()::get).toList();
        if (out.size() != 1) {
            throw new DataFileException(file, Message.of("engine.data.classTargets", Integer.toString(out.size()),
                    NameList.readable(names)));
        }
        int c = out.get(0);
        if (in.contains(c)) {
            throw new DataFileException(file, 0, c + 1, Message.of("engine.data.labelInput", Integer.toString(c + 1),
                    CsvTable.snippet(names.get(0))));
        }
        if (o.horizon() != 1) {
            throw new DataFileException(file, Message.of("engine.data.classHorizon", Integer.toString(o.horizon())));
        }
        return true;
    }

    /**
     * The windows of the standardised {@code inputRows} (rows × inputs, row-major), each with the class of its last
     * row in column {@code label} of {@code text}, cut as {@code w} says.
     */
    static CsvSeries.Loaded windows(String file, String name, CsvTable table, String text, List<Integer> in,
                                    int label, CsvSeries.Options o, CsvSeries.Windows w, double[] inputRows,
                                    double[] mean, double[] std, int rows, Charset charset) throws DataFileException {
        CsvClasses.Labels labels = CsvClasses.read(file, text, table, label, o.window(), w.train(),
                w.count());
        int d = in.size();
        List<Sample> samples = new ArrayList<>(w.count());
        for (int s = 0; s < w.count(); s++) {
            samples.add(new Sample(o.window(), d, inputRows, s * d, null, null,
                    new int[] {labels.classes()[s + o.window() - 1]}));
        }
        Dataset ds = new Dataset(name, samples.subList(0, w.train()), samples.subList(w.train(), w.count()), d,
                labels.names().size(), HeadMode.LAST, Loss.SOFTMAX_CROSS_ENTROPY, List.of());
        double[] inMean = new double[d];
        double[] inStd = new double[d];
        for (int k = 0; k < d; k++) {
            inMean[k] = mean[in.get(k)];
            inStd[k] = std[in.get(k)];
        }
        return new CsvSeries.Loaded(ds, in.stream().map(table.headers()::get).toList(),
                List.of(table.headers().get(label)), new double[0], new double[0], rows, charset, inMean, inStd,
                o.window(), 1, labels.names(), table.forms(), "");
    }
}
