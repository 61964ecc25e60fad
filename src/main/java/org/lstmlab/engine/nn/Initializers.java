package org.lstmlab.engine.nn;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Seeded weight initialisation as either framework does it, so that a model built here starts where the same
 * model built in PyTorch or Keras would (in distribution; the random streams differ).
 */
public final class Initializers {
    private Initializers() {
    }

    /** Which framework's defaults to follow. */
    public enum Scheme {
        /**
         * PyTorch: every recurrent parameter ~ U(−1/√H, 1/√H); {@code nn.Linear} weight and bias ~
         * U(−1/√fan_in, 1/√fan_in).
         */
        TORCH,
        /**
         * Keras: kernel glorot_uniform, recurrent kernel orthogonal, bias zeros with 1 on the LSTM forget slice
         * ({@code unit_forget_bias=True}); Dense kernel glorot_uniform, bias zeros. The single Keras bias lands in
         * b_ih, and b_hh is zero.
         */
        KERAS
    }

    /** Initialises every parameter of the model with the given scheme from the seed. */
    public static void initialize(SequenceModel model, Scheme scheme, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (RecurrentLayer layer : model.rnn().layers()) {
            initialize(layer, scheme, rng.split());
        }
        initialize(model.head(), scheme, rng.split());
        if (model.embedding() != null) {   // split after the others: a model without one starts as it always did
            initialize(model.embedding(), scheme, rng.split());
        }
    }

    /**
     * An embedding table as either framework fills it: PyTorch's {@code nn.Embedding} ~ N(0, 1), Keras'
     * {@code Embedding} ~ U(−0.05, 0.05); the padding row, if any, zeros (as PyTorch makes it).
     */
    static void initialize(Embedding table, Scheme scheme, SplittableRandom rng) {
        double[] e = table.weight().data();
        if (scheme == Scheme.TORCH) {
            for (int i = 0; i < e.length; i++) {
                e[i] = rng.nextGaussian();
            }
        } else {
            uniform(e, 0.05, rng);
        }
        if (table.paddingIdx() != Embedding.NO_PADDING) {
            java.util.Arrays.fill(e, table.paddingIdx() * table.size(), (table.paddingIdx() + 1) * table.size(), 0.0);
        }
    }

    public static void initialize(RecurrentStack stack, Scheme scheme, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (RecurrentLayer layer : stack.layers()) {
            initialize(layer, scheme, rng.split());
        }
    }

    static void initialize(RecurrentLayer layer, Scheme scheme, SplittableRandom rng) {
        int h = layer.hiddenSize();
        int d = layer.inputSize();
        int gh = layer.cell().gateCount() * h;
        if (scheme == Scheme.TORCH) {
            double bound = 1.0 / Math.sqrt(h);
            for (Param p : layer.parameters()) {
                uniform(p.data(), bound, rng);
            }
            return;
        }
        // Keras kernel (D × G·H) is W_ihᵀ: glorot over fan_in = D, fan_out = G·H; the layout does not matter.
        uniform(layer.weightIh().data(), Math.sqrt(6.0 / (d + gh)), rng);
        orthogonalColumns(layer.weightHh().value(), rng);
        java.util.Arrays.fill(layer.biasIh().data(), 0.0);
        java.util.Arrays.fill(layer.biasHh().data(), 0.0);
        if (layer.cell().hasCellState()) {
            java.util.Arrays.fill(layer.biasIh().data(), h, 2 * h, 1.0);  // forget slice of i, f, g, o
        }
    }

    static void initialize(Dense dense, Scheme scheme, SplittableRandom rng) {
        int fanIn = dense.inputSize();
        if (scheme == Scheme.TORCH) {
            double bound = 1.0 / Math.sqrt(fanIn);
            uniform(dense.weight().data(), bound, rng);
            uniform(dense.bias().data(), bound, rng);
        } else {
            uniform(dense.weight().data(), Math.sqrt(6.0 / (fanIn + dense.outputSize())), rng);
            java.util.Arrays.fill(dense.bias().data(), 0.0);
        }
    }

    static void uniform(double[] a, double bound, SplittableRandom rng) {
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble(-bound, bound);
        }
    }

    /**
     * Fills W (rows ≥ cols) with orthonormal columns: Q of the QR decomposition of a Gaussian matrix, signs fixed by
     * diag(R) so the result is uniformly distributed. Keras' recurrent kernel (H × G·H) has orthonormal rows; its
     * transpose, W_hh (G·H × H), has orthonormal columns.
     */
    static void orthogonalColumns(DMatrixRMaj w, SplittableRandom rng) {
        int rows = w.numRows;
        int cols = w.numCols;
        DMatrixRMaj gaussian = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < gaussian.data.length; i++) {
            gaussian.data[i] = rng.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        if (!qr.decompose(gaussian.copy())) {
            throw new IllegalStateException("QR decomposition failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        for (int j = 0; j < cols; j++) {
            double sign = r.get(j, j) < 0 ? -1.0 : 1.0;
            for (int i = 0; i < rows; i++) {
                w.set(i, j, q.get(i, j) * sign);
            }
        }
    }
}
