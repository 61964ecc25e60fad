package org.lstmlab.engine.optim;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lstmlab.engine.nn.Param;

/** What every optimizer here keeps: its learning rate and its per-parameter state with the step count. */
abstract class BaseOptimizer implements Optimizer {
    protected final double lr;
    protected final OptimizerState state;

    protected BaseOptimizer(double lr, String... slots) {
        this.lr = lr;
        this.state = new OptimizerState(slots);
    }

    /** {@code v > 0} and finite (false for NaN). */
    /** {@link #beginStep}, then every parameter's update in order. */
    @Override
    public final void step(List<Param> params) {
        beginStep(params);
        for (int i = 0; i < params.size(); i++) {
            update(params, i, 0, params.get(i).size());
        }
    }

    /**
     * Counts a step and, with {@code buffers}, creates every state buffer that does not exist yet, so that
     * {@link #update}s on several threads only read the list of buffers. Returns the new step count.
     */
    protected final long countStep(List<Param> params, boolean buffers) {
        if (buffers && !params.isEmpty()) {
            state.of(params, params.size() - 1);
        }
        return ++state.steps;
    }

    static boolean positiveFinite(double v) {
        return v > 0 && v < Double.POSITIVE_INFINITY;
    }

    @Override
    public Map<String, double[]> state() {
        return state.snapshot();
    }

    @Override
    public void restore(Map<String, double[]> saved) {
        state.restore(saved);
    }

    @Override
    public void checkState(Map<String, double[]> saved, List<Param> params) {
        state.check(saved, params, nonNegativeSlots());
    }

    /** The buffers that hold squares (second moments), which are never negative. */
    protected Set<String> nonNegativeSlots() {
        return Set.of();
    }
}
