package org.lstmlab.engine.interop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * A model read from any supported file, ready to run.
 *
 * @param model      the engine model; a file without a head gets an identity head with no activation, so that its
 *                   predictions are the top layer's hidden states
 * @param hasHead    whether the file had a Dense / Linear head
 * @param kind       what the file was, for messages: "LSTM Lab model", "PyTorch state_dict", "Keras 2 model (.h5)"...
 * @param notes      what was assumed or ignored, one sentence each, to be shown once: the command line prints
 *                   their English on stderr, the app shows them in its language
 * @param assumed    what the file could not tell and was assumed (the UI asks for these)
 * @param training   the training settings an LSTM Lab file recorded
 * @param task       the task an LSTM Lab file was trained on, or ""
 * @param vocabulary the vocabulary of a character model, or empty
 * @param metadata   the file's own metadata, as read
 * @param embedding  the embedding table before the first recurrent layer ({@code nn.Embedding}, Keras'
 *                   {@code Embedding}), if the file has one: then the inputs are token ids, looked up in it
 */
public record ImportedModel(SequenceModel model, boolean hasHead, String kind, List<Message> notes,
                            Set<Unknown> assumed, Optional<TrainingConfig> training, String task,
                            List<String> vocabulary, Map<String, String> metadata,
                            Optional<TokenEmbedding> embedding) {

    /** What a file may leave unsaid. */
    public enum Unknown {
        /** An {@code nn.RNN} state_dict does not say tanh or ReLU. */
        NONLINEARITY,
        /** A state_dict does not say which activation follows its {@code nn.Linear}. */
        ACTIVATION,
        /**
         * Keras weights without their config do not say whether the top layer returns sequences, nor a state_dict
         * whether its {@code nn.Linear} reads every step: a prediction at the last step or at every step.
         */
        HEAD
    }

    public ImportedModel {
        notes = List.copyOf(notes);
        assumed = Set.copyOf(assumed);
        vocabulary = List.copyOf(vocabulary);
        metadata = Map.copyOf(metadata);
    }
}
