package org.lstmlab.ui.debugger;

import java.util.Set;

import org.lstmlab.engine.nn.CellType;

/** Where the weights come from. */
public enum WeightPreset {
    /** PyTorch's default initialisation from the seed. */
    RANDOM_TORCH(Set.of(CellType.values())),
    /** Keras' default initialisation (glorot, orthogonal, unit forget bias) from the seed. */
    RANDOM_KERAS(Set.of(CellType.values())),
    /** Hand-built: remembers the first input and ignores the rest. */
    LATCH(Set.of(CellType.LSTM, CellType.GRU, CellType.GRU_RESET_BEFORE, CellType.RNN_TANH,
            CellType.LSTM_SQUASHED_CELL, CellType.LSTM_TANH_INPUT)),
    /** Hand-built: counts the pulses of the input. */
    COUNTER(Set.of(CellType.LSTM, CellType.RNN_RELU, CellType.LSTM_SQUASHED_CELL, CellType.LSTM_TANH_INPUT)),
    /** The model opened from the Train tab. */
    TRAINED(Set.of(CellType.values())),
    /** A model file (the native format, or a PyTorch state_dict in safetensors), opened from disk. */
    FILE(Set.of(CellType.values()));

    private final Set<CellType> cells;

    WeightPreset(Set<CellType> cells) {
        this.cells = cells;
    }

    /** Whether this preset exists for the cell. */
    public boolean supports(CellType cell) {
        return cells.contains(cell);
    }

    /** Whether the weights (and sizes) come from a model rather than from the set-up form. */
    public boolean isModel() {
        return this == TRAINED || this == FILE;
    }

    public boolean isHandBuilt() {
        return this == LATCH || this == COUNTER;
    }
}
