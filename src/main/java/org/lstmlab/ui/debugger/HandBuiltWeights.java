package org.lstmlab.ui.debugger;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.GateView;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.RecurrentLayer;
import org.lstmlab.engine.nn.RecurrentStack;

/**
 * Textbook weights that solve a task without training, to read in the debugger. Each needs D = 1 and one layer.
 * <ul>
 * <li>LSTM latch (H = 2): unit 1 switches itself on at t = 1 (every gate and the candidate saturated at +10); its
 * h then closes unit 0's input gate ({@code i_0 = σ(5 − 20·h_1)}), while unit 0's forget gate stays open
 * ({@code σ(20)}): c_0 keeps i·g = σ(5)·tanh(x_1) ≈ 0.993·tanh(x_1) for the rest of the sequence.</li>
 * <li>GRU latch (H = 2): the same idea with the update gate: unit 1 takes n = 1 at once, then
 * {@code z_0 = σ(−5 + 20·h_1)} turns unit 0 from "take the candidate tanh(x)" into "keep h".</li>
 * <li>RNN (tanh) latch (H = 1): {@code h = tanh(10·h_prev + x)} saturates at the sign of the first input and stays
 * there: it remembers the sign, not the value, and its gradient through time vanishes because tanh is flat there.</li>
 * <li>LSTM counter (H = 1): {@code i = f = o ≈ 1}, {@code g = tanh(10·x)}: c_t is the number of pulses so far.</li>
 * <li>RNN (ReLU) counter (H = 1): {@code h = relu(h_prev + x)}.</li>
 * </ul>
 */
public final class HandBuiltWeights {
    private HandBuiltWeights() {
    }

    /** Hidden size the preset needs for the cell. */
    public static int hiddenSize(WeightPreset preset, CellType cell) {
        return preset == WeightPreset.LATCH && cell != CellType.RNN_TANH ? 2 : 1;
    }

    /** Sets every parameter of the one-layer stack (D = 1) to the preset's values. */
    public static void apply(WeightPreset preset, RecurrentStack stack) {
        if (!preset.isHandBuilt() || !preset.supports(stack.cell())) {
            throw new IllegalArgumentException(preset + " has no hand-built weights for " + stack.cell().id());
        }
        for (Param p : stack.parameters()) {
            java.util.Arrays.fill(p.data(), 0.0);
        }
        RecurrentLayer l = stack.layer(0);
        CellType cell = stack.cell();
        if (preset == WeightPreset.LATCH) {
            switch (cell) {
                case LSTM -> {
                    for (String g : cell.gates()) {
                        set(l, "b_i" + g, 1, 0, 10);
                    }
                    set(l, "b_ii", 0, 0, 5);
                    set(l, "W_hi", 0, 1, -20);
                    set(l, "b_if", 0, 0, 20);
                    set(l, "W_ig", 0, 0, 1);
                    set(l, "b_io", 0, 0, 10);
                }
                case GRU -> {
                    set(l, "b_iz", 1, 0, -10);
                    set(l, "b_in", 1, 0, 10);
                    set(l, "b_iz", 0, 0, -5);
                    set(l, "W_hz", 0, 1, 20);
                    set(l, "W_in", 0, 0, 1);
                }
                default -> {
                    set(l, "W_hh", 0, 0, 10);
                    set(l, "W_ih", 0, 0, 1);
                }
            }
        } else if (cell == CellType.LSTM) {
            set(l, "b_ii", 0, 0, 10);
            set(l, "b_if", 0, 0, 20);
            set(l, "b_io", 0, 0, 10);
            set(l, "W_ig", 0, 0, 10);
        } else {
            set(l, "W_hh", 0, 0, 1);
            set(l, "W_ih", 0, 0, 1);
        }
    }

    private static void set(RecurrentLayer layer, String view, int row, int col, double v) {
        GateView.of(layer, view).set(row, col, v);
    }
}
