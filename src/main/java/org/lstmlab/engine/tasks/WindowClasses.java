package org.lstmlab.engine.tasks;

import java.util.List;

import org.lstmlab.engine.data.CsvSeries;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.train.Evaluation;

/**
 * A CSV file's windows classified by their last row's label: the class names, the training part's most frequent
 * class, and the verdict. A window is right when the largest of the softmax's probabilities is its class. The naive
 * predictor always answers the training part's most frequent class (the validation part's own would peek at the
 * answers); the model solves the task when it gets at least one validation window more right than that (or every
 * one, when that answer is right for all).
 */
public final class WindowClasses {
    static final String CRITERION = "validation accuracy above always answering the training part's most frequent "
            + "class";

    private final List<String> names;
    private final int majority;

    WindowClasses(CsvSeries.Loaded loaded) {
        this.names = loaded.classes();
        long[] counts = new long[names.size()];
        for (Sample s : loaded.dataset().train()) {
            counts[s.classes()[0]]++;
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            best = counts[k] > counts[best] ? k : best;
        }
        this.majority = best;
    }

    /** The training part's most frequent class (the first of those tied). */
    public String majority() {
        return names.get(majority);
    }

    /** The accuracy on the evaluation's samples beside always answering {@link #majority()}. */
    TaskScore score(Evaluation e) {
        int n = e.samples().size();
        long right = 0;
        long naive = 0;
        for (int i = 0; i < n; i++) {
            int target = e.samples().get(i).classes()[0];
            right += Scoring.argmax(e.predictions().get(i), 0, names.size()) == target ? 1 : 0;
            naive += target == majority ? 1 : 0;
        }
        double accuracy = n == 0 ? Double.NaN : (double) right / n;
        double baseline = n == 0 ? Double.NaN : (double) naive / n;
        double threshold = n == 0 ? Double.NaN : Math.min(1, (naive + 1.0) / n);   // one window more right
        return TaskScore.accuracy(accuracy, threshold, TaskScore.Baseline.MAJORITY, baseline).answering(majority());
    }
}
