package org.lstmlab.engine.nn;

import org.lstmlab.engine.math.Gemm;
import org.lstmlab.engine.math.Precision;

/**
 * The fully connected head, PyTorch's {@code nn.Linear} / Keras' {@code Dense}: {@code z = W h + b} for each row.
 * Forward and backward side by side. Its three products run in the model's training precision: in float32 they read
 * the top layer's float32 hidden states and write the float32 gradient into them ({@link #forwardFloat},
 * {@link #backwardFloat}), with the weights and the logits' gradient rounded to float32 and the results widened and
 * added to the float64 logits and weight gradient; the bias, the logits and everything else stay float64.
 */
public final class Dense {
    private final int inputSize;   // H
    private final int outputSize;  // O
    private final Param weight;    // fc.weight (O × H)
    private final Param bias;      // fc.bias (O)
    private double[] weightT = new double[0];  // Wᵀ (H × O), refreshed at each forward
    private Precision precision = Precision.FLOAT64;
    private float[] featuresF = new float[0];  // float32 operands and results, reused
    private float[] weightF = new float[0];
    private float[] dLogitsF = new float[0];
    private float[] outF = new float[0];

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
        Dense d = new Dense(inputSize, outputSize, weight.withOwnGradient(), bias.withOwnGradient());
        d.precision = precision;
        return d;
    }

    /** The precision of the head's products (float64 unless set), as {@link RecurrentLayer#setPrecision}. */
    public void setPrecision(Precision precision) {
        this.precision = precision;
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
        if (precision == Precision.FLOAT32) {
            featuresF = Float32Products.narrow(features, off, rows * inputSize, featuresF, 0);
            weightF = Float32Products.narrow(weightT, 0, inputSize * outputSize, weightF, 0);
            outF = Float32Products.fit(outF, rows * outputSize);
            Gemm.mm(featuresF, 0, weightF, 0, outF, 0, rows, inputSize, outputSize, false);
            Float32Products.addWidened(outF, logits, 0, rows * outputSize);
            return;
        }
        Gemm.mm(features, off, weightT, 0, logits, 0, rows, inputSize, outputSize, true);
    }

    /** {@link #forward} in float32 on float32 features (the top layer's float32 hidden states). */
    void forwardFloat(float[] features, int off, int rows, double[] logits) {
        weightF = Float32Products.transposeRounded(weight.data(), 0, outputSize, inputSize, weightF);  // Wᵀ (H × O)
        double[] b = bias.data();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(b, 0, logits, r * outputSize, outputSize);
        }
        outF = Float32Products.fit(outF, rows * outputSize);
        Gemm.mm(features, off, weightF, 0, outF, 0, rows, inputSize, outputSize, false);
        Float32Products.addWidened(outF, logits, 0, rows * outputSize);
    }

    /** {@link #backward} in float32: float32 features in, the float32 gradient of the features out. */
    void backwardFloat(float[] features, int off, int rows, double[] dLogits, float[] dFeatures, int dOff) {
        dLogitsF = Float32Products.narrow(dLogits, 0, rows * outputSize, dLogitsF, 0);
        outF = Float32Products.zeros(outF, outputSize * inputSize);
        Gemm.mtm(dLogitsF, 0, features, off, outF, 0, outputSize, rows, inputSize);
        Float32Products.addWidened(outF, weight.gradData(), 0, outputSize * inputSize);
        Rows.addColumnSums(dLogits, rows, outputSize, bias.gradData());
        weightF = Float32Products.narrow(weight.data(), 0, outputSize * inputSize, weightF, 0);
        Gemm.mm(dLogitsF, 0, weightF, 0, dFeatures, dOff, rows, outputSize, inputSize, false);
    }

    /** dW += dzᵀ·features, db += Σ dz, and dFeatures (rows × H) = dz · W. */
    public void backward(double[] features, int off, int rows, double[] dLogits, double[] dFeatures, int dOff) {
        if (precision == Precision.FLOAT32) {
            backwardFloat32(features, off, rows, dLogits, dFeatures, dOff);
            return;
        }
        Gemm.mtm(dLogits, 0, features, off, weight.gradData(), 0, outputSize, rows, inputSize);
        Rows.addColumnSums(dLogits, rows, outputSize, bias.gradData());
        Gemm.mm(dLogits, 0, weight.data(), 0, dFeatures, dOff, rows, outputSize, inputSize, false);
    }

    /** {@link #backward} with float32 products; the features are rounded again (they may be another pass's). */
    private void backwardFloat32(double[] features, int off, int rows, double[] dLogits, double[] dFeatures,
                                 int dOff) {
        dLogitsF = Float32Products.narrow(dLogits, 0, rows * outputSize, dLogitsF, 0);
        featuresF = Float32Products.narrow(features, off, rows * inputSize, featuresF, 0);
        outF = Float32Products.fit(outF, Math.max(outputSize * inputSize, rows * inputSize));
        outF = Float32Products.zeros(outF, outputSize * inputSize);
        Gemm.mtm(dLogitsF, 0, featuresF, 0, outF, 0, outputSize, rows, inputSize);
        Float32Products.addWidened(outF, weight.gradData(), 0, outputSize * inputSize);
        Rows.addColumnSums(dLogits, rows, outputSize, bias.gradData());
        weightF = Float32Products.narrow(weight.data(), 0, outputSize * inputSize, weightF, 0);
        Gemm.mm(dLogitsF, 0, weightF, 0, outF, 0, rows, outputSize, inputSize, false);
        for (int i = 0; i < rows * inputSize; i++) {
            dFeatures[dOff + i] = outF[i];
        }
    }
}
