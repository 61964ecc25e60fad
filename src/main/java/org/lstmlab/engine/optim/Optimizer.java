package org.lstmlab.engine.optim;

import java.util.List;
import java.util.Map;

import org.lstmlab.engine.nn.Param;

/**
 * Updates parameters from their gradients. Optimizers keep per-parameter state (momentum, moments) in the order of
 * the list passed to {@link #step}, which must be the same list every time. Listed simplest first: {@link Sgd},
 * {@link RmsProp}, {@link Adam}.
 */
public interface Optimizer {
    /** One update of every parameter from its current gradient. */
    void step(List<Param> params);

    /**
     * The first part of {@link #step}, for updates on several threads: counts the step and prepares its constants
     * and the state buffers, on the calling thread. Then {@link #update} must cover every element of every
     * parameter exactly once; together they compute exactly what {@code step} computes.
     */
    void beginStep(List<Param> params);

    /** Updates elements {@code from .. to} of parameter {@code i} after {@link #beginStep}; ranges may run at once. */
    void update(List<Param> params, int i, int from, int to);

    /** A short description for logs and generated code, e.g. {@code Adam(lr=0.001, torch)}. */
    String describe();

    /** The state needed to resume bit-identically: named arrays (copies). */
    Map<String, double[]> state();

    /** Restores what {@link #state()} returned. */
    void restore(Map<String, double[]> state);

    /**
     * Checks a saved state (read from a file) against the parameters it is for, before {@link #restore}: a whole
     * step count, exactly this optimizer's buffers for every parameter (or none before the first step), each of
     * the parameter's size and finite, second moments not negative.
     *
     * @throws IllegalArgumentException naming the first entry that is wrong
     */
    void checkState(Map<String, double[]> state, List<Param> params);
}
