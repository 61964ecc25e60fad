package org.lstmlab.ui.training;

import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * How the Train tab hands a model and one sample to the Debugger tab. MainWindow connects it to the debugger's
 * view model (its {@code openModel} has this shape). Called on the FX thread with a copy of the weights that no
 * one else holds, so the debugger may keep it.
 */
@FunctionalInterface
public interface DebuggerLink {
    /**
     * @param model    a copy of the trained model
     * @param sample   the sample as a one-sequence input
     * @param targets  its targets as a batch, so the debugger can backpropagate the model's own loss
     * @param sequence which sequence of {@code sample} to show (0)
     * @param title    e.g. "adding, epoch 3, validation sample 17 (wrong)"
     */
    void openModel(SequenceModel model, SequenceInput sample, Batch targets, int sequence, String title);

    /**
     * The same with the dataset's vocabulary (the symbols of a one-hot input, or empty), so that the debugger
     * shows the sample as characters or words; a link that cannot show them ignores it.
     */
    default void openModel(SequenceModel model, SequenceInput sample, Batch targets, int sequence, String title,
                           java.util.List<String> vocabulary) {
        openModel(model, sample, targets, sequence, title);
    }
}
