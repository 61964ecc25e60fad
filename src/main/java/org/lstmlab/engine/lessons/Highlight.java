package org.lstmlab.engine.lessons;

/**
 * What a step points at: an equation row (by catalogue id, e.g. {@code lstm.f}), a gate or state in the diagram (by
 * trace symbol, e.g. {@code f}), or a heatmap row (by trace symbol).
 */
public record Highlight(Kind kind, String target) {
    public enum Kind {
        EQUATION, GATE, HEATMAP
    }
}
