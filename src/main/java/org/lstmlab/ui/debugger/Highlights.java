package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.Trace;

/**
 * What a lesson (or a teacher) points at: one equation row, one part of the diagram, one heatmap. The views mark
 * what is set here with the style class {@code lesson-highlight}; null means nothing is marked.
 */
public final class Highlights {

    /** A heatmap: a symbol ({@code f}, {@code c}, ...) of one layer. */
    public record Heatmap(int layer, String symbol) {
    }

    private final Supplier<List<Equation>> shown;
    private final Supplier<Trace> trace;
    private final ReadOnlyObjectWrapper<String> equation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> part = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Heatmap> heatmap = new ReadOnlyObjectWrapper<>();

    /** @param shown the equations on show; @param trace the trace on show (null before the first) */
    Highlights(Supplier<List<Equation>> shown, Supplier<Trace> trace) {
        this.shown = shown;
        this.trace = trace;
    }

    /** The highlighted equation's catalogue id ({@code lstm.f}), or null. */
    public ReadOnlyObjectProperty<String> equationProperty() {
        return equation.getReadOnlyProperty();
    }

    /** The highlighted part of the diagram (a node id such as {@code f}, {@code c}, {@code mulF}), or null. */
    public ReadOnlyObjectProperty<String> partProperty() {
        return part.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Heatmap> heatmapProperty() {
        return heatmap.getReadOnlyProperty();
    }

    /** Marks the equation with catalogue id {@code id} ({@code lstm.f}) if it is on show (null clears); else throws. */
    public void showEquation(String id) {
        List<Equation> eqs = shown.get();
        if (id != null && eqs.stream().noneMatch(e -> e.id().equals(id))) {
            throw new IllegalArgumentException("no equation " + id + " in " + eqs.stream().map(Equation::id).toList());
        }
        equation.set(id);
    }

    /** Marks a node of the diagram ({@code f}, {@code c}, {@code mulF}, ...; null clears); throws for one it lacks. */
    public void showPart(String id) {
        org.lstmlab.engine.nn.CellType cell = trace.get() == null ? null : trace.get().cell();
        if (id != null && cell != null && DiagramLayout.of(cell).nodes.stream().noneMatch(n -> n.id().equals(id))) {
            throw new IllegalArgumentException("no part " + id + " in the " + cell.id() + " diagram");
        }
        part.set(id);
    }

    /** Marks the heatmap of {@code symbol} in {@code layer} (a null symbol clears); throws for one it lacks. */
    public void showHeatmap(int layer, String symbol) {
        Trace tr = trace.get();
        if (symbol != null && tr != null && (layer < 0 || layer >= tr.layers()
                || !TraceJob.heatmapSymbols(tr.cell()).contains(symbol))) {
            throw new IllegalArgumentException("no heatmap " + symbol + " in layer " + layer);
        }
        heatmap.set(symbol == null ? null : new Heatmap(layer, symbol));
    }
}
