package org.lstmlab.engine.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.GateView;
import org.lstmlab.engine.nn.LayerGrads;
import org.lstmlab.engine.nn.LayerTrace;
import org.lstmlab.engine.nn.RecurrentLayer;
import org.lstmlab.engine.nn.RecurrentStack;

/**
 * A recorded run of a recurrent stack, addressed by symbol, layer, timestep and sequence: what the debugger steps
 * through, the breakpoints test and the watches read. Every value comes from the engine's own forward cache and
 * gradient trace ({@link LayerTrace}, {@link LayerGrads}); this class only finds it.
 *
 * <p>A Trace takes over its stack: the caller must not run that stack again, so the recorded values stay put.
 * Timesteps are 0-based here ({@code t = 0} is the first step); the UI shows them from 1.
 *
 * <p>Symbols: {@code x}, {@code h_prev}, {@code h}; LSTM {@code c_prev}, {@code a_i ... a_o}, {@code i, f, g, o},
 * {@code c}, {@code tanh_c}; GRU {@code a_r, a_z, r, z, gi_n, gh_n, r_gh_n, a_n, n}; reset-before GRU
 * {@code a_r, a_z, r, z, r_h, gi_n, gh_n, a_n, n}; RNN {@code a}. Backward: {@code dy, dh_next, dh, dh_prev, dx};
 * LSTM {@code dc_next, dc, dc_prev, da_i ... da_o, da}; GRU {@code dr, dz, dn, da_r, da_z, da_n}, the reset-before
 * GRU also {@code dr_h}; RNN {@code da}.
 */
public final class Trace {
    private final RecurrentStack stack;
    private final boolean hasGradients;

    private Trace(RecurrentStack stack, boolean hasGradients) {
        this.stack = stack;
        this.hasGradients = hasGradients;
    }

    /** A trace of the stack's last forward pass. */
    public static Trace forwardOnly(RecurrentStack stack) {
        return new Trace(stack, false);
    }

    /** A trace of the stack's last forward and backward passes (the input gradient must have been computed). */
    public static Trace withGradients(RecurrentStack stack) {
        return new Trace(stack, true);
    }

    public CellType cell() {
        return stack.cell();
    }

    public int layers() {
        return stack.numLayers();
    }

    public int steps() {
        return stack.trace(0).steps();
    }

    public int batch() {
        return stack.trace(0).batch();
    }

    public int hiddenSize() {
        return stack.hiddenSize();
    }

    public boolean hasGradients() {
        return hasGradients;
    }

    /** The weight block called {@code name} of layer k ({@code W_if}, {@code b_hn}, {@code W_hh}, ...). */
    public GateView weights(int layer, String name) {
        return GateView.of(stack.layer(layer), name);
    }

    public RecurrentLayer layer(int k) {
        return stack.layer(k);
    }

    /** All symbols this cell has in the given direction, in a stable order. */
    public List<String> symbols(Direction direction) {
        return symbolsOf(cell(), direction);
    }

    /** The symbols the debugger draws as heatmaps for a cell: LSTM i f g o c h, GRU r z n h, RNN a h. */
    public static List<String> heatmapSymbolsOf(CellType cell) {
        return switch (cell) {
            case LSTM, LSTM_SQUASHED_CELL, LSTM_TANH_INPUT -> List.of("i", "f", "g", "o", "c", "h");
            case GRU, GRU_RESET_BEFORE -> List.of("r", "z", "n", "h");
            default -> List.of("a", "h");
        };
    }

    public static List<String> symbolsOf(CellType cell, Direction direction) {
        List<String> s = new ArrayList<>();
        if (direction == Direction.FORWARD) {
            s.addAll(List.of("x", "h_prev"));
            if (cell.hasCellState()) {
                s.addAll(List.of("c_prev", "a_i", "a_f", "a_g", "a_o", "i", "f", "g", "o", "c", "tanh_c"));
            } else if (cell == CellType.GRU) {
                s.addAll(List.of("a_r", "a_z", "r", "z", "gi_n", "gh_n", "r_gh_n", "a_n", "n"));
            } else if (cell == CellType.GRU_RESET_BEFORE) {
                s.addAll(List.of("a_r", "a_z", "r", "z", "r_h", "gi_n", "gh_n", "a_n", "n"));
            } else {
                s.add("a");
            }
            s.add("h");
        } else {
            s.addAll(List.of("dy", "dh_next", "dh"));
            if (cell.hasCellState()) {
                s.addAll(List.of("dc_next", "dc", "da_i", "da_f", "da_g", "da_o", "da", "dc_prev"));
            } else if (cell == CellType.GRU) {
                s.addAll(List.of("dn", "da_n", "dz", "da_z", "dr", "da_r"));
            } else if (cell == CellType.GRU_RESET_BEFORE) {
                s.addAll(List.of("dn", "da_n", "dz", "da_z", "dr_h", "dr", "da_r"));
            } else {
                s.add("da");
            }
            s.addAll(List.of("dh_prev", "dx"));
        }
        return Collections.unmodifiableList(s);
    }

    /** True when {@code symbol} names a value of this trace (gradients only when it has them). */
    public boolean has(String symbol) {
        return symbols(Direction.FORWARD).contains(symbol)
                || hasGradients && symbols(Direction.BACKWARD).contains(symbol);
    }

    /** Length of the symbol's vector: D_k for x and dx, G·H for da of the LSTM, H otherwise. */
    public int size(String symbol, int layer) {
        return switch (symbol) {
            case "x", "dx" -> stack.layer(layer).inputSize();
            case "da" -> cell().gateCount() * hiddenSize();
            default -> hiddenSize();
        };
    }

    /** The value of one unit. */
    public double value(String symbol, int layer, int t, int b, int unit) {
        return vector(symbol, layer, t, b)[unit];
    }

    /** The vector {@code symbol} of layer k at step t for sequence b (a copy). */
    public double[] vector(String symbol, int layer, int t, int b) {
        checkIndex(layer, t, b);
        LayerTrace tr = stack.trace(layer);
        int h = hiddenSize();
        int batch = batch();
        int state = (t * batch + b) * h;          // step t in (T,B,H) arrays; state t (= h_{t-1}) in (T+1,B,H)
        int next = ((t + 1) * batch + b) * h;     // state t+1 (= h_t)
        int gateRow = (t * batch + b) * cell().gateCount() * h;
        return switch (symbol) {
            case "x" -> tr.input().vector(t, b);
            case "h_prev" -> slice(tr.hidden(), state, h);
            case "h" -> slice(tr.hidden(), next, h);
            case "c_prev" -> slice(lstm(tr).cellState(), state, h);
            case "c" -> slice(lstm(tr).cellState(), next, h);
            case "tanh_c" -> slice(lstm(tr).tanhCell(), state, h);
            case "a" -> slice(simpleRnn(tr).preact(), gateRow, h);
            case "gi_n" -> slice(gru(tr).preact(), gateRow + 2 * h, h);
            case "gh_n" -> slice(gru(tr).hiddenPart(), gateRow + 2 * h, h);
            case "r_gh_n" -> slice(require(tr, CellType.GRU, "PyTorch's GRU").resetHidden(), state, h);
            case "r_h" -> slice(require(tr, CellType.GRU_RESET_BEFORE, "the reset-before GRU").resetHidden(), state, h);
            case "a_n" -> sum(slice(gru(tr).preact(), gateRow + 2 * h, h), cell() == CellType.GRU
                    ? slice(tr.resetHidden(), state, h) : slice(tr.hiddenPart(), gateRow + 2 * h, h));
            case "a_r", "a_z" -> {
                int k = gateIndex(symbol.substring(2));
                yield sum(slice(gru(tr).preact(), gateRow + k * h, h), slice(tr.hiddenPart(), gateRow + k * h, h));
            }
            case "a_i", "a_f", "a_g", "a_o"
                    -> slice(lstm(tr).preact(), gateRow + gateIndex(symbol.substring(2)) * h, h);
            case "i", "f", "g", "o", "r", "z", "n" -> slice(tr.gates(), gateRow + gateIndex(symbol) * h, h);
            default -> gradient(symbol, layer, t, b, state, gateRow);
        };
    }

    private double[] gradient(String symbol, int layer, int t, int b, int state, int gateRow) {
        if (!hasGradients) {
            throw new IllegalArgumentException("no backward pass recorded: '" + symbol + "' is not available");
        }
        LayerGrads g = stack.grads(layer);
        int h = hiddenSize();
        int bh = batch() * h;
        int nextState = state + bh;  // step t+1 in (T,B,H) arrays
        boolean last = t == steps() - 1;
        return switch (symbol) {
            case "dy" -> slice(g.fromAbove(), state, h);
            case "dh" -> slice(g.dh(), state, h);
            case "dh_next" -> last ? slice(g.dhLast(), b * h, h) : slice(g.dhPrev(), nextState, h);
            case "dh_prev" -> slice(g.dhPrev(), state, h);
            case "dx" -> slice(g.dx(), (t * batch() + b) * stack.layer(layer).inputSize(),
                    stack.layer(layer).inputSize());
            case "dc" -> slice(lstmGrads(g).dc(), state, h);
            case "dc_next" -> last ? slice(lstmGrads(g).dcLast(), b * h, h) : slice(g.dcPrev(), nextState, h);
            case "dc_prev" -> slice(lstmGrads(g).dcPrev(), state, h);
            case "da" -> {
                if (cell().isGru()) {
                    throw new IllegalArgumentException("a GRU has da_r, da_z and da_n, not 'da'");
                }
                yield slice(g.dPreact(), gateRow, cell().gateCount() * h);
            }
            case "da_i", "da_f", "da_g", "da_o", "da_r", "da_z", "da_n" ->
                    slice(g.dPreact(), gateRow + gateIndex(symbol.substring(3)) * h, h);
            case "dr", "dz", "dn" -> slice(gruGrads(g).dGates(), gateRow + gateIndex(symbol.substring(1)) * h, h);
            case "dr_h" -> {
                if (cell() != CellType.GRU_RESET_BEFORE) {
                    throw new IllegalArgumentException("dr_h exists only in the reset-before GRU; this is "
                            + cell().id());
                }
                yield slice(g.dResetHidden(), state, h);
            }
            default -> throw new IllegalArgumentException("unknown symbol '" + symbol + "' for " + cell().id()
                    + "; known: " + symbols(Direction.FORWARD) + " " + symbols(Direction.BACKWARD));
        };
    }

    private int gateIndex(String gate) {
        int k = cell().gates().indexOf(gate);
        if (k < 0) {
            throw new IllegalArgumentException(cell().id() + " has no gate '" + gate + "'");
        }
        return k;
    }

    private LayerTrace lstm(LayerTrace tr) {
        if (!cell().hasCellState()) {
            throw new IllegalArgumentException("that value exists only in an LSTM; this is " + cell().id());
        }
        return tr;
    }

    private LayerTrace gru(LayerTrace tr) {
        if (!cell().isGru()) {
            throw new IllegalArgumentException("that value exists only in a GRU; this is " + cell().id());
        }
        return tr;
    }

    private LayerTrace simpleRnn(LayerTrace tr) {
        if (!cell().isSimpleRnn()) {
            throw new IllegalArgumentException("'a' is the pre-activation of a simple RNN; this is " + cell().id());
        }
        return tr;
    }

    private LayerTrace require(LayerTrace tr, CellType type, String what) {
        if (cell() != type) {
            throw new IllegalArgumentException("that value exists only in " + what + "; this is " + cell().id());
        }
        return tr;
    }

    private LayerGrads lstmGrads(LayerGrads g) {
        if (!cell().hasCellState()) {
            throw new IllegalArgumentException("that gradient exists only in an LSTM; this is " + cell().id());
        }
        return g;
    }

    private LayerGrads gruGrads(LayerGrads g) {
        if (!cell().isGru()) {
            throw new IllegalArgumentException("that gradient exists only in a GRU; this is " + cell().id());
        }
        return g;
    }

    private void checkIndex(int layer, int t, int b) {
        if (layer < 0 || layer >= layers()) {
            throw new IndexOutOfBoundsException("layer " + layer + " of " + layers());
        }
        if (t < 0 || t >= steps()) {
            throw new IndexOutOfBoundsException("step " + t + " of " + steps());
        }
        if (b < 0 || b >= batch()) {
            throw new IndexOutOfBoundsException("sequence " + b + " of " + batch());
        }
    }

    private static double[] slice(double[] a, int off, int n) {
        double[] out = new double[n];
        System.arraycopy(a, off, out, 0, n);
        return out;
    }

    private static double[] sum(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }
}
