package org.lstmlab.engine.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.nn.Param;

/** Per-parameter state buffers (one or two per parameter), created on the first step, plus the step count. */
final class OptimizerState {
    private final String[] slotNames;
    private final List<double[][]> buffers = new ArrayList<>();
    long steps;

    OptimizerState(String... slotNames) {
        this.slotNames = slotNames;
    }

    /** The buffers of parameter i, allocated to the parameter's size on first use. */
    double[][] of(List<Param> params, int i) {
        while (buffers.size() < params.size()) {
            int n = params.get(buffers.size()).size();
            double[][] slots = new double[slotNames.length][];
            for (int s = 0; s < slots.length; s++) {
                slots[s] = new double[n];
            }
            buffers.add(slots);
        }
        double[][] slots = buffers.get(i);
        if (slots[0].length != params.get(i).size()) {
            throw new IllegalStateException("optimizer state for parameter " + i + " has size " + slots[0].length
                    + " but " + params.get(i) + " has " + params.get(i).size());
        }
        return slots;
    }

    Map<String, double[]> snapshot() {
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put("steps", new double[] {steps});
        for (int i = 0; i < buffers.size(); i++) {
            for (int s = 0; s < slotNames.length; s++) {
                out.put(slotNames[s] + "." + i, buffers.get(i)[s].clone());
            }
        }
        return out;
    }

    void restore(Map<String, double[]> state) {
        double[] count = state.get("steps");
        if (count == null) {
            throw new IllegalArgumentException("optimizer state has no step count");
        }
        steps = (long) count[0];
        buffers.clear();
        for (int i = 0; state.containsKey(slotNames[0] + "." + i); i++) {
            double[][] slots = new double[slotNames.length][];
            for (int s = 0; s < slotNames.length; s++) {
                double[] v = state.get(slotNames[s] + "." + i);
                if (v == null) {
                    throw new IllegalArgumentException("optimizer state lacks " + slotNames[s] + "." + i);
                }
                slots[s] = v.clone();
            }
            buffers.add(slots);
        }
    }
}
