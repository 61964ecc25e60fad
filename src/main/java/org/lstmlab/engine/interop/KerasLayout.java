package org.lstmlab.engine.interop;

import org.lstmlab.engine.nn.CellType;

/**
 * Between Keras' weight layouts and PyTorch's (the engine's), both ways.
 *
 * <ul>
 *   <li>Keras {@code kernel} is {@code (D, G·H)} and {@code recurrent_kernel} {@code (H, G·H)}: the transposes of
 *       PyTorch's {@code weight_ih} {@code (G·H, D)} and {@code weight_hh} {@code (G·H, H)}.</li>
 *   <li>LSTM gate blocks are i, f, c, o in Keras and i, f, g, o in PyTorch: the same order.</li>
 *   <li>GRU blocks are z, r, h in Keras and r, z, n in PyTorch: the first two swap. With {@code reset_after=True}
 *       the bias is {@code (2, 3H)}: row 0 the input bias, row 1 the recurrent bias, as PyTorch's b_ih and b_hh.
 *       With {@code reset_after=False} ({@link CellType#GRU_RESET_BEFORE}) it is one bias {@code (3H)}, as the
 *       LSTM's.</li>
 *   <li>LSTM and SimpleRNN have one bias {@code (G·H)}: it becomes b_ih and b_hh is 0; exporting writes
 *       b_ih + b_hh.</li>
 *   <li>Keras 2's {@code CuDNNLSTM} and {@code CuDNNGRU} (the GRU is the reset-after one) keep the gate orders but
 *       hand each gate's block to cuDNN as it lies in memory ({@link #cudnnKernel}); their bias is {@code (2·G·H)}:
 *       every input bias, then every recurrent bias, as b_ih and b_hh.</li>
 *   <li>Dense {@code kernel} {@code (H, O)} is the transpose of {@code nn.Linear.weight} {@code (O, H)}.</li>
 * </ul>
 */
public final class KerasLayout {
    private KerasLayout() {
    }

    /** {@code (rows, cols)} row-major → {@code (cols, rows)} row-major. */
    public static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
    }

    /**
     * Swaps the first two blocks of H rows of a GRU matrix (either GRU) (G·H rows of {@code width} values) or bias
     * ({@code width} 1): Keras z, r, h ↔ PyTorch r, z, n. Its own inverse.
     */
    public static double[] swapGruBlocks(CellType cell, double[] a, int h, int width) {
        if (!cell.isGru()) {
            return a.clone();
        }
        double[] out = a.clone();
        int block = h * width;
        System.arraycopy(a, 0, out, block, block);
        System.arraycopy(a, block, out, 0, block);
        return out;
    }

    /**
     * A Keras 2 {@code CuDNNLSTM} / {@code CuDNNGRU} kernel or recurrent kernel (rows × G·H) → the plain layer's.
     * Each gate's block (rows × H) goes to cuDNN as it lies in memory, row-major, and cuDNN reads it as the gate's
     * matrix W (H × rows); the plain layer's block is Wᵀ. (For the square recurrent blocks that is a transpose.)
     */
    public static double[] cudnnKernel(double[] kernel, int rows, int h, int gates) {
        int cols = gates * h;
        double[] out = new double[kernel.length];
        for (int gate = 0; gate < gates; gate++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < h; j++) {
                    int at = j * rows + i;      // W[j][i] in the block's row-major values
                    out[i * cols + gate * h + j] = kernel[at / h * cols + gate * h + at % h];
                }
            }
        }
        return out;
    }

    /** Keras {@code kernel} (rows × G·H) → PyTorch weight (G·H × rows), gate blocks in PyTorch's order. */
    public static double[] kernelToTorch(CellType cell, double[] kernel, int rows, int h) {
        int g = cell.gateCount() * h;
        return swapGruBlocks(cell, transpose(kernel, rows, g), h, rows);
    }

    /** PyTorch weight (G·H × cols) → Keras kernel (cols × G·H), gate blocks in Keras' order. */
    public static double[] torchToKernel(CellType cell, double[] weight, int cols, int h) {
        int g = cell.gateCount() * h;
        return transpose(swapGruBlocks(cell, weight, h, cols), g, cols);
    }
}
