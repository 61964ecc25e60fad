package org.lstmlab.engine.nn;

import java.util.List;
import java.util.Locale;

/**
 * The recurrent cells the engine computes, with PyTorch's gate order. {@code G} is the number of gate blocks in
 * the fused weight matrices: {@code W_ih} is {@code (G·H × D)} and {@code W_hh} is {@code (G·H × H)}.
 */
public enum CellType {
    /** Long short-term memory (Hochreiter &amp; Schmidhuber 1997) with a forget gate (Gers et al. 2000). */
    LSTM("lstm", List.of("i", "f", "g", "o")),
    /** Gated recurrent unit (Cho et al. 2014), with the reset gate applied after the matrix product, as PyTorch. */
    GRU("gru", List.of("r", "z", "n")),
    /** Elman RNN with tanh: {@code h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)}. */
    RNN_TANH("rnn_tanh", List.of("h")),
    /** Elman RNN with ReLU. */
    RNN_RELU("rnn_relu", List.of("h"));

    private final String id;
    private final List<String> gates;

    CellType(String id, List<String> gates) {
        this.id = id;
        this.gates = gates;
    }

    /** The name used in files and on the command line: {@code lstm}, {@code gru}, {@code rnn_tanh}, {@code rnn_relu}. */
    public String id() {
        return id;
    }

    /** Number of gate blocks G in the fused weights (4, 3 or 1). */
    /** The layer's name in Keras and in the literature: {@code LSTM}, {@code GRU}, {@code SimpleRNN}. */
    public String displayName() {
        return switch (this) {
            case LSTM -> "LSTM";
            case GRU -> "GRU";
            case RNN_TANH, RNN_RELU -> "SimpleRNN";
        };
    }

    public int gateCount() {
        return gates.size();
    }

    /** Gate symbols in storage order: LSTM i, f, g, o; GRU r, z, n; RNN h. */
    public List<String> gates() {
        return gates;
    }

    public boolean hasCellState() {
        return this == LSTM;
    }

    public boolean isSimpleRnn() {
        return this == RNN_TANH || this == RNN_RELU;
    }

    /** Parses {@code lstm}, {@code gru}, {@code rnn} (= tanh), {@code rnn_tanh}, {@code rnn_relu}, any case. */
    public static CellType parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "lstm" -> LSTM;
            case "gru" -> GRU;
            case "rnn", "rnn_tanh", "simplernn", "tanh" -> RNN_TANH;
            case "rnn_relu", "relu" -> RNN_RELU;
            default -> throw new IllegalArgumentException("unknown cell type '" + s
                    + "' (expected lstm, gru, rnn, rnn_tanh or rnn_relu)");
        };
    }
}
