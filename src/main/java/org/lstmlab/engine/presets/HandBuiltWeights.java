package org.lstmlab.engine.presets;

import java.util.Arrays;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.GateView;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.RecurrentLayer;
import org.lstmlab.engine.nn.RecurrentStack;

/**
 * Textbook weights that solve a task without training, to read in the debugger and in the lessons. Each needs
 * D = 1 and one layer.
 * <ul>
 * <li>LSTM latch (H = 2): unit 1 switches itself on at t = 1 (every gate and the candidate saturated at +10); its
 * h then closes unit 0's input gate ({@code i_0 = σ(5 − 20·h_1)}), while unit 0's forget gate stays open
 * ({@code σ(20)}): c_0 keeps what it took at t = 1, {@code i_0·tanh(x_1) = σ(5)·tanh(x_1) ≈ 0.993·tanh(x_1)}, for
 * the rest of the sequence.</li>
 * <li>GRU latch (H = 2): the same idea with the update gate: unit 1 takes n = 1 at once, then
 * {@code z_0 = σ(−5 + 20·h_1)} turns unit 0 from "take the candidate tanh(x)" into "keep h". W_hn is 0, so the
 * reset-before GRU computes the same latch.</li>
 * <li>RNN (tanh) latch (H = 1): {@code h = tanh(10·h_prev + x)} saturates at the sign of the first input and stays
 * there: it remembers the sign, not the value, and its gradient through time vanishes because tanh is flat there.</li>
 * <li>LSTM counter (H = 1): {@code i = f = o ≈ 1}, {@code g = tanh(10·x)}: c_t is the number of pulses so far.</li>
 * <li>RNN (ReLU) counter (H = 1): {@code h = relu(h_prev + x)}.</li>
 * </ul>
 * The LSTM's two wrong variants ({@link CellType#isTutorialMistake()}) take the LSTM's weights, so that a lesson can
 * show what the same weights do in the wrong cell.
 */
public final class HandBuiltWeights {
    /** The hand-built presets. */
    public enum Preset {
        /** Remembers the first input and ignores the rest. */
        LATCH,
        /** Counts the pulses of the input. */
        COUNTER
    }

    private HandBuiltWeights() {
    }

    /** Whether the preset exists for the cell. */
    public static boolean supports(Preset preset, CellType cell) {
        return preset == Preset.LATCH ? cell != CellType.RNN_RELU : cell.hasCellState() || cell == CellType.RNN_RELU;
    }

    /** Hidden size the preset needs for the cell. */
    public static int hiddenSize(Preset preset, CellType cell) {
        return preset == Preset.LATCH && cell != CellType.RNN_TANH ? 2 : 1;
    }

    /** Sets every parameter of the one-layer stack (D = 1) to the preset's values. */
    public static void apply(Preset preset, RecurrentStack stack) {
        CellType cell = stack.cell();
        if (!supports(preset, cell) || stack.numLayers() != 1 || stack.inputSize() != 1
                || stack.hiddenSize() != hiddenSize(preset, cell)) {
            throw new IllegalArgumentException(preset + " has no hand-built weights for " + cell.id() + " with D="
                    + stack.inputSize() + ", H=" + stack.hiddenSize() + ", " + stack.numLayers() + " layers");
        }
        for (Param p : stack.parameters()) {
            Arrays.fill(p.data(), 0.0);
        }
        RecurrentLayer l = stack.layer(0);
        if (preset == Preset.LATCH) {
            if (cell.hasCellState()) {
                for (String g : cell.gates()) {
                    set(l, "b_i" + g, 1, 0, 10);
                }
                set(l, "b_ii", 0, 0, 5);
                set(l, "W_hi", 0, 1, -20);
                set(l, "b_if", 0, 0, 20);
                set(l, "W_ig", 0, 0, 1);
                set(l, "b_io", 0, 0, 10);
            } else if (cell.isGru()) {  // W_hn = 0: both GRUs compute the same latch
                set(l, "b_iz", 1, 0, -10);
                set(l, "b_in", 1, 0, 10);
                set(l, "b_iz", 0, 0, -5);
                set(l, "W_hz", 0, 1, 20);
                set(l, "W_in", 0, 0, 1);
            } else {
                set(l, "W_hh", 0, 0, 10);
                set(l, "W_ih", 0, 0, 1);
            }
        } else if (cell.hasCellState()) {
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
