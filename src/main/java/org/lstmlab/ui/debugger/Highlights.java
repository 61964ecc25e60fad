package org.lstmlab.ui.debugger;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What a lesson (or a teacher) points at: one equation row, one part of the diagram, one heatmap. The views mark
 * what is set here with the style class {@code lesson-highlight}; null means nothing is marked.
 */
public final class Highlights {

    /** A heatmap: a symbol ({@code f}, {@code c}, ...) of one layer. */
    public record Heatmap(int layer, String symbol) {
    }

    private final ReadOnlyObjectWrapper<String> equation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> part = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Heatmap> heatmap = new ReadOnlyObjectWrapper<>();

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

    /** Marks equation {@code id} if the trace's cell has it (null clears); throws for one it does not have. */
    void setEquation(String id, java.util.List<org.lstmlab.engine.trace.Equation> shown) {
        if (id != null && shown.stream().noneMatch(e -> e.id().equals(id))) {
            throw new IllegalArgumentException("no equation " + id + " in " + shown.stream()
                    .map(org.lstmlab.engine.trace.Equation::id).toList());
        }
        equation.set(id);
    }

    /** Marks a node of the diagram of {@code cell} (null clears); throws for one it does not have. */
    void setPart(String id, org.lstmlab.engine.nn.CellType cell) {
        if (id != null && cell != null && DiagramLayout.of(cell).nodes.stream().noneMatch(n -> n.id().equals(id))) {
            throw new IllegalArgumentException("no part " + id + " in the " + cell.id() + " diagram");
        }
        part.set(id);
    }

    /** Marks a heatmap the trace has (a null symbol clears); throws for one it does not have. */
    void setHeatmap(int layer, String symbol, org.lstmlab.engine.trace.Trace tr) {
        if (symbol != null && tr != null && (layer < 0 || layer >= tr.layers()
                || !TraceJob.heatmapSymbols(tr.cell()).contains(symbol))) {
            throw new IllegalArgumentException("no heatmap " + symbol + " in layer " + layer);
        }
        heatmap.set(symbol == null ? null : new Heatmap(layer, symbol));
    }

    void clear() {
        equation.set(null);
        part.set(null);
        heatmap.set(null);
    }
}
