package org.lstmlab.engine.interop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.loss.OutputActivation;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.text.Message;

/** What every importer shares: the loss that goes with an activation, and building the engine model. */
final class Imports {
    private Imports() {
    }

    /** The engine pairs each output activation with a loss: sigmoid with BCE, softmax with CE, none with MSE. */
    static Loss lossOf(OutputActivation a) {
        return switch (a) {
            case SIGMOID -> Loss.BINARY_CROSS_ENTROPY;
            case SOFTMAX -> Loss.SOFTMAX_CROSS_ENTROPY;
            case IDENTITY -> Loss.MEAN_SQUARED_ERROR;
        };
    }

    /**
     * Builds the model from values already checked against {@code spec}'s shapes, keyed by the model file's
     * state_dict names. Without a head ({@code fc.*} absent) the head is the identity, so predictions are h_t. An
     * {@code embedding} goes before the first layer, its values checked to be finite like the layers'.
     */
    static ImportedModel build(String file, String kind, ModelSpec spec, Map<String, double[]> values,
                               boolean hasHead, List<Message> notes, Set<ImportedModel.Unknown> assumed,
                               Map<String, String> metadata, Optional<TokenEmbedding> embedding)
            throws ModelFileException {
        SequenceModel model = new SequenceModel(spec);
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            Param p = e.getValue();
            double[] v = values.get(e.getKey());
            if (v == null) {
                if (!hasHead && e.getKey().equals("fc.weight")) {
                    for (int i = 0; i < spec.hiddenSize(); i++) {
                        p.data()[i * spec.hiddenSize() + i] = 1.0;
                    }
                    continue;
                }
                if (!hasHead && e.getKey().equals("fc.bias")) {
                    continue;
                }
                throw new IllegalStateException("no values for " + e.getKey());
            }
            if (v.length != p.size()) {
                throw new IllegalStateException(e.getKey() + ": " + v.length + " values for " + p.size());
            }
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new ModelFileException(file, Message.of("engine.import.notFinite", e.getKey(),
                            Double.toString(v[i]), Integer.toString(i)));
                }
            }
            System.arraycopy(v, 0, p.data(), 0, v.length);
        }
        if (embedding.isPresent()) {
            double[] t = embedding.get().table();
            for (int i = 0; i < t.length; i++) {
                if (!Double.isFinite(t[i])) {
                    throw new ModelFileException(file, Message.of("engine.import.notFinite", embedding.get().name(),
                            Double.toString(t[i]), Integer.toString(i)));
                }
            }
        }
        return new ImportedModel(model, hasHead, kind, notes, assumed, Optional.empty(), "", List.of(), metadata,
                embedding);
    }
}
