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
     * @param names      what the sample's numbers stand for: a one-hot input's symbols, a CSV file's columns and
     *                   class labels, whether its values are standardised
     */
    void openModel(SequenceModel model, SequenceInput sample, Batch targets, int sequence, Supplier<String> title,
                   SampleNames names);

    /**
     * The same, for a sample whose values are the task's own, with the symbols of a one-hot input (the characters
     * of a character model, the words of the sentiment task; empty for numeric input).
     */
    default void openModel(SequenceModel model, SequenceInput sample, Batch targets, int sequence,
                           Supplier<String> title, List<String> vocabulary) {
        openModel(model, sample, targets, sequence, title, SampleNames.of(vocabulary));
    }
}
