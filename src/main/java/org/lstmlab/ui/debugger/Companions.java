package org.lstmlab.ui.debugger;

import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.RecurrentStack;

/**
 * The cells beside the main one: each runs the main cell's input with the same sizes and its own random weights
 * from the same seed (or, asked for, the main cell's own weights), traced on the worker again whenever the main
 * cell's numbers change. The toolbar's "beside" buttons and lessons come here through
 * {@link DebuggerViewModel#beside()}.
 */
public final class Companions {
    private final DebuggerWorker worker;
    private final Supplier<EditHistory.Shown> shown;
    private final Consumer<RuntimeException> onError;
    private final ObservableList<Companion> list = FXCollections.observableArrayList();
    private final java.util.Set<CellType> sameWeights = java.util.EnumSet.noneOf(CellType.class);

    /** @param shown what the main cell shows now (null before the first set-up) */
    Companions(DebuggerWorker worker, Supplier<EditHistory.Shown> shown, Consumer<RuntimeException> onError) {
        this.worker = worker;
        this.shown = shown;
        this.onError = onError;
    }

    ObservableList<Companion> list() {
        return list;
    }

    public boolean has(CellType cell) {
        return list.stream().anyMatch(c -> c.cell() == cell);
    }

    /** Puts {@code cell} beside the main one and traces it on the main cell's input (no-op if it is there). */
    public void add(CellType cell) {
        EditHistory.Shown now = shown.get();
        if (has(cell) || now == null) {
            return;
        }
        Companion c = new Companion(cell);
        list.add(c);
        trace(c, now);
    }

    /** Puts a cell beside the main one, or takes it away (a "beside" button). */
    public void set(CellType cell, boolean on) {
        if (on) {
            add(cell);
        } else {
            remove(cell);
        }
    }

    public void remove(CellType cell) {
        list.removeIf(c -> c.cell() == cell);
        sameWeights.remove(cell);
    }

    /**
     * Adds {@code cell} with the main cell's own weights (for cells with the same weight layout: the LSTM and the
     * tutorial's two wrong cells), replacing it if it is there; throws for a cell whose weights differ. The
     * lessons compare the same weights in two cells.
     */
    public void addWithSameWeights(CellType cell) {
        EditHistory.Shown now = shown.get();
        if (now == null || !cell.gates().equals(now.workspace().cell().gates())) {
            throw new IllegalArgumentException(cell.id() + " cannot take the weights of "
                    + (now == null ? "nothing" : now.workspace().cell().id()));
        }
        remove(cell);
        sameWeights.add(cell);
        add(cell);
    }

    /** Traces every companion again on what is shown now. */
    void retrace() {
        for (Companion c : list) {
            trace(c, shown.get());
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
