package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.Map;

import org.lstmlab.engine.nn.CellType;

/**
 * What the whole-sequence views draw, copied out of a trace on the worker so that the FX thread only paints:
 * per layer and symbol a units × time matrix (time-major, {@code values[t·H + j]}) with its range, and per layer
 * the norms of dL/dh_t and dL/dc_t against t; {@code cell} says which equations compute the symbols.
 */
public record TraceDigest(CellType cell, List<String> heatmapSymbols, List<Map<String, Series>> layers,
                          List<double[]> dhNorms, List<double[]> dcNorms) {

    /**
     * One symbol of one layer over the whole run, with its range up to every step: {@code minUpTo[t]} and
     * {@code maxUpTo[t]} over the steps 0..t and every unit (infinite while only non-finite values were seen).
     */
    public record Series(float[] values, int steps, int units, double[] minUpTo, double[] maxUpTo) {
        public double at(int t, int unit) {
            return values[t * units + unit];
        }
    }

    public Series series(int layer, String symbol) {
        return layers.get(layer).get(symbol);
    }
}
