package org.lstmlab.ui.debugger;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.lstmlab.engine.nn.CellType;

/**
 * Another cell beside the main one, run on the same input with the same sizes and its own random weights from the
 * same seed; it follows the main cursor's timestep and layer.
 */
public final class Companion {
    private final CellType cell;
    private final ReadOnlyObjectWrapper<TraceJob.Result> result = new ReadOnlyObjectWrapper<>();
    long generation;

    Companion(CellType cell) {
        this.cell = cell;
    }

    public CellType cell() {
        return cell;
    }

    public ReadOnlyObjectProperty<TraceJob.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    void publish(TraceJob.Result r) {
        result.set(r);
    }
}
