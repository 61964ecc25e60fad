package org.lstmlab.engine.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.text.NameList;
import org.lstmlab.engine.text.Refusal;

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

    /** See {@link Optimizer#checkState}. */
    void check(Map<String, double[]> state, List<Param> params, java.util.Set<String> nonNegative) {
        double[] count = state.get("steps");
        if (count == null || count.length != 1) {
            throw Refusal.of("engine.optimizer.noSteps");
        }
        double n = count[0];
        if (!(n >= 0 && n <= 1L << 53) || n != Math.rint(n)) {
            throw Refusal.of("engine.optimizer.stepCount", Double.toString(n));
        }
        int expected = 0;
        for (String slot : slotNames) {
            for (int i = 0; i < params.size(); i++) {
                String key = slot + "." + i;
                double[] v = state.get(key);
                if (v == null) {
                    if (n > 0) {
                        throw Refusal.of("engine.optimizer.lacks", key, params.get(i).name(), Long.toString((long) n));
                    }
                    continue;
                }
                expected++;
                if (v.length != params.get(i).size()) {
                    throw Refusal.of("engine.optimizer.size", key, Integer.toString(v.length), params.get(i).name(),
                            Integer.toString(params.get(i).size()));
                }
                for (int k = 0; k < v.length; k++) {
                    if (!Double.isFinite(v[k]) || nonNegative.contains(slot) && v[k] < 0) {
                        String why = Double.isFinite(v[k]) ? "engine.optimizer.negative" : "engine.optimizer.notFinite";
                        throw Refusal.of(why, key, Double.toString(v[k]), Integer.toString(k));
                    }
                }
            }
        }
        if (expected != 0 && expected != slotNames.length * params.size()) {
            throw Refusal.of("engine.optimizer.partial");
        }
        if (state.size() != expected + 1) {
            for (String key : state.keySet()) {
                if (!key.equals("steps") && !isSlotKey(key, params.size())) {
                    throw Refusal.of("engine.optimizer.unknown", key, NameList.of(List.of(slotNames)));
                }
            }
        }
    }

    private boolean isSlotKey(String key, int params) {
        for (String slot : slotNames) {
            if (key.startsWith(slot + ".")) {
                String i = key.substring(slot.length() + 1);
                if (i.matches("\\d{1,9}") && Integer.parseInt(i) < params) {
                    return true;
                }
            }
        }
        return false;
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
