package org.lstmlab.engine.optim;

import java.util.Map;

/** What every optimizer here keeps: its learning rate and its per-parameter state with the step count. */
abstract class BaseOptimizer implements Optimizer {
    protected double lr;
    protected final OptimizerState state;

    protected BaseOptimizer(double lr, String... slots) {
        this.lr = lr;
        this.state = new OptimizerState(slots);
    }

    @Override
    public long steps() {
        return state.steps;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = lr;
    }

    @Override
    public Map<String, double[]> state() {
        return state.snapshot();
    }

    @Override
    public void restore(Map<String, double[]> saved) {
        state.restore(saved);
    }
}
