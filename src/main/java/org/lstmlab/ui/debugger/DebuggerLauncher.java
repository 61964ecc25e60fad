package org.lstmlab.ui.debugger;

import java.util.List;

import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * How the Train tab opens a model in the debugger. The implementation copies the weights and the sample at once
 * (call it on the FX thread while training is paused); it keeps no reference to the model or the batch.
 */
public interface DebuggerLauncher {

    /**
     * Shows sequence {@code sequence} of {@code sample} run through a copy of {@code model}.
     *
     * @param targets the batch the sample comes from, to backpropagate the model's own loss; or null to start
     *                backpropagation from the sum of the last hidden state
     * @param name    shown as the debugger's title, e.g. "adding, epoch 3, validation sample 17"
     */
    default void openModel(SequenceModel model, SequenceInput sample, Batch targets, int sequence, String name) {
        openModel(model, sample, targets, sequence, name, List.of());
    }

    /**
     * The same, with the symbols of a one-hot input (the dataset's vocabulary: the characters of a character
     * model, the words of the sentiment task; empty for numeric input), so that the debugger shows the sample as
     * text and names the classes of a softmax head over that vocabulary.
     */
    void openModel(SequenceModel model, SequenceInput sample, Batch targets, int sequence, String name,
                   List<String> vocabulary);
}
