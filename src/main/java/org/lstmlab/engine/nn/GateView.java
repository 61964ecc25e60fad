package org.lstmlab.engine.nn;

import org.lstmlab.engine.text.Refusal;

/**
 * A named block of a fused parameter, as the equations write it: {@code W_if} is the forget-gate rows of
 * {@code weight_ih} (H × D), {@code b_hg} the candidate slice of {@code bias_hh} (H), and so on; {@code W_ih},
 * {@code W_hh}, {@code b_ih}, {@code b_hh} are the whole matrices. Reads and writes go to the parameter itself.
 *
 * @param rowStart first row of the block in the parameter (for biases: first element)
 * @param rows     rows of the block (H for a gate, G·H for the whole matrix)
 * @param cols     columns (D or H; 1 for biases)
 */
public record GateView(String name, Param param, int rowStart, int rows, int cols) {

    /**
     * The view called {@code name} of the layer, e.g. {@code W_if}, {@code W_hn}, {@code b_io}, {@code W_hh}.
     *
     * @throws Refusal (an {@link IllegalArgumentException}) when the layer has no such view
     */
    public static GateView of(RecurrentLayer layer, String name) {
        if (name.length() < 4 || name.charAt(1) != '_' || (name.charAt(0) != 'W' && name.charAt(0) != 'b')) {
            throw Refusal.of("engine.weightView.name", name);
        }
        boolean weight = name.charAt(0) == 'W';
        char side = name.charAt(2);
        if (side != 'i' && side != 'h') {
            throw Refusal.of("engine.weightView.side", name);
        }
        String rest = name.substring(3);
        Param p = weight ? (side == 'i' ? layer.weightIh() : layer.weightHh())
                : (side == 'i' ? layer.biasIh() : layer.biasHh());
        int cols = weight ? (side == 'i' ? layer.inputSize() : layer.hiddenSize()) : 1;
        int h = layer.hiddenSize();
        if (rest.equals("h")) {
            return new GateView(name, p, 0, layer.cell().gateCount() * h, cols);  // W_ih, W_hh, b_ih, b_hh
        }
        int gate = layer.cell().gates().indexOf(rest);
        if (gate < 0) {
            throw Refusal.of("engine.weightView.block", layer.cell().id(), name, String.valueOf(layer.cell().gates()));
        }
        return new GateView(name, p, gate * h, h, cols);
    }

    public double get(int row, int col) {
        return param.data()[(rowStart + row) * cols + col];
    }

    public void set(int row, int col, double value) {
        param.data()[(rowStart + row) * cols + col] = value;
    }

    /** Row r of the block (a copy): the weights feeding unit r of this gate. */
    public double[] row(int row) {
        double[] out = new double[cols];
        System.arraycopy(param.data(), (rowStart + row) * cols, out, 0, cols);
        return out;
    }
}
