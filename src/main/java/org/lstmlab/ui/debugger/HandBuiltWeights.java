package org.lstmlab.ui.debugger;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.RecurrentStack;

/** The debugger's hand-built weight presets: the engine's {@link org.lstmlab.engine.presets.HandBuiltWeights}. */
public final class HandBuiltWeights {
    private HandBuiltWeights() {
    }

    /** Hidden size the preset needs for the cell. */
    public static int hiddenSize(WeightPreset preset, CellType cell) {
        return org.lstmlab.engine.presets.HandBuiltWeights.hiddenSize(engine(preset), cell);
    }

    /** Sets every parameter of the one-layer stack (D = 1) to the preset's values. */
    public static void apply(WeightPreset preset, RecurrentStack stack) {
        if (!preset.isHandBuilt() || !preset.supports(stack.cell())) {
            throw new IllegalArgumentException(preset + " has no hand-built weights for " + stack.cell().id());
        }
        org.lstmlab.engine.presets.HandBuiltWeights.apply(engine(preset), stack);
    }

    private static org.lstmlab.engine.presets.HandBuiltWeights.Preset engine(WeightPreset preset) {
        return preset == WeightPreset.COUNTER ? org.lstmlab.engine.presets.HandBuiltWeights.Preset.COUNTER
                : org.lstmlab.engine.presets.HandBuiltWeights.Preset.LATCH;
    }
}
