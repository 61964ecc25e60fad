package org.lstmlab.ui.training;

import java.util.List;

import org.lstmlab.engine.data.Batches;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.Trainer;

/**
 * What "Open in debugger" hands over: a copy of the weights and one validation sample, the first the model gets
 * wrong by the task's own rule (or the first one when it gets them all right).
 */
record DebuggerHandOff(SequenceModel model, Batch targets, int index, boolean wrong, String task, int epoch,
                       List<String> vocabulary) {

    /** Runs on the training worker at a step boundary. */
    static DebuggerHandOff pick(TrainingRun.Access a) {
        Trainer t = a.trainer();
        if (t == null) {
            throw new IllegalStateException("the run has no model yet");
        }
        List<Sample> val = a.data().validation().isEmpty() ? a.data().train() : a.data().validation();
        Evaluation e = t.evaluate(val);
        int pick = 0;
        boolean wrong = false;
        for (int i = 0; i < e.samples().size(); i++) {
            Evaluation one = new Evaluation(e.loss(), List.of(e.samples().get(i)), List.of(e.predictions().get(i)));
            if (a.task().score(one).accuracy() < 1) {
                pick = i;
                wrong = true;
                break;
            }
        }
        Sample s = e.samples().get(pick);
        Batch b = Batches.toBatch(List.of(s), a.data().head(), a.data().outputSize());
        return new DebuggerHandOff(Samples.copy(t.model()), b, val.indexOf(s), wrong, a.task().name(), t.epoch(),
                a.data().vocabulary());
    }
}
