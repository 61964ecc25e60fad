package org.lstmlab.engine.nn;

import org.lstmlab.engine.loss.Loss;

/**
 * The architecture of a {@link SequenceModel}: what the model file's metadata records and what the generated
 * PyTorch and Keras code builds.
 *
 * @param cell       the recurrent cell of every layer
 * @param inputSize  D, features per step (the vocabulary size for one-hot input)
 * @param hiddenSize H, units per recurrent layer
 * @param numLayers  L, stacked recurrent layers
 * @param outputSize O, outputs of the Dense head
 * @param head       whether the head reads the last step or every step
 * @param loss       the loss, which fixes the output activation
 */
public record ModelSpec(CellType cell, int inputSize, int hiddenSize, int numLayers, int outputSize,
                        HeadMode head, Loss loss) {
    public ModelSpec {
        if (inputSize < 1 || hiddenSize < 1 || numLayers < 1 || outputSize < 1) {
            throw new IllegalArgumentException("sizes must be positive: input " + inputSize + ", hidden "
                    + hiddenSize + ", layers " + numLayers + ", output " + outputSize);
        }
        if (loss == Loss.BINARY_CROSS_ENTROPY && outputSize < 1) {
            throw new IllegalArgumentException("binary cross-entropy needs at least one output");
        }
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY && outputSize < 2) {
            throw new IllegalArgumentException("softmax cross-entropy needs at least two classes, got " + outputSize);
        }
    }

    /** The Keras example: {@code LSTM(units, input_shape=(T, 1))} + {@code Dense(1, activation='sigmoid')}. */
    public static ModelSpec kerasExample(int units) {
        return new ModelSpec(CellType.LSTM, 1, units, 1, 1, HeadMode.LAST, Loss.BINARY_CROSS_ENTROPY);
    }
}
