package org.lstmlab.ui.debugger;

import org.lstmlab.engine.nn.CellType;

/** A validated set-up: the cell, its sizes, where the input and the weights come from, and the loss. */
public record Setup(CellType cell, int steps, int inputSize, int hiddenSize, int layers, InputPreset input,
                    String word, WeightPreset weights, long seed, LossKind loss) {
}
