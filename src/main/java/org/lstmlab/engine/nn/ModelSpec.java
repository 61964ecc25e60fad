package org.lstmlab.engine.nn;

import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.text.Refusal;

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
    /** Most stacked layers: deeper recurrent stacks do not train and are not something to teach with. */
    public static final int MAX_LAYERS = 64;
    /** Most units in any one size (input, hidden, output): 2^20. The memory budget usually refuses far less. */
    public static final int MAX_UNITS = 1 << 20;

    public ModelSpec {
        checkSizes(inputSize, hiddenSize, numLayers);
        if (outputSize < 1 || outputSize > MAX_UNITS) {
            throw Refusal.of("engine.spec.outputSize", Integer.toString(outputSize), Integer.toString(MAX_UNITS));
        }
        if (loss == Loss.BINARY_CROSS_ENTROPY && outputSize < 1) {
            throw Refusal.of("engine.spec.binaryOutputs");
        }
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY && outputSize < 2) {
            throw Refusal.of("engine.spec.softmaxClasses", Integer.toString(outputSize));
        }
    }

    /**
     * Refuses sizes of a recurrent stack outside 1..{@link #MAX_UNITS} (layers 1..{@link #MAX_LAYERS}), with a
     * message naming the size and the limit.
     */
    public static void checkSizes(int inputSize, int hiddenSize, int numLayers) {
        if (inputSize < 1 || inputSize > MAX_UNITS) {
            throw Refusal.of("engine.spec.inputSize", Integer.toString(inputSize), Integer.toString(MAX_UNITS));
        }
        if (hiddenSize < 1 || hiddenSize > MAX_UNITS) {
            throw Refusal.of("engine.spec.hiddenSize", Integer.toString(hiddenSize), Integer.toString(MAX_UNITS));
        }
        if (numLayers < 1 || numLayers > MAX_LAYERS) {
            throw Refusal.of("engine.spec.layers", Integer.toString(numLayers), Integer.toString(MAX_LAYERS));
        }
    }

    /** Number of weights of a stack of {@code cell} layers (both biases of each layer included), exactly. */
    public static long stackParameters(CellType cell, int inputSize, int hiddenSize, int numLayers) {
        long g = (long) cell.gateCount() * hiddenSize;
        long first = g * ((long) inputSize + hiddenSize + 2);
        long above = g * ((long) hiddenSize + hiddenSize + 2);
        return first + (numLayers - 1) * above; // sizes ≤ 2^20, layers ≤ 64: fits a long
    }

    /**
     * Bytes a stack needs before it sees any data: each weight as value, gradient and the transposed copy the
     * kernels read, plus a second copy while a loader fills it. Checked against the memory budget when a stack
     * is built.
     */
    public static long stackBytes(CellType cell, int inputSize, int hiddenSize, int numLayers) {
        return 4 * Double.BYTES * stackParameters(cell, inputSize, hiddenSize, numLayers);
    }

    /**
     * Bytes one forward and backward pass over {@code steps} steps of {@code batch} sequences needs for the
     * layers' traces and gradients (an upper bound; {@code -1} if it overflows a long).
     */
    public static long passBytes(CellType cell, int hiddenSize, int numLayers, long steps, long batch) {
        return passBytes(cell, hiddenSize, numLayers, steps, batch, Precision.FLOAT64);
    }

    /**
     * {@link #passBytes(CellType, int, int, long, long)} for a training precision: the float32 precision keeps its
     * traces and gradients in float32 arrays, half the bytes.
     */
    public static long passBytes(CellType cell, int hiddenSize, int numLayers, long steps, long batch,
                                 Precision precision) {
        long g = (long) cell.gateCount() * hiddenSize;
        long perStep = 4 * g + 6L * hiddenSize; // pre-activations, gates, GRU parts, states, and their gradients
        int bytes = precision == Precision.FLOAT32 ? Float.BYTES : Double.BYTES;
        return org.lstmlab.engine.bounds.MemoryBudget.product(2L * bytes, numLayers, steps + 1, batch, perStep);
    }

    /** Weights of this model: the recurrent stack and the Dense head. */
    public long parameterCount() {
        return stackParameters(cell, inputSize, hiddenSize, numLayers) + denseParameters(hiddenSize, outputSize);
    }

    /** Weights of a fully connected layer as {@link Dense} keeps them: W (outputs × inputs) and one bias b. */
    public static long denseParameters(int inputSize, int outputSize) {
        return (long) outputSize * ((long) inputSize + 1);
    }

    /** The Keras example: {@code LSTM(units, input_shape=(T, 1))} + {@code Dense(1, activation='sigmoid')}. */
    public static ModelSpec kerasExample(int units) {
        return new ModelSpec(CellType.LSTM, 1, units, 1, 1, HeadMode.LAST, Loss.BINARY_CROSS_ENTROPY);
    }
}
