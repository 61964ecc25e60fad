package org.lstmlab.ui.debugger;

import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.RecurrentStack;

/**
 * The cells beside the main one: each runs the main cell's input with the same sizes and its own random weights
 * from the same seed (or, asked for, the main cell's own weights), traced on the worker again whenever the main
 * cell's numbers change.
 */
final class Companions {
    private final DebuggerWorker worker;
    private final Consumer<RuntimeException> onError;
    private final ObservableList<Companion> list = FXCollections.observableArrayList();
    private final java.util.Set<CellType> sameWeights = java.util.EnumSet.noneOf(CellType.class);

    Companions(DebuggerWorker worker, Consumer<RuntimeException> onError) {
        this.worker = worker;
        this.onError = onError;
    }

    ObservableList<Companion> list() {
        return list;
    }

    boolean has(CellType cell) {
        return list.stream().anyMatch(c -> c.cell() == cell);
    }

    /** Adds {@code cell} beside the main one and traces it on {@code shown}'s input (no-op if it is there). */
    void add(CellType cell, EditHistory.Shown shown) {
        if (has(cell) || shown == null) {
            return;
        }
        Companion c = new Companion(cell);
        list.add(c);
        trace(c, shown);
    }

    void remove(CellType cell) {
        list.removeIf(c -> c.cell() == cell);
        sameWeights.remove(cell);
    }

    /**
     * Adds {@code cell} with the main cell's own weights (for cells with the same weight layout: the LSTM and the
     * tutorial's two wrong cells), replacing it if it is there; throws for a cell whose weights differ.
     */
    void addWithSameWeights(CellType cell, EditHistory.Shown shown) {
        if (shown == null || !cell.gates().equals(shown.workspace().cell().gates())) {
            throw new IllegalArgumentException(cell.id() + " cannot take the weights of "
                    + (shown == null ? "nothing" : shown.workspace().cell().id()));
        }
        remove(cell);
        sameWeights.add(cell);
        add(cell, shown);
    }

    /** Traces every companion again on what is shown now. */
    void retrace(EditHistory.Shown shown) {
        for (Companion c : list) {
            trace(c, shown);
        }
    }

    private void trace(Companion c, EditHistory.Shown shown) {
        Workspace w = shown.workspace();
        RecurrentStack weights = new RecurrentStack(c.cell(), w.inputSize(), w.hiddenSize(), w.layers());
        if (sameWeights.contains(c.cell()) && c.cell().gates().equals(w.cell().gates())) {
            weights.setWeights(w.request().params().subList(0, weights.parameters().size()));
        } else {
            Initializers.initialize(weights, shown.setup().weights() == WeightPreset.RANDOM_KERAS
                    ? Initializers.Scheme.KERAS : Initializers.Scheme.TORCH, shown.setup().seed());
        }
        TraceRequest req = w.requestFor(weights);
        long gen = ++c.generation;
        worker.submit(p -> TraceJob.run(req, p), r -> {
            if (gen == c.generation && list.contains(c)) {
                c.publish(r);
            }
        }, onError);
    }
}
