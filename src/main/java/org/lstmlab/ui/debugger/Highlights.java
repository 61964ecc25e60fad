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

    void setEquation(String id) {
        equation.set(id);
    }

    void setPart(String id) {
        part.set(id);
    }

    void setHeatmap(Heatmap h) {
        heatmap.set(h);
    }

    void clear() {
        equation.set(null);
        part.set(null);
        heatmap.set(null);
    }
}
