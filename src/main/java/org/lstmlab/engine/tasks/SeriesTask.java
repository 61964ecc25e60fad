package org.lstmlab.engine.tasks;

import java.nio.charset.Charset;
import java.util.List;
import java.util.TreeSet;

import org.lstmlab.engine.data.CsvSeries;
import org.lstmlab.engine.data.DataDigest;
import org.lstmlab.engine.data.NumberForms;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.io.SeriesScaling;
import org.lstmlab.engine.text.NameList;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * The user's own CSV time series as a task: forecast the target columns {@code horizon} rows after each window.
 * The data is what was loaded (the seed changes only the weights and the shuffling).
 *
 * <p>Solved when the model beats the better of two naive forecasts on the validation windows: repeating each
 * target's last value in the window ("persistence"; the mean for a target not among the inputs), and always the
 * training part's mean. Noise around a level (a trading volume) is forecast better by its mean than by its last value,
 * and a model that learned only the mean must not pass; a random walk (a price) is forecast best by its last value.
 * A forecast has no accuracy: the verdict reports the MSE beside the naive one, and names which it is.
 *
 * <p>A target of class labels makes it a classification ({@link WindowClasses}): each window is named by its last
 * row's label, and the verdict is the validation accuracy beside that of always answering the training part's most
 * frequent class.
 */
public final class SeriesTask implements Task {
    private final CsvSeries.Loaded loaded;
    /** At most this many different whole numbers in a forecast's target may be class labels. */
    static final int FEW_WHOLE = 10;

    private final WindowClasses classes;   // null for a forecast
    private final TaskScore.Baseline naive;   // null for a classification

    public SeriesTask(CsvSeries.Loaded loaded) {
        this.loaded = loaded;
        this.classes = loaded.classifies() ? new WindowClasses(loaded) : null;
        this.naive = classes != null ? null : better(loaded);
    }

    /**
     * The naive forecast with the lower MSE on the validation windows (on the training ones when there are none):
     * repeating the last value, or always the mean; the last value on a tie. Chosen once for the whole set, so that
     * one window ("Open in debugger") is judged against the same forecast as the set.
     */
    private static TaskScore.Baseline better(CsvSeries.Loaded loaded) {
        long among = loaded.targetColumns().stream().filter(loaded.inputColumns()::contains).count();
        if (among == 0) {
            return TaskScore.Baseline.MEAN;
        }
        TaskScore.Baseline last = among == loaded.targetColumns().size() ? TaskScore.Baseline.LAST_VALUE
                : TaskScore.Baseline.LAST_VALUE_OR_MEAN;
        List<Sample> judged = loaded.dataset().validation().isEmpty() ? loaded.dataset().train()
                : loaded.dataset().validation();
        return mse(loaded, judged, TaskScore.Baseline.MEAN) < mse(loaded, judged, last) ? TaskScore.Baseline.MEAN
                : last;
    }

    /** The classes of a target of labels, or null for a forecast. */
    public WindowClasses classes() {
        return classes;
    }

    @Override
    public TaskProfile profile() {
        int steps = loaded.dataset().train().get(0).steps();
        if (classes != null) {
            return new TaskProfile("csv", "Classify windows of " + NameList.readable(loaded.inputColumns()) + " of "
                    + loaded.dataset().name() + " by the " + loaded.targetColumns().get(0) + " of their last row",
                    WindowClasses.CRITERION, 32, steps, steps, steps);
        }
        return new TaskProfile("csv",
                "Forecast " + NameList.readable(loaded.targetColumns()) + " of " + loaded.dataset().name()
                        + " from windows of " + NameList.readable(loaded.inputColumns()),
                "validation MSE below the better naive forecast's: repeating the last value, or the training mean",
                32, steps, steps, steps);
    }

    /** A classification's texts are those of {@code task.csvclass}. */
    @Override
    public String messageKey() {
        return classes != null ? "task.csvclass" : Task.super.messageKey();
    }

    @Override
    public List<Object> descriptionArgs() {
        return List.of(loaded.targetColumns(), loaded.dataset().name(), loaded.inputColumns());
    }

    /** How the model's inputs and targets were scaled: what a saved model keeps to predict in the file's units. */
    public SeriesScaling scaling() {
        if (classes == null) {
            return new SeriesScaling(loaded.inputColumns(), loaded.inputMean(), loaded.inputStd(),
                    loaded.targetColumns(), loaded.mean(), loaded.std(), loaded.window(), loaded.horizon());
        }
        return new SeriesScaling(loaded.inputColumns(), loaded.inputMean(), loaded.inputStd(), loaded.targetColumns(),
                loaded.mean(), loaded.std(), loaded.window(), loaded.horizon(), loaded.classes());
    }

    @Override
    public Dataset generate(int steps, long seed) {
        return loaded.dataset();
    }

    /**
     * The values of a forecast's one target column, sorted, when they are at most {@link #FEW_WHOLE} different whole
     * numbers (0 and 1, or 1 to 5), each target four times on average: class labels, perhaps, which are forecast as
     * numbers unless the user says they are classes. Empty for a class target, several targets or a measurement (a
     * count that rises from window to window repeats no value).
     */
    public List<Long> fewWholeTargetValues() {
        if (classes != null || loaded.targetColumns().size() != 1) {
            return List.of();
        }
        TreeSet<Long> seen = new TreeSet<>();
        int n = 0;
        for (List<Sample> part : List.of(loaded.dataset().train(), loaded.dataset().validation())) {
            for (Sample s : part) {
                double v = s.target()[0] * loaded.std()[0] + loaded.mean()[0];   // in the file's units again
                if (!(Math.abs(v - Math.rint(v)) <= 1e-9 * Math.max(1, Math.abs(v))) || Math.abs(v) > 1e15) {
                    return List.of();
                }
                seen.add((long) Math.rint(v));
                n++;
                if (seen.size() > FEW_WHOLE) {
                    return List.of();
                }
            }
        }
        return n >= 4 * seen.size() ? List.copyOf(seen) : List.of();
    }

    /**
     * The file's last column when it holds text and this forecast, read without a target named, left it out: perhaps
     * the labels the student meant to classify by (empty when none).
     */
    public String labelsLeftOut() {
        return loaded.labelsLeftOut();
    }

    /** The encoding the file was read in. */
    public Charset charset() {
        return loaded.charset();
    }

    /** How the file writes its numbers where a reader should be told (decimal commas, thousands, percentages). */
    public NumberForms numberForms() {
        return loaded.forms();
    }

    /**
     * The input columns that rise (or fall) by the same step from every row to the next: a row number or a clock,
     * which tells the model only where a window lies in the file, and whose validation rows lie beyond every value
     * it trained on. A target among the inputs is not one of them: a target that rises so is a straight line to
     * forecast, not a column to leave out. Empty when there is none, or fewer than three rows to tell.
     */
    public List<String> steadyInputs() {
        List<Sample> train = loaded.dataset().train();
        List<Sample> validation = loaded.dataset().validation();
        int windows = train.size() + validation.size();
        Sample last = windows == 0 ? null : windows > train.size() ? validation.get(validation.size() - 1)
                : train.get(train.size() - 1);
        int rows = last == null ? 0 : windows + last.steps() - 1;   // window s starts at row s
        if (rows < 3) {
            return List.of();
        }
        int d = loaded.inputColumns().size();
        double[] before = new double[d];   // two neighbouring rows at a time, not the file's rows x inputs
        double[] now = new double[d];
        double[] step = new double[d];
        boolean[] same = new boolean[d];
        int left = d;   // columns still rising by their first step
        for (int r = 0; r < rows && left > 0; r++) {
            if (r < windows) {
                (r < train.size() ? train.get(r) : validation.get(r - train.size())).copyStep(0, now, 0);
            } else {
                last.copyStep(r - windows + 1, now, 0);
            }
            for (int k = 0; k < d; k++) {
                if (r == 1) {
                    step[k] = now[k] - before[k];
                    same[k] = step[k] != 0;
                } else if (r > 1 && same[k]) {
                    same[k] = Math.abs(now[k] - before[k] - step[k]) <= 1e-6 * Math.abs(step[k]);
                } else {
                    continue;
                }
                left -= same[k] ? 0 : 1;
            }
            double[] swap = before;
            before = now;
            now = swap;
        }
        List<String> targets = scaling().targets();
        List<String> steady = new java.util.ArrayList<>();
        for (int k = 0; k < d; k++) {
            if (same[k] && !targets.contains(loaded.inputColumns().get(k))) {
                steady.add(loaded.inputColumns().get(k));
            }
        }
        return steady;
    }

    /** The file's training windows: a comparison's models train on the first ones of these. */
    @Override
    public int trainSize() {
        return loaded.dataset().train().size();
    }

    @Override
    public String dataDigest() {
        return DataDigest.of(loaded.dataset());
    }


    @Override
    public TaskScore.Metric metric() {
        return classes != null ? TaskScore.Metric.ACCURACY : TaskScore.Metric.MSE;
    }

    @Override
    public TrainingConfig defaults() {
        return TrainingConfig.builder().epochs(20).learningRate(3e-3).clipNorm(1.0).build();
    }

    /** MSE of the naive forecast ({@link #naive()}) on the samples (standardised units). */
    public double naiveMse(List<Sample> samples) {
        return mse(loaded, samples, naive);
    }

    /**
     * MSE on the samples of naive forecast {@code b}: each target's last value in the window where it is an input and
     * {@code b} is not {@link TaskScore.Baseline#MEAN}, else 0, the mean of the training part by which the targets
     * were standardised.
     */
    private static double mse(CsvSeries.Loaded loaded, List<Sample> samples, TaskScore.Baseline b) {
        List<String> in = loaded.inputColumns();
        List<String> out = loaded.targetColumns();
        int d = in.size();
        double sum = 0;
        int n = 0;
        for (Sample s : samples) {
            for (int k = 0; k < out.size(); k++) {
                int col = b == TaskScore.Baseline.MEAN ? -1 : in.indexOf(out.get(k));
                double guess = col >= 0 ? s.x()[(s.steps() - 1) * d + col] : 0.0;
                double e = guess - s.target()[k];
                sum += e * e;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The naive forecast compared against: of repeating the last value (the mean for a target not among the inputs)
     * and always the training mean, the one with the lower validation MSE; null for a classification.
     */
    public TaskScore.Baseline naive() {
        return naive;
    }

    /** Judged on the validation MSE against the naive forecast's (a regression has no accuracy), or as a class. */
    @Override
    public TaskScore score(Evaluation evaluation) {
        if (classes != null) {
            return classes.score(evaluation);
        }
        double naive = naiveMse(evaluation.samples());
        return TaskScore.below(TaskScore.Metric.MSE, evaluation.loss(), naive, naive(), naive);
    }
}
