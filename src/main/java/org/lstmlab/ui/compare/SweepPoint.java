package org.lstmlab.ui.compare;

import org.lstmlab.engine.nn.CellType;

/** One model of a comparison: a cell trained at a sequence length, and how it scored on validation. */
public record SweepPoint(CellType cell, int steps, double accuracy, boolean solved, double valLoss) {
}
