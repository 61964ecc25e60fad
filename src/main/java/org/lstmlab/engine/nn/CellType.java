package org.lstmlab.engine.nn;

import java.util.List;
import java.util.Locale;

import org.lstmlab.engine.text.Refusal;

/**
 * The recurrent cells the engine computes, with PyTorch's gate order. {@code G} is the number of gate blocks in
 * the fused weight matrices: {@code W_ih} is {@code (G·H × D)} and {@code W_hh} is {@code (G·H × H)}.
 *
 * <p>Two of them are deliberate mistakes that popular tutorials teach ({@link #isTutorialMistake()}): they exist so
 * that the lessons can put the wrong cell beside the right one and measure the difference. They are never offered
 * as ordinary choices ({@link #standard()}) and the model file refuses to save them.
 */
public enum CellType {
    /** Long short-term memory (Hochreiter &amp; Schmidhuber 1997) with a forget gate (Gers et al. 2000). */
    LSTM("lstm", List.of("i", "f", "g", "o")),
    /** Gated recurrent unit (Cho et al. 2014), with the reset gate applied after the matrix product, as PyTorch. */
    GRU("gru", List.of("r", "z", "n")),
    /** Elman RNN with tanh: {@code h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)}. */
    RNN_TANH("rnn_tanh", List.of("h")),
    /** Elman RNN with ReLU. */
    RNN_RELU("rnn_relu", List.of("h")),
    /**
     * A tutorial's mistake: the cell state squashed again after the update, {@code c_t = tanh(f⊙c_{t-1} + i⊙g)},
     * and {@code h_t = o⊙tanh(c_t)} on top of it. It cannot count past 1 and breaks the constant error carousel.
     */
    LSTM_SQUASHED_CELL("lstm-squashed-cell", List.of("i", "f", "g", "o")),
    /** A tutorial's mistake: the input "gate" computed with tanh, so it lies in (−1, 1) instead of (0, 1). */
    LSTM_TANH_INPUT("lstm-tanh-input", List.of("i", "f", "g", "o")),
    /**
     * The GRU with the reset gate applied before the recurrent product, {@code n_t = tanh(W_in x_t + b_in
     * + W_hn (r_t ⊙ h_{t-1}) + b_hn)}: the form of Cho et al. (2014), of Dive into Deep Learning, and Keras'
     * {@code GRU(reset_after=False)} (Keras' default before TF 2). A standard architecture that PyTorch does not
     * offer. Same parameters and gate order (r, z, n) as {@link #GRU}; b_in and b_hn only ever appear as their sum.
     */
    GRU_RESET_BEFORE("gru-reset-before", List.of("r", "z", "n"));

    private static final List<CellType> STANDARD = List.of(LSTM, GRU, GRU_RESET_BEFORE, RNN_TANH, RNN_RELU);
    private static final List<CellType> MISTAKES = List.of(LSTM_SQUASHED_CELL, LSTM_TANH_INPUT);

    private final String id;
    private final List<String> gates;

    CellType(String id, List<String> gates) {
        this.id = id;
        this.gates = gates;
    }

    /**
     * The name used in files and on the command line: {@code lstm}, {@code gru}, {@code gru-reset-before},
     * {@code rnn_tanh}, {@code rnn_relu}; the tutorial's mistakes {@code lstm-squashed-cell} and
     * {@code lstm-tanh-input}.
     */
    public String id() {
        return id;
    }

    /** The layer's name in Keras and in the literature: {@code LSTM}, {@code GRU}, {@code SimpleRNN}. */
    public String displayName() {
        return switch (this) {
            case LSTM -> "LSTM";
            case GRU -> "GRU";
            case GRU_RESET_BEFORE -> "GRU (reset_after=False)";
            case RNN_TANH, RNN_RELU -> "SimpleRNN";
            case LSTM_SQUASHED_CELL, LSTM_TANH_INPUT -> id;
        };
    }

    /** Number of gate blocks G in the fused weights (4, 3 or 1). */
    public int gateCount() {
        return gates.size();
    }

    /** Gate symbols in storage order: LSTM i, f, g, o; GRU r, z, n; RNN h. */
    public List<String> gates() {
        return gates;
    }

    /** True for the LSTM and its two wrong variants: a cell state, the gates i, f, g, o and the LSTM's layout. */
    public boolean hasCellState() {
        return this == LSTM || this == LSTM_SQUASHED_CELL || this == LSTM_TANH_INPUT;
    }

    /** True for both GRUs: PyTorch's (reset after the product) and the reset-before form; gates r, z, n. */
    public boolean isGru() {
        return this == GRU || this == GRU_RESET_BEFORE;
    }

    public boolean isSimpleRnn() {
        return this == RNN_TANH || this == RNN_RELU;
    }

    /** True for the cells that reproduce a tutorial's mistake; they must be labelled as such wherever they appear. */
    public boolean isTutorialMistake() {
        return MISTAKES.contains(this);
    }

    /** The cells a user chooses from: LSTM, GRU, GRU with the reset before the product, RNN (tanh), RNN (ReLU). */
    public static List<CellType> standard() {
        return STANDARD;
    }

    /** The two wrong cells, for the lessons that correct them. */
    public static List<CellType> tutorialMistakes() {
        return MISTAKES;
    }

    /**
     * Parses {@code lstm}, {@code gru}, {@code gru-reset-before}, {@code rnn} (= tanh), {@code rnn_tanh},
     * {@code rnn_relu}, any case; also the tutorial's mistakes by their ids ({@code lstm-squashed-cell},
     * {@code lstm-tanh-input}, or with underscores).
     */
    public static CellType parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "lstm" -> LSTM;
            case "gru" -> GRU;
            case "gru-reset-before", "gru_reset_before" -> GRU_RESET_BEFORE;
            case "rnn", "rnn_tanh", "simplernn", "tanh" -> RNN_TANH;
            case "rnn_relu", "relu" -> RNN_RELU;
            case "lstm-squashed-cell", "lstm_squashed_cell" -> LSTM_SQUASHED_CELL;
            case "lstm-tanh-input", "lstm_tanh_input" -> LSTM_TANH_INPUT;
            default -> throw Refusal.of("engine.cell.unknown", s);
        };
    }
}
