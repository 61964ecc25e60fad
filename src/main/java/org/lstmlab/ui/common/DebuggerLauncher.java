package org.lstmlab.ui.common;

import java.util.List;
import java.util.function.Supplier;

import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * The one hand-off from the Train tab to the debugger: the debugger's view model implements it, the Train tab calls
 * it, and MainWindow connects the two, so neither tab depends on the other. Called on the FX thread with a copy of
 * the weights no one else holds; the implementation copies what it keeps.
 */
public interface DebuggerLauncher {

    /**
     * Shows sequence {@code sequence} of {@code sample} run through a copy of {@code model}.
     *
     * @param targets    the batch the sample comes from, to backpropagate the model's own loss; or null to start
     *                   backpropagation from the sum of the last hidden state
     * @param title      writes the debugger's title, e.g. "adding, epoch 3, validation sample 17"; asked again after
     *                   View ▸ Language, so it must read only values fixed when it was made (and the labels)
     * @param vocabulary the symbols of a one-hot input (the characters of a character model, the words of the
     *                   sentiment task; empty for numeric input), so that the debugger shows the sample as text and
     *                   names the classes of a softmax head over them
     * @param standardised whether the sample's values (inputs and target) are standardised to mean 0 and standard
     *                   deviation 1, as a CSV series is trained, so that the debugger says they are not the file's
     */
    void openModel(SequenceModel model, SequenceInput sample, Batch targets, int sequence, Supplier<String> title,
                   List<String> vocabulary, boolean standardised);

    /** The same, for a sample whose values are the task's own (not standardised). */
    default void openModel(SequenceModel model, SequenceInput sample, Batch targets, int sequence,
                           Supplier<String> title, List<String> vocabulary) {
        openModel(model, sample, targets, sequence, title, vocabulary, false);
    }
}
