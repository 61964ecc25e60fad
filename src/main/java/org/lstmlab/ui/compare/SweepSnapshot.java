package org.lstmlab.ui.compare;

import java.util.List;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.text.Message;

/**
 * What a comparison has done so far, published by its worker.
 *
 * @param points   finished models
 * @param total    models in the sweep
 * @param current  the cell being trained now (null when done)
 * @param steps    its sequence length
 * @param done     the sweep has ended (finished, stopped or failed)
 * @param error    why it failed (said in the app's language when shown), or null
 * @param epochs   the epochs the model being trained has finished so far (the user's file draws them as they come)
 */
public record SweepSnapshot(List<Comparison.Point> points, int total, CellType current, int steps, boolean done,
                            Message error, List<EpochReport> epochs) {
    public static final SweepSnapshot EMPTY = new SweepSnapshot(List.of(), 0, null, 0, false, null, List.of());

    public SweepSnapshot {
        epochs = List.copyOf(epochs);
    }
}
