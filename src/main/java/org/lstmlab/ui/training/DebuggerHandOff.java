package org.lstmlab.ui.training;

import java.util.List;

import org.lstmlab.engine.data.Batches;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.io.SeriesScaling;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.session.TrainingSession;
import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.ui.common.SampleNames;

/**
 * What "Open in debugger" hands over: a copy of the weights and one validation sample, the first the model gets
 * wrong by the task's own rule (for a regression, the first it does not predict better than the naive forecast),
 * or the first one when it gets them all right.
 *
 * @param miss   the picked sample's own verdict when the model gets it wrong (for a forecast: its MSE beside the
 *               naive forecast's on it, and which naive forecast that is), else null
 * @param epochs     epochs the weights have been trained for (0 before the first one ends)
 * @param names  what the sample's numbers stand for: the symbols of a one-hot input, so that the debugger shows
 *               the sample as text; a CSV file's input columns and class labels, and its standardised values
 * @param length the sample's real steps, which the debugger shows and whose last step the loss reads (as the
 *               trainer does for a padded sample)
 * @param padded the steps it was padded to, T, or {@code length} when it is not padded
 */
record DebuggerHandOff(SequenceModel model, Batch targets, int index, TaskScore miss, Task task, int epochs,
                       SampleNames names, int length, int padded) {

    /** Runs on the training worker at a step boundary. */
    static DebuggerHandOff pick(TrainingRun.Access a) {
        TrainingSession s = a.session();
        if (s == null) {
            throw Refusal.of("engine.session.noModel");
        }
        List<Sample> val = s.data().validation().isEmpty() ? s.data().train() : s.data().validation();
        Evaluation e = s.evaluate(val);
        int miss = firstMiss(s.task(), e);
        int pick = Math.max(miss, 0);
        Sample sample = e.samples().get(pick);
        Batch b = Batches.toBatch(List.of(sample.unpadded()), s.data().head(), s.data().outputSize());
        SequenceModel model = s.model().copy();
        if (model.embedding() != null) {   // the debugger runs the layers from x_t, the table's rows of the ids
            var x = model.embedding().forward(b.input());
            b = new Batch(SequenceInput.dense(x.dense().clone(), x.steps(), x.batch(), x.size()), b.targets(),
                    b.classes(), b.lengths());
            model = model.layers();
        }
        return new DebuggerHandOff(model, b, val.indexOf(sample), miss >= 0 ? ofOne(s.task(), e, miss) : null,
                s.task(),
                trainedEpochs(s), names(s.task(), s.data().vocabulary()), sample.length(), sample.steps());
    }

    /**
     * The debugger's title for this sample: {@code title}, and for a padded sample its length of T steps ("length 8
     * of 28"): the debugger runs its real steps, so the loss and the backward pass start at its length.
     */
    String titled(java.util.ResourceBundle i18n, String title) {
        return length == padded ? title
                : org.lstmlab.ui.common.I18n.format(i18n, "training.debugger.length", title, length, padded);
    }

    /**
     * The first sample of {@code e} that the model gets wrong by the task's rule, or -1: for an accuracy, one not all
     * right; for an MSE, one whose own squared error is not below the naive forecast's for it (the set's mean loss
     * beside one sample's naive error said nothing about that sample: a CSV series' first sample was "predicted
     * wrong" whenever the whole set's loss was above its naive error, however close its own forecast).
     */
    static int firstMiss(Task task, Evaluation e) {
        for (int i = 0; i < e.samples().size(); i++) {
            TaskScore score = ofOne(task, e, i);
            if (score.hasAccuracy() ? score.accuracy() < 1 : !score.solved()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The verdict on sample {@code i} of {@code e} alone: for an MSE, its own squared error beside the naive
     * forecast's on it (a CSV series' naive forecast being the one chosen on the whole validation set).
     */
    static TaskScore ofOne(Task task, Evaluation e, int i) {
        double[] p = e.predictions().get(i);
        double[] y = e.samples().get(i).target();
        double loss = e.loss();
        if (task.metric() == TaskScore.Metric.MSE && y != null && p.length == y.length && p.length > 0) {
            double sum = 0;
            for (int k = 0; k < p.length; k++) {
                sum += (p[k] - y[k]) * (p[k] - y[k]);
            }
            loss = sum / p.length;
        }
        return task.score(new Evaluation(loss, List.of(e.samples().get(i)), List.of(p)));
    }

    /** Whether the model gets the sample wrong by the task's rule. */
    boolean wrong() {
        return miss != null;
    }

    /**
     * A CSV file's sample is named by its columns and class labels, and its values are standardised; another task's
     * sample has the symbols of its one-hot input, if any.
     */
    static SampleNames names(Task task, List<String> vocabulary) {
        if (task instanceof SeriesTask series) {
            SeriesScaling scaling = series.scaling();
            return new SampleNames(vocabulary, scaling.inputs(), scaling.classes(), true, scaling);
        }
        return SampleNames.of(vocabulary);
    }

    /**
     * Epochs the weights have been trained for: the epochs finished, plus the one under way if any of its steps
     * ran. After a finished 10-epoch run this is 10, not the 11th epoch a next step would start.
     */
    static int trainedEpochs(TrainingSession s) {
        return s.finished() ? s.config().epochs() : s.epoch() + (s.batchIndex() > 0 ? 1 : 0);
    }
}
