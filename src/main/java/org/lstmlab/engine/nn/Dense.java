package org.lstmlab.engine.nn;

import org.lstmlab.engine.math.Gemm;

/**
 * The fully connected head, PyTorch's {@code nn.Linear} / Keras' {@code Dense}: {@code z = W h + b} for each row.
 * Forward and backward side by side.
 */
public final class Dense {
    private final int inputSize;   // H
    private final int outputSize;  // O
    private final Param weight;    // fc.weight (O × H)
    private final Param bias;      // fc.bias (O)
    private double[] weightT = new double[0];  // Wᵀ (H × O), refreshed at each forward

    public Dense(int inputSize, int outputSize) {
        this(inputSize, outputSize, new Param("fc.weight", outputSize, inputSize), new Param("fc.bias", outputSize));
    }

    private Dense(int inputSize, int outputSize, Param weight, Param bias) {
        if (inputSize < 1 || outputSize < 1) {
            throw new IllegalArgumentException("Dense sizes must be positive, got " + inputSize + " → " + outputSize);
        }
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.weight = weight;
        this.bias = bias;
    }

    /** The same head sharing these parameter values, with gradients of its own. */
    public Dense replica() {
        return new Dense(inputSize, outputSize, weight.withOwnGradient(), bias.withOwnGradient());
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return outputSize;
    }

    public Param weight() {
        return weight;
    }

    public Param bias() {
        return bias;
    }

    /** logits (rows × O) = features (rows × H, from {@code off}) · Wᵀ + b. */
    public void forward(double[] features, int off, int rows, double[] logits) {
        if (weightT.length != inputSize * outputSize) {
            weightT = new double[inputSize * outputSize];
        }
        double[] w = weight.data();
        for (int o = 0; o < outputSize; o++) {
            for (int j = 0; j < inputSize; j++) {
                weightT[j * outputSize + o] = w[o * inputSize + j];
            }
        }
        double[] b = bias.data();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(b, 0, logits, r * outputSize, outputSize);
        }
        Gemm.mm(features, off, weightT, 0, logits, 0, rows, inputSize, outputSize, true);
    }

    /** dW += dzᵀ·features, db += Σ dz, and dFeatures (rows × H) = dz · W. */
    public void backward(double[] features, int off, int rows, double[] dLogits, double[] dFeatures, int dOff) {
        Gemm.mtm(dLogits, 0, features, off, weight.gradData(), 0, outputSize, rows, inputSize);
        RecurrentLayer.addColumnSums(dLogits, rows, outputSize, bias.gradData());
        Gemm.mm(dLogits, 0, weight.data(), 0, dFeatures, dOff, rows, outputSize, inputSize, false);
    }
}
